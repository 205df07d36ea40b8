package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * A note was added, edited, deleted, hidden or shown again. Published inside the transaction that changed it; listeners that act
 * on it after the commit see only what was really stored.
 * @param slug the article
 * @param noteId the note
 * @param blockId the paragraph it was written on
 * @param kind what happened
 * @param parentId the note it replies to, or null
 * @param visibility who may be told
 * @param authorHash its author (private notes reach only them)
 */
public record NoteChanged(String slug, String noteId, String blockId, Kind kind, @Nullable String parentId, Visibility visibility,
		String authorHash) {

	/** What happened to the note. */
	public enum Kind {

		ADDED, EDITED, DELETED,

		/** Hidden by the moderator: readers' pages take it away. */
		HIDDEN,

		/** Shown again by the moderator: readers' pages bring it back. */
		UNHIDDEN

	}

	static NoteChanged of(Note note, Kind kind) {
		return new NoteChanged(note.articleSlug(), note.id(), note.blockId(), kind, note.parentId(), note.visibility(), note.authorHash());
	}

}
