package dev.marginalia.notes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a reader submits to write a note or a reply, as typed: the service checks every field.
 * @param body Markdown, 1 to 10,000 characters
 * @param authorName an optional display name, at most 80 characters
 * @param visibility "public" (default) or "private"
 * @param quote for a note on a passage: the passage's exact words, which must be in the paragraph
 * @param quoteStart where the passage starts in the paragraph's text, in code points, when known (a
 * selection); tells apart a passage that occurs more than once
 * @param tags its tags as sent (see {@link NoteTags}); null when none were given, which an edit takes as "keep them"
 */
public record NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
		@Nullable String quote, @Nullable Integer quoteStart, @Nullable List<String> tags) {

	/** A note without tags. */
	public NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
			@Nullable String quote, @Nullable Integer quoteStart) {
		this(body, authorName, visibility, quote, quoteStart, null);
	}

	/** @return this draft with these tags (an empty list: none) */
	public NewNote withTags(@Nullable List<String> tags) {
		return new NewNote(body, authorName, visibility, quote, quoteStart, tags);
	}

	/** A note on a whole paragraph. */
	public NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility) {
		this(body, authorName, visibility, null, null);
	}

}
