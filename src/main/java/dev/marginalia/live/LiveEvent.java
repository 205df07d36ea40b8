package dev.marginalia.live;

import dev.marginalia.notes.NoteChanged;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an event log, as sent to open pages.
 * @param id its place in its log: for a public entry the SSE event id; a private entry's is never sent
 * @param onlyFor the author of a private note, the one reader told of it; null: everyone
 */
record LiveEvent(long id, String slug, String noteId, String blockId, NoteChanged.Kind kind, @Nullable String parentId,
		@Nullable String onlyFor) {

	/** @return whether everyone may be told of it (and it has a public id) */
	boolean isPublic() {
		return onlyFor == null;
	}

	/** @return whether a reader (null: anonymous) may be told of it */
	boolean isVisibleTo(@Nullable String viewerHash) {
		return onlyFor == null || onlyFor.equals(viewerHash);
	}

}
