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
 * @param colour the key of the passage's highlight colour (radio buttons); null when the form had none (an edit then
 * keeps it). The add form always sends one, the default checked: it counts only when the note is on a passage.
 */
record NoteForm(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
		@Nullable Integer version, @Nullable String quote, @Nullable Integer quoteStart, @Nullable String tags,
		@Nullable String colour) {

	NoteForm(@Nullable String body, @Nullable String authorName, @Nullable String visibility, @Nullable Integer version) {
		this(body, authorName, visibility, version, null, null, null, null);
	}

	/** The form showing a draft: its tags as the field shows them. */
	static NoteForm of(NewNote draft, String authorName, @Nullable Integer version) {
		return new NoteForm(draft.body(), authorName, draft.visibility(), version, draft.quote(), draft.quoteStart(),
				draft.tags() == null ? null : NoteTags.join(draft.tags()), draft.colour());
	}

	/**
	 * The draft the form sends. A note without a passage has no colour: the add form's colour (its default is
	 * always checked) is left out, unless it is none of the colours, which the form is shown again for.
	 */
	NewNote toNewNote() {
		boolean onPassage = quote != null && !quote.isBlank();
		String given = version == null && !onPassage && HighlightColour.ofKey(colour).isPresent() ? null : colour;
		return new NewNote(body, authorName, visibility, quote, quoteStart, NoteTags.split(tags), given);
	}

	/** @return whether this colour is the one the form shows checked: the draft's, or the default */
	public boolean isChecked(HighlightColour choice) {
		return HighlightColour.ofKey(colour).orElse(HighlightColour.DEFAULT) == choice;
	}

}
