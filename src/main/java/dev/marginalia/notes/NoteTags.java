package dev.marginalia.notes;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The rules of a note's tags (W3C: TextualBodies with the purpose {@code tagging}). A tag is trimmed, 1 to
 * {@value #MAX_LENGTH} characters (code points), without control characters or commas; a note has at most
 * {@value #MAX_PER_NOTE}. Tags that differ only in case are one tag ({@link #key}): the first spelling is kept.
 */
public final class NoteTags {

	/** The longest tag, in code points. */
	public static final int MAX_LENGTH = 40;

	/** The most tags one note may carry. */
	public static final int MAX_PER_NOTE = 10;

	/** The field of the drafts that tag errors are put under. */
	public static final String FIELD = "tags";

	private NoteTags() {
	}

	/** @return the form of a tag that tells tags apart, filters and counts them: NFC, lower case */
	public static String key(String tag) {
		return Normalizer.normalize(tag.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	/** @return what is wrong with one tag as sent (before trimming), or null when it is a tag */
	public static @Nullable String problem(String tag) {
		String trimmed = tag.strip();
		int length = trimmed.codePointCount(0, trimmed.length());
		if (length == 0) {
			return "A tag cannot be empty.";
		}
		if (length > MAX_LENGTH) {
			return "A tag can have at most " + MAX_LENGTH + " characters: “" + shortened(trimmed) + "”.";
		}
		if (DraftRules.hasForbiddenCharacters(trimmed, false)) {
			return "A tag cannot contain control characters or broken Unicode.";
		}
		if (trimmed.indexOf(',') >= 0) {
			return "A tag cannot contain a comma: “" + trimmed + "” (commas separate tags).";
		}
		return null;
	}

	/**
	 * @param tags as sent; null when none were given
	 * @param errors where the first problem goes, under {@link #FIELD}
	 * @return the tags as stored: trimmed, in NFC, each once (the first spelling); null when none were given
	 */
	static @Nullable List<String> check(@Nullable List<String> tags, Map<String, String> errors) {
		if (tags == null) {
			return null;
		}
		Map<String, String> byKey = new LinkedHashMap<>();
		for (String tag : tags) {
			String problem = tag == null ? "A tag is a string." : problem(tag);
			if (problem != null) {
				errors.putIfAbsent(FIELD, problem);
				return List.of();
			}
			byKey.putIfAbsent(key(tag), Normalizer.normalize(tag.strip(), Normalizer.Form.NFC));
		}
		if (byKey.size() > MAX_PER_NOTE) {
			errors.putIfAbsent(FIELD, "At most " + MAX_PER_NOTE + " tags per note; this one has " + byKey.size() + ".");
			return List.of();
		}
		return List.copyOf(byKey.values());
	}

	/**
	 * @param field the form's field as typed: tags separated by commas
	 * @return its tags, trimmed, empty ones left out ("a, , b," is two tags); null when the field was not sent
	 */
	static @Nullable List<String> split(@Nullable String field) {
		if (field == null) {
			return null;
		}
		List<String> tags = new ArrayList<>();
		for (String tag : field.split(",", -1)) {
			if (!tag.isBlank()) {
				tags.add(tag.strip());
			}
		}
		return tags;
	}

	/** @return the tags as the form's field shows them */
	static String join(List<String> tags) {
		return String.join(", ", tags);
	}

	private static String shortened(String tag) {
		return tag.codePointCount(0, tag.length()) > MAX_LENGTH + 10
				? tag.substring(0, tag.offsetByCodePoints(0, MAX_LENGTH)) + "…" : tag;
	}

}
