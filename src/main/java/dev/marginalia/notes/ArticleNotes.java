package dev.marginalia.notes;

import java.util.List;
import java.util.Map;

/**
 * The notes on an article that one reader may see, by paragraph.
 * @param byBlock paragraph id to its notes
 * @param orphans threads whose paragraph is no longer in the article, shown with the text they were on
 */
public record ArticleNotes(Map<String, BlockNotes> byBlock, List<NoteThread> orphans) {

	/** @return the notes on one paragraph (none when it has none) */
	public BlockNotes on(String blockId) {
		return byBlock.getOrDefault(blockId, BlockNotes.NONE);
	}

}
