package dev.marginalia.notes;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a note's or reply's draft may hold: a body, a name, a visibility, tags ({@link NoteTags}) and a highlight colour
 * ({@link HighlightColour}), each checked with a message per field. That a colour is for a passage alone is checked
 * where the passage is known ({@link Checked#checkColour}).
 */
final class DraftRules {

	private DraftRules() {
	}

	/**
	 * @param errors where each broken rule is put, by field (the caller's own checks may already be there)
	 * @return the draft as it will be stored, with the errors
	 */
	static Checked check(NewNote draft, Map<String, String> errors) {
		String body = draft.body() == null ? "" : draft.body().strip();
		int bodyLength = body.codePointCount(0, body.length());
		if (bodyLength == 0) {
			errors.put("body", "Write something: a note cannot be empty.");
		}
		else if (bodyLength > NoteCommands.MAX_BODY) {
			errors.put("body", "A note can have at most " + NoteCommands.MAX_BODY + " characters; this one has "
					+ bodyLength + ".");
		}
		else if (hasForbiddenCharacters(body, true)) {
			errors.put("body", "The note contains control characters; remove them and try again.");
		}
		String name = draft.authorName() == null ? "" : draft.authorName().strip();
		int nameLength = name.codePointCount(0, name.length());
		if (nameLength > NoteCommands.MAX_NAME) {
			errors.put("authorName", "A name can have at most " + NoteCommands.MAX_NAME + " characters.");
		}
		else if (hasForbiddenCharacters(name, false)) {
			errors.put("authorName", "The name contains control characters; remove them and try again.");
		}
		Visibility visibility = Visibility.PUBLIC;
		try {
			visibility = Visibility.parse(draft.visibility());
		}
		catch (InvalidNoteException ex) {
			errors.putAll(ex.errors());
		}
		List<String> tags = NoteTags.check(draft.tags(), errors);
		HighlightColour colour = null;
		if (draft.colour() != null) {
			colour = HighlightColour.ofKey(draft.colour()).orElse(null);
			if (colour == null) {
				errors.put(HighlightColour.FIELD, HighlightColour.unknown());
			}
		}
		return new Checked(body, name.isEmpty() ? null : name, visibility, tags, colour, errors);
	}

	/** Control characters (other than line breaks and tabs in a body), lone surrogates and U+FFFD. */
	static boolean hasForbiddenCharacters(String text, boolean multiline) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
				continue;
			}
			if (Character.isISOControl(c) || c == '\uFFFD' || c == '\u2028' || c == '\u2029') {
				return true;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A draft as checked: its body and name stripped, its visibility parsed, its tags as stored (null: none given),
	 * its colour (null: none given), and what is wrong with it.
	 */
	record Checked(String body, @Nullable String givenName, Visibility visibility, @Nullable List<String> givenTags,
			@Nullable HighlightColour givenColour, Map<String, String> errors) {

		String name() {
			return givenName == null ? Note.ANONYMOUS : givenName;
		}

		/** @return the tags to store: those given, or none */
		List<String> tags() {
			return givenTags == null ? List.of() : givenTags;
		}

		Checked privately() {
			return new Checked(body, givenName, Visibility.PRIVATE, givenTags, givenColour, errors);
		}

		/**
		 * A colour is for a note on a passage alone: one given for anything else is an error.
		 * @param onPassage whether the note is (or will be) on a passage
		 * @return this, with the error when there is one
		 */
		Checked checkColour(boolean onPassage) {
			if (givenColour != null && !onPassage) {
				errors.putIfAbsent(HighlightColour.FIELD, HighlightColour.notOnAPassage());
			}
			return this;
		}

		/** @throws InvalidNoteException when a rule is broken */
		Checked orThrow() {
			if (!errors.isEmpty()) {
				throw new InvalidNoteException(errors);
			}
			return this;
		}

	}

}
