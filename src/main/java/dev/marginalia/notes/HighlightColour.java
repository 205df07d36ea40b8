package dev.marginalia.notes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The highlight colours a note on a passage may have (a whole-paragraph note and a reply have none). Each has a key
 * (stored, in the forms and the exports), a name for people, and a class of the highlights' stylesheet
 * ({@code /css/highlights.css}), the W3C Web Annotation {@code styleClass} of the note's target. Their shades are
 * custom properties of that stylesheet, checked for contrast in the light and the dark theme; each colour also has a
 * line of its own under the passage (none, double, dotted, dashed, wavy), so they are told apart without colour.
 * A passage note without a colour has the {@link #DEFAULT} highlight.
 */
public enum HighlightColour {

	YELLOW("Yellow"), GREEN("Green"), BLUE("Blue"), PINK("Pink"), PURPLE("Purple");

	/** The highlight of a passage note that has no colour of its own (the one before colours). */
	public static final HighlightColour DEFAULT = YELLOW;

	/** The field of the drafts that colour errors are put under. */
	public static final String FIELD = "colour";

	/** What every style class starts with: the classes of the highlights' stylesheet are ours alone. */
	public static final String CLASS_PREFIX = "marginalia-";

	private final String label;

	HighlightColour(String label) {
		this.label = label;
	}

	/** @return how it is stored and sent by forms: {@code green} */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @return its name for people: {@code Green} */
	public String label() {
		return label;
	}

	/** @return its class in the highlights' stylesheet, the W3C {@code styleClass}: {@code marginalia-green} */
	public String styleClass() {
		return CLASS_PREFIX + key();
	}

	/** @return every colour, in the order the forms offer them */
	public static List<HighlightColour> choices() {
		return List.of(values());
	}

	/** @return the colour of this key (any case, trimmed), if it is one */
	public static Optional<HighlightColour> ofKey(@Nullable String key) {
		if (key == null) {
			return Optional.empty();
		}
		String wanted = key.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(colour -> colour.key().equals(wanted)).findFirst();
	}

	/** @return the colour of this style class (exactly as the stylesheet spells it), if it is one */
	public static Optional<HighlightColour> ofStyleClass(@Nullable String styleClass) {
		return Arrays.stream(values()).filter(colour -> colour.styleClass().equals(styleClass)).findFirst();
	}

	/** @return a stored key's colour; null for none (or a key this version does not know: the default shows) */
	public static @Nullable HighlightColour fromDb(@Nullable String key) {
		return ofKey(key).orElse(null);
	}

	/** @return the message for a colour that is none of these */
	public static String unknown() {
		List<String> keys = Arrays.stream(values()).map(HighlightColour::key).toList();
		return "Choose one of the highlight colours: " + String.join(", ", keys.subList(0, keys.size() - 1)) + " or "
				+ keys.get(keys.size() - 1) + ".";
	}

	/** @return the message for a colour on a note that is not on a passage */
	public static String notOnAPassage() {
		return "Only a note on a passage has a highlight colour.";
	}

}
