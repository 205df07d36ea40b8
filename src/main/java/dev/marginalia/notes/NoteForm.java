package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * The fields of the note form, bound from the request as they were typed.
 * @param body the Markdown text
 * @param authorName the optional display name
 * @param visibility "public" or "private"
 * @param version the version being edited (edit form only)
 */
record NoteForm(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
		@Nullable Integer version) {

	NewNote toNewNote() {
		return new NewNote(body, authorName, visibility);
	}

}
