package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * A note was added, edited, deleted, hidden or shown again, or its count of readers who found it useful changed. Published inside the transaction that changed it; listeners that act
 * on it after the commit see only what was really stored.
 * @param slug the article
 * @param noteId the note
 * @param blockId the paragraph it was written on
 * @param kind what happened
 * @param parentId the note it replies to, or null
 * @param visibility who may be told: everyone, or the author alone (a private note, before and after the change)
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
		UNHIDDEN,

		/** A reader found it useful, or took that back: its count changed (see {@link NoteReactions}). */
		REACTED

	}

	/** @return whether everyone may be told (false: nothing of it may show to anyone but its author) */
	public boolean isPublic() {
		return visibility == Visibility.PUBLIC;
	}

	public static NoteChanged of(Note note, Kind kind) {
		return new NoteChanged(note.articleSlug(), note.id(), note.blockId(), kind, note.parentId(), note.visibility(), note.authorHash());
	}

	/**
	 * An edit: everyone is told when the note was public or is now (a note made private leaves their pages, one made
	 * public comes onto them); only its author when it stays private.
	 */
	static NoteChanged edited(Note before, Note after) {
		Visibility told = before.visibility() == Visibility.PUBLIC ? Visibility.PUBLIC : after.visibility();
		return new NoteChanged(after.articleSlug(), after.id(), after.blockId(), Kind.EDITED, after.parentId(), told,
				after.authorHash());
	}

}
