package dev.marginalia.notes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.notes.ArticleStamps.Stamp;
import dev.marginalia.notes.internal.ConversationRepository;
import dev.marginalia.notes.internal.ConversationRepository.ReaderRow;

import org.springframework.stereotype.Service;

/**
 * The shape of each article's public conversation ({@link ConversationShape}): read in one grouped query of the
 * article's notes, and kept until its public notes change (its {@link ArticleStamps stamp}, read before the notes, as
 * the article page is kept). It is the same for every reader, so every reader's page, in every order, uses the one
 * read.
 */
@Service
public class ConversationShapes {

	/** How many top passages at most. */
	public static final int TOP_PASSAGES = 5;

	/** How many different readers a passage needs to be a top passage. */
	public static final int MIN_READERS = 3;

	private final ConversationRepository conversations;

	private final ArticleStamps stamps;

	private final ConcurrentMap<String, Kept> kept = new ConcurrentHashMap<>();

	ConversationShapes(ConversationRepository conversations, ArticleStamps stamps) {
		this.conversations = conversations;
		this.stamps = stamps;
	}

	/** @return the shape of the article's public conversation now */
	public ConversationShape of(Article article) {
		Stamp stamp = stamps.stamp(article);
		Kept known = kept.get(article.slug());
		if (known != null && known.stamp().equals(stamp)) {
			return known.shape();
		}
		ConversationShape shape = read(article);
		if (stamp.placed()) {
			kept.put(article.slug(), new Kept(stamp, shape));
		}
		return shape;
	}

	private ConversationShape read(Article article) {
		List<ReaderRow> rows = conversations.publicReaders(article.slug());
		if (rows.isEmpty()) {
			return ConversationShape.NONE;
		}
		Map<String, Integer> notes = new HashMap<>();
		List<PassageGroups.Selection> selections = new ArrayList<>();
		for (ReaderRow row : rows) {
			if (article.block(row.blockId()).isEmpty()) {
				continue;
			}
			notes.merge(row.blockId(), row.notes(), Integer::sum);
			if (row.start() != null && row.end() != null) {
				selections.add(new PassageGroups.Selection(row.blockId(), row.start(), row.end(), row.authorHash(),
						row.notes()));
			}
		}
		return new ConversationShape(notes, PassageGroups.top(selections,
				blockId -> article.block(blockId).map(Block::position).orElse(Integer.MAX_VALUE), TOP_PASSAGES,
				MIN_READERS));
	}

	private record Kept(Stamp stamp, ConversationShape shape) {
	}

}
