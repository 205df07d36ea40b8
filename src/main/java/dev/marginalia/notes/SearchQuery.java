package dev.marginalia.notes;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marginalia.notes.internal.SearchWords;
import org.jspecify.annotations.Nullable;

/**
 * What a reader searches an article's notes for: words (in the text of notes and replies, their authors' names, the
 * passages they quote, and a tag equal to one of the words), and filters: a tag, an author's name, a kind of note.
 * Every part is optional; a query without any finds nothing ({@link #isEmpty}).
 * @param text the words, as typed (trimmed), or null
 * @param tag a tag the notes must carry (any case), or null
 * @param author the name the notes' author gave (any case), or null
 * @param kind notes, replies, notes with tags, or any
 * @param order the best matches first, or the newest
 */
public record SearchQuery(@Nullable String text, @Nullable String tag, @Nullable String author, Kind kind, Order order) {

	/** The longest text a reader may search for, in characters. */
	public static final int TEXT_LENGTH = 200;

	/** A tag is at most this long (as note_tags keeps them). */
	public static final int TAG_LENGTH = 40;

	/** An author's name is at most this long (as notes keep them). */
	public static final int AUTHOR_LENGTH = 80;

	/** Which notes a query looks at. */
	public enum Kind {

		/** Notes and replies. */
		ANY,
		/** Notes, not replies. */
		NOTES,
		/** Replies. */
		REPLIES,
		/** Notes that carry a tag. */
		TAGGED

	}

	/** The order of the results. */
	public enum Order {

		/** The best matches of the words first (then the newest); the newest first for a query without words. */
		RELEVANCE,
		/** The newest first. */
		NEWEST

	}

	/**
	 * Checks what a reader asked for: texts are trimmed, empty ones are none; each may not be longer than its limit
	 * nor hold control characters.
	 * @throws InvalidSearchException naming each field ({@code q}, {@code tag}, {@code author}) that breaks a rule
	 */
	public static SearchQuery of(@Nullable String text, @Nullable String tag, @Nullable String author, Kind kind,
			Order order) {
		Map<String, String> errors = new LinkedHashMap<>();
		String words = checked("q", text, TEXT_LENGTH, "Search for at most " + TEXT_LENGTH + " characters.", errors);
		String tagged = checked("tag", tag, TAG_LENGTH, "A tag has at most " + TAG_LENGTH + " characters.", errors);
		String by = checked("author", author, AUTHOR_LENGTH, "A name has at most " + AUTHOR_LENGTH + " characters.", errors);
		if (!errors.isEmpty()) {
			throw new InvalidSearchException(errors);
		}
		return new SearchQuery(words, tagged, by, kind, order);
	}

	private static @Nullable String checked(String field, @Nullable String value, int length, String tooLong,
			Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.codePoints().anyMatch(c -> Character.isISOControl(c)
				|| (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))) {
			errors.put(field, "Remove the control characters: type words only.");
		}
		else if (stripped.codePointCount(0, stripped.length()) > length) {
			errors.put(field, tooLong);
		}
		return stripped;
	}

	/** @return whether nothing is asked for: no words, no filter */
	public boolean isEmpty() {
		return text == null && tag == null && author == null && kind == Kind.ANY;
	}

	/** @return the stems of the words that a note's text must all contain (stop words such as "the" left out) */
	public List<String> stems() {
		return text == null ? List.of() : SearchWords.stems(text);
	}

	/**
	 * @return the tags a note may carry to be found by the words instead of its text: each word as typed, and the
	 * whole text, in lower case
	 */
	public Set<String> tagWords() {
		Set<String> tags = new LinkedHashSet<>();
		if (text != null) {
			String key = NoteTags.key(text);
			tags.add(key);
			for (String word : key.split("\\s+")) {
				tags.add(word);
			}
		}
		tags.removeIf(word -> word.isEmpty() || word.length() > TAG_LENGTH);
		return tags;
	}

	/** @return the tag filter as note_tags keys it ({@link NoteTags#key}), or null */
	public @Nullable String tagKey() {
		return tag == null ? null : NoteTags.key(tag);
	}

}
