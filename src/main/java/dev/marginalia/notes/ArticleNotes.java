package dev.marginalia.notes;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The notes on an article that one reader may see, by paragraph.
 * @param byBlock paragraph id to its notes
 * @param orphans threads whose paragraph is no longer in the article, shown with the text they were on: all,
 * or the newest few
 * @param orphanCount how many orphaned threads there are
 * @param passages for each paragraph, every distinct passage its notes are on (of all of them, not only the notes
 * shown) with how many notes are on it, so that the page marks them all
 */
public record ArticleNotes(Map<String, BlockNotes> byBlock, List<NoteThread> orphans, int orphanCount,
		Map<String, List<PassageAt>> passages) {

	public ArticleNotes(Map<String, BlockNotes> byBlock, List<NoteThread> orphans, int orphanCount) {
		this(byBlock, orphans, orphanCount, Map.of());
	}

	/**
	 * A passage notes are on, where it is now, and how many of the viewer's visible notes of one highlight colour are
	 * on it (a passage with notes of two colours is two of these).
	 * @param start code points in the paragraph's current text
	 * @param end exclusive
	 * @param notes how many notes
	 * @param colour their colour; null for the default
	 */
	public record PassageAt(int start, int end, int notes, @Nullable HighlightColour colour) {

		/** A passage of notes in the default colour. */
		public PassageAt(int start, int end, int notes) {
			this(start, end, notes, null);
		}

		/** @return how it is highlighted: its colour, or the default */
		public HighlightColour highlight() {
			return colour == null ? HighlightColour.DEFAULT : colour;
		}

	}

	/** How many orphaned threads the article page shows; the rest are one link away. */
	public static final int ORPHANS_SHOWN = 10;

	public ArticleNotes(Map<String, BlockNotes> byBlock, List<NoteThread> orphans) {
		this(byBlock, orphans, orphans.size(), passagesOf(byBlock));
	}

	private static Map<String, List<PassageAt>> passagesOf(Map<String, BlockNotes> byBlock) {
		Map<String, List<PassageAt>> passages = new java.util.HashMap<>();
		byBlock.forEach((blockId, notes) -> {
			Map<PassageAt, Integer> counts = new java.util.LinkedHashMap<>();
			notes.threads().stream()
				.filter(thread -> thread.passage() != null && !thread.note().deleted())
				.forEach(thread -> counts.merge(new PassageAt(thread.passage().start(), thread.passage().end(), 0,
						thread.note().colour()), 1, Integer::sum));
			counts.forEach((range, count) -> passages.computeIfAbsent(blockId, id -> new java.util.ArrayList<>())
				.add(new PassageAt(range.start(), range.end(), count, range.colour())));
		});
		return passages;
	}

	/** @return the notes on one paragraph (none when it has none) */
	public BlockNotes on(String blockId) {
		return byBlock.getOrDefault(blockId, BlockNotes.NONE);
	}

	/** @return how many orphaned threads are not shown */
	public int hiddenOrphans() {
		return orphanCount - orphans.size();
	}

}
