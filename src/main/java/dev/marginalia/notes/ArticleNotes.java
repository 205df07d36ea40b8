package dev.marginalia.notes;

import java.util.List;
import java.util.Map;

/**
 * The notes on an article that one reader may see, by paragraph.
 * @param byBlock paragraph id to its notes
 * @param orphans threads whose paragraph is no longer in the article, shown with the text they were on: all,
 * or the newest few
 * @param orphanCount how many orphaned threads there are
 */
public record ArticleNotes(Map<String, BlockNotes> byBlock, List<NoteThread> orphans, int orphanCount) {

	/** How many orphaned threads the article page shows; the rest are one link away. */
	public static final int ORPHANS_SHOWN = 10;

	public ArticleNotes(Map<String, BlockNotes> byBlock, List<NoteThread> orphans) {
		this(byBlock, orphans, orphans.size());
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
