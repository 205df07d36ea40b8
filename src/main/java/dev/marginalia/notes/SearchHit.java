package dev.marginalia.notes;

import java.util.List;

import dev.marginalia.content.Block;
import org.jspecify.annotations.Nullable;

/**
 * One note or reply a search found, with what the results page shows of it.
 * @param note the note or reply found
 * @param block the paragraph its thread is on in the article's current version; null when its text left the article
 * @param passage the passage its thread is on, or the paragraph's text (see {@link #quoted}), matched words marked
 * @param quoted whether {@code passage} is the passage the note quotes, not the paragraph's text
 * @param body the note's text, matched words marked
 * @param tags its tags, as written
 */
public record SearchHit(Note note, @Nullable Block block, MarkedText passage, boolean quoted, MarkedText body,
		List<String> tags) {

	/** @return whether the note's text is no longer in the article */
	public boolean orphaned() {
		return block == null;
	}

}
