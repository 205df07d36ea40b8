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
 * @param colour the key of its passage's highlight colour ({@link HighlightColour}) as sent; null when none was given,
 * which a new note takes as the default and an edit as "keep it"
 */
public record NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
		@Nullable String quote, @Nullable Integer quoteStart, @Nullable List<String> tags, @Nullable String colour) {

	/** A note without a colour. */
	public NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
			@Nullable String quote, @Nullable Integer quoteStart, @Nullable List<String> tags) {
		this(body, authorName, visibility, quote, quoteStart, tags, null);
	}

	/** A note without tags. */
	public NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility,
			@Nullable String quote, @Nullable Integer quoteStart) {
		this(body, authorName, visibility, quote, quoteStart, null);
	}

	/** @return this draft with these tags (an empty list: none) */
	public NewNote withTags(@Nullable List<String> tags) {
		return new NewNote(body, authorName, visibility, quote, quoteStart, tags, colour);
	}

	/** @return this draft with this highlight colour's key (null: none given) */
	public NewNote withColour(@Nullable String colour) {
		return new NewNote(body, authorName, visibility, quote, quoteStart, tags, colour);
	}

	/** A note on a whole paragraph. */
	public NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility) {
		this(body, authorName, visibility, null, null);
	}

}
