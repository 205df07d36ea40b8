package dev.marginalia.annotations;

import java.util.List;

import dev.marginalia.content.Block;
import dev.marginalia.notes.NewNote;
import org.jspecify.annotations.Nullable;

/**
 * What an import will write, every annotation of the file checked: the notes, each on the paragraph (or the text of
 * one that is gone) it was placed on, and the replies, each in its thread.
 */
record ImportPlan(List<NoteWrite> notes, List<ReplyWrite> replies) {

	/** A note to write, on the paragraph (or the text of one that is gone) it was placed on. */
	record NoteWrite(ImportEntry entry, Block block, NewNote note, boolean orphaned) {
	}

	/**
	 * A reply to write, in the thread of a note of the file ({@code rootIndex}) or of the container
	 * ({@code rootNoteId}).
	 */
	record ReplyWrite(ImportEntry entry, @Nullable Integer rootIndex, @Nullable String rootNoteId, NewNote note) {
	}

}
