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
import dev.marginalia.notes.internal.NoteReadModel;

import org.springframework.stereotype.Service;

/**
 * The shape of each article's public conversation ({@link ConversationShape}), kept until its public notes change
 * (its {@link ArticleStamps stamp}, read before the notes, as the article page is kept): the same for every reader, so
 * every reader's page, in every order, uses the one read. The public notes per paragraph are the counts the page of
 * readers without a secret has read already (or, for a page built before that one, the same grouped count); the top
 * passages, one grouped read of the notes on passages and the replies to them.
 */
@Service
public class ConversationShapes {

	/** How many top passages at most. */
	public static final int TOP_PASSAGES = 5;

	/** How many different readers a passage needs to be a top passage. */
	public static final int MIN_READERS = 3;

	private final ConversationRepository conversations;

	private final NoteReadModel reads;

	private final ArticleStamps stamps;

	private final ConcurrentMap<String, Kept> kept = new ConcurrentHashMap<>();

	ConversationShapes(ConversationRepository conversations, NoteReadModel reads, ArticleStamps stamps) {
		this.conversations = conversations;
		this.reads = reads;
		this.stamps = stamps;
	}

	/** @return the shape of the article's public conversation now */
	public ConversationShape of(Article article) {
		Stamp stamp = stamps.stamp(article);
		Kept known = kept.get(article.slug());
		if (known != null && known.stamp().equals(stamp)) {
			return known.shape();
		}
		Map<String, Integer> counts = new HashMap<>();
		reads.counts(article.slug(), null).forEach(count -> {
			if (count.blockId() != null) {
				counts.put(count.blockId(), count.notes());
			}
		});
		return keep(article, stamp, counts);
	}

	/**
	 * The shape, from the notes of the page of readers without a secret, which count exactly the public notes and
	 * replies of each paragraph: they are not read twice.
	 * @param stamp the stamp read before those notes were
	 * @param publicNotes the article's notes as a reader without a secret sees them
	 * @return the shape of the article's public conversation then
	 */
	public ConversationShape of(Article article, Stamp stamp, ArticleNotes publicNotes) {
		Kept known = kept.get(article.slug());
		if (known != null && known.stamp().equals(stamp)) {
			return known.shape();
		}
		Map<String, Integer> counts = new HashMap<>();
		publicNotes.byBlock().forEach((blockId, notes) -> counts.put(blockId, notes.count()));
		return keep(article, stamp, counts);
	}

	private ConversationShape keep(Article article, Stamp stamp, Map<String, Integer> counts) {
		ConversationShape shape = read(article, counts);
		if (stamp.placed()) {
			kept.put(article.slug(), new Kept(stamp, shape));
		}
		return shape;
	}

	private ConversationShape read(Article article, Map<String, Integer> counts) {
		counts.keySet().removeIf(blockId -> article.block(blockId).isEmpty() || counts.get(blockId) == 0);
		List<PassageGroups.Selection> selections = new ArrayList<>();
		for (ReaderRow row : conversations.passageReaders(article.slug())) {
			if (article.block(row.blockId()).isPresent()) {
				selections.add(new PassageGroups.Selection(row.blockId(), row.start(), row.end(), row.authorHash(),
						row.notes()));
			}
		}
		return new ConversationShape(counts, PassageGroups.top(selections,
				blockId -> article.block(blockId).map(Block::position).orElse(Integer.MAX_VALUE), TOP_PASSAGES,
				MIN_READERS));
	}

	private record Kept(Stamp stamp, ConversationShape shape) {
	}

}
