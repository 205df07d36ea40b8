package dev.marginalia.annotations;

import java.util.Map;
import java.util.Optional;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.CodePointRange;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.annotations.AnnotationDraft.Passage;
import dev.marginalia.notes.Note;
import org.jspecify.annotations.Nullable;

/**
 * Passages of a paragraph as the W3C TextQuoteSelector and TextPositionSelector describe them (Data Model §4.2.4
 * and §4.2.5): positions in Unicode code points of the paragraph's text (Java strings count UTF-16 units, so every
 * index here is converted), prefix and suffix of up to {@value Anchoring#CONTEXT} code points, as the notes keep them.
 */
final class Passages {

	private Passages() {
	}

	/** Where a note is: a paragraph, and for a passage note the passage in it. */
	record Place(String blockId, @Nullable TextQuote quote) {
	}

	/** @return where the note was written: the paragraph and passage it keeps */
	static Place written(Note note) {
		return new Place(note.blockId(), note.quote());
	}

	/**
	 * @return where the note is in the current version of the article ({@link ReAnchoring}), with its passage's
	 * quote and context taken from the paragraph's current text; empty when it is orphaned
	 */
	static Optional<Place> now(Note note, ReAnchoring anchoring) {
		return anchoring.place(note.anchor()).map(placement -> {
			CodePointRange range = placement.range();
			TextQuote quote = note.quote() == null || range == null ? null
					: at(placement.block().text(), range.start(), range.end());
			return new Place(placement.block().id(), quote);
		});
	}

	/** @return the text from {@code start} to {@code end} (code points) with up to 32 code points either side */
	static TextQuote at(String text, int start, int end) {
		return Anchoring.quoteAt(text, start, end);
	}

	/** Whitespace collapsed and trimmed, as the notes keep a quote (and as a paragraph's text is). */
	static String normalise(String words) {
		return words.replaceAll("\\s+", " ").strip();
	}

	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * What the selectors of a passage choose in a paragraph's text: the quote's words (else the words at the
	 * position) and the position, which tells apart words that occur more than once; the notes then take the
	 * occurrence nearest to it. Problems go into {@code errors}, by JSON path.
	 * @return the words and where they start (null when the client gave no position), or null after an error
	 */
	static @Nullable Located locate(String text, Passage passage, Map<String, String> errors) {
		int length = length(text);
		Integer start = passage.start();
		Integer end = passage.end();
		boolean inRange = true;
		if (start != null && end != null) {
			// a position beyond the paragraph names nothing in it: refused rather than guessed
			if (start >= length) {
				errors.put(passage.positionPath() + ".start", "The paragraph has " + length
						+ " characters (Unicode code points, from 0): start " + start + " is beyond its end.");
				inRange = false;
			}
			else if (end > length) {
				errors.put(passage.positionPath() + ".end", "The paragraph has " + length
						+ " characters (Unicode code points): end " + end + " is beyond its end.");
				inRange = false;
			}
		}
		String exact = passage.exact();
		if (exact != null) {
			String words = normalise(exact);
			if (!text.contains(words)) {
				errors.put(passage.quotePath() + ".exact",
						"Those words are not in the paragraph: copy them exactly, or select by position.");
				return null;
			}
			return inRange ? new Located(words, start) : null;
		}
		if (!inRange || start == null || end == null) {
			return null;
		}
		String selected = text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end));
		String words = normalise(selected);
		if (words.isEmpty()) {
			errors.put(passage.positionPath(), "That position selects only white space.");
			return null;
		}
		String leading = selected.substring(0, selected.length() - selected.replaceFirst("^\\s+", "").length());
		return new Located(words, start + length(leading));
	}

	/**
	 * @param located words that are in the text
	 * @return their occurrence nearest to where the passage was said to start (the first without a start), with
	 * its context, as the notes would keep it
	 */
	static TextQuote quote(String text, Located located) {
		String exact = located.exact();
		Integer start = located.start();
		int wanted = start == null ? 0 : text.offsetByCodePoints(0, Math.min(start, length(text)));
		int best = -1;
		for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
			if (best < 0 || Math.abs(at - wanted) < Math.abs(best - wanted)) {
				best = at;
			}
		}
		if (best < 0) {
			throw new IllegalArgumentException("The words are not in the text");
		}
		int from = text.codePointCount(0, best);
		return at(text, from, from + length(exact));
	}

	/**
	 * A passage found in a paragraph's text.
	 * @param exact its words
	 * @param start where they start (code points), or null when not known
	 */
	record Located(String exact, @Nullable Integer start) {
	}

}
