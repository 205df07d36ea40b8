package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * The fields of the note form, bound from the request as they were typed.
 * @param body the Markdown text
 * @param authorName the optional display name
 * @param visibility "public" or "private"
 * @param version the version being edited (edit form only)
 * @param quote the passage's words, for a note on a passage (add form only)
 * @param quoteStart where the passage starts in the paragraph, in code points (sent by the page's script)
 * @param tags the tags, separated by commas; null when the form had no such field (an edit then keeps them)
 */
record NoteForm(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
		@Nullable Integer version, @Nullable String quote, @Nullable Integer quoteStart, @Nullable String tags) {

	NoteForm(@Nullable String body, @Nullable String authorName, @Nullable String visibility, @Nullable Integer version) {
		this(body, authorName, visibility, version, null, null, null);
	}

	/** The form showing a draft: its tags as the field shows them. */
	static NoteForm of(NewNote draft, String authorName, @Nullable Integer version) {
		return new NoteForm(draft.body(), authorName, draft.visibility(), version, draft.quote(), draft.quoteStart(),
				draft.tags() == null ? null : NoteTags.join(draft.tags()));
	}

	NewNote toNewNote() {
		return new NewNote(body, authorName, visibility, quote, quoteStart, NoteTags.split(tags));
	}

}
