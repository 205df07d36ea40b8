package dev.marginalia.notes;

import java.util.List;

import dev.marginalia.anchoring.CodePointRange;
import org.jspecify.annotations.Nullable;

/**
 * A note with its replies, oldest first.
 * @param note the note (a tombstone when deleted but replied to)
 * @param replies the replies the viewer may see
 * @param passage for a note on a passage, where the passage is in the paragraph's current text; else null
 */
public record NoteThread(Note note, List<Note> replies, @Nullable CodePointRange passage) {

	public NoteThread(Note note, List<Note> replies) {
		this(note, replies, null);
	}

}
