package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * What a reader submits to write a note or a reply, as typed: the service checks every field.
 * @param body Markdown, 1 to 10,000 characters
 * @param authorName an optional display name, at most 80 characters
 * @param visibility "public" (default) or "private"
 * @param quote for a note on a passage: the passage's exact words, which must be in the paragraph
 * @param quoteStart where the passage starts in the paragraph's text, in code points, when known (a
 * selection); tells apart a passage that occurs more than once
 */
public record NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
		@Nullable String quote, @Nullable Integer quoteStart) {

	/** A note on a whole paragraph. */
	public NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility) {
		this(body, authorName, visibility, null, null);
	}

}
