package dev.marginalia.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.notes.internal.NoteSearchRepository;
import dev.marginalia.notes.internal.NoteReactionRepository;
import dev.marginalia.notes.internal.NoteTagRepository;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search of an article's notes and replies ({@link SearchQuery}): what a viewer may see of them and nothing
 * else (private notes are found by their author alone, hidden ones by the moderator alone, deleted ones by no one).
 * Reads only.
 */
@Service
public class NoteSearch {

	/** How many characters of a passage or paragraph a result shows. */
	static final int PASSAGE_SHOWN = 240;

	/** How many characters of a note's text a result shows. */
	static final int BODY_SHOWN = 400;

	private final NoteSearchRepository search;

	private final NoteTagRepository tags;

	private final NoteReactionRepository reactions;

	NoteSearch(NoteSearchRepository search, NoteTagRepository tags, NoteReactionRepository reactions) {
		this.search = search;
		this.tags = tags;
		this.reactions = reactions;
	}

	/** Up to how many matches a search counts and ranks; past that, "more than" this many, the newest first. */
	public static final int COUNTED = NoteSearchRepository.COUNTED;

	/**
	 * @return how many notes and replies the viewer may see on the article match the query (none for an empty one),
	 * or null when more than {@value #COUNTED}
	 */
	@Transactional(readOnly = true)
	public @Nullable Integer count(String slug, SearchQuery query, Viewer viewer) {
		return query.isEmpty() ? Integer.valueOf(0) : search.count(slug, query, viewer.authorHash(), viewer.isModerator());
	}

	/**
	 * A page of what a search found.
	 * @param total how many notes and replies match, on every page; null when more than {@value #COUNTED} (they are
	 * then in order of time, the newest first)
	 * @param hasNext whether more come after this page
	 * @param notes this page's, in the query's order
	 */
	public record Found(@Nullable Integer total, boolean hasNext, List<Note> notes) {

		/** @return how many pages of {@code size} there are (at least 1), or null when the matches are not counted */
		public @Nullable Integer pages(int size) {
			return total == null ? null : Math.max(1, (total + size - 1) / size);
		}

	}

	/**
	 * @return a page of the notes and replies that match, in the query's order, and how many match in all (up to
	 * {@value #COUNTED})
	 */
	@Transactional(readOnly = true)
	public Found find(String slug, SearchQuery query, Viewer viewer, int offset, int limit) {
		if (query.isEmpty()) {
			return new Found(0, false, List.of());
		}
		NoteSearchRepository.Page page = search.find(slug, query, viewer.authorHash(), viewer.isModerator(), offset, limit);
		Map<String, Integer> order = new HashMap<>();
		page.ids().forEach(id -> order.put(id, order.size()));
		return new Found(page.total(), page.hasNext(), reactions.attach(tags.attach(
				search.notes(page.ids()).stream().sorted(Comparator.comparing(note -> order.get(note.id()))).toList())));
	}

	/** @return the results page's view of these notes found: where each is, what it shows of it */
	@Transactional(readOnly = true)
	public List<SearchHit> hits(Article article, SearchQuery query, List<Note> notes) {
		List<String> ids = notes.stream().map(Note::id).toList();
		Map<String, NoteSearchRepository.ThreadPlace> places = search.places(ids);
		Set<String> parents = new HashSet<>();
		notes.stream().filter(Note::isReply).forEach(reply -> parents.add(reply.parentId()));
		Map<String, Note> threads = new HashMap<>();
		search.notes(parents).forEach(parent -> threads.put(parent.id(), parent));
		List<String> stems = query.stems();
		List<SearchHit> hits = new ArrayList<>();
		for (Note note : notes) {
			Note thread = note.isReply() ? threads.getOrDefault(note.parentId(), note) : note;
			NoteSearchRepository.ThreadPlace place = places.get(note.id());
			Block block = where(article, thread, place);
			boolean quoted = thread.quote() != null;
			String passage = quoted ? thread.quote().exact() : block != null ? block.text() : thread.blockText();
			String body = Jsoup.parseBodyFragment(note.bodyHtml()).text();
			hits.add(new SearchHit(note, block, MarkedText.of(passage, stems, PASSAGE_SHOWN), quoted,
					MarkedText.of(body, stems, BODY_SHOWN), note.tags()));
		}
		return hits;
	}

	/**
	 * The paragraph a thread is on now: where it was placed for the article's current version, or, before it is
	 * placed, where it was written if that paragraph is still there; null when its text left the article.
	 */
	private static @Nullable Block where(Article article, Note thread, NoteSearchRepository.@Nullable ThreadPlace place) {
		if (place != null && place.blockId() != null) {
			return article.block(place.blockId()).orElse(null);
		}
		if (place != null && place.orphaned()) {
			return null;
		}
		return article.block(thread.blockId()).orElse(null);
	}

}
