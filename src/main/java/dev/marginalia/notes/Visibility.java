package dev.marginalia.notes;

import java.util.Locale;

/** Who can see a note: everyone, or its author alone (in the page, the API, exports and events). */
public enum Visibility {

	PUBLIC, PRIVATE;

	public String dbValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Visibility fromDb(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	/**
	 * @param value "public" or "private", any case; null or blank means public
	 * @return the visibility
	 * @throws InvalidNoteException for anything else
	 */
	public static Visibility parse(@org.jspecify.annotations.Nullable String value) {
		if (value == null || value.isBlank()) {
			return PUBLIC;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "public" -> PUBLIC;
			case "private" -> PRIVATE;
			default -> throw new InvalidNoteException("visibility", "Choose public or private.");
		};
	}

}
