package dev.marginalia.live;

import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the event log, as sent to open pages.
 * @param id its place in the log: the SSE event id
 */
record LiveEvent(long id, String slug, String noteId, String blockId, NoteChanged.Kind kind, @Nullable String parentId,
		Visibility visibility, String authorHash) {

	/** @return whether a reader (null: anonymous) may be told of it */
	boolean isVisibleTo(@Nullable String viewerHash) {
		return visibility == Visibility.PUBLIC || authorHash.equals(viewerHash);
	}

}
