package dev.marginalia.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import dev.marginalia.notes.internal.SearchWords;

/**
 * A text with the words a search matched marked, in pieces that a template writes escaped (a marked piece in a
 * {@code <mark>}): nothing of the text is ever written as HTML. A long text is cut to a window around the first
 * match, with an ellipsis where it was cut.
 * @param pieces the text in order
 */
public record MarkedText(List<Piece> pieces) {

	private static final String ELLIPSIS = "…";

	/**
	 * A run of the text.
	 * @param marked whether it is a word the search matched
	 */
	public record Piece(String text, boolean marked) {
	}

	/**
	 * @param text plain text
	 * @param stems the stems the search looked for ({@link SearchQuery#stems}): words with one of them are marked
	 * @param max the most characters kept (about: the cut is at a space)
	 */
	public static MarkedText of(String text, Collection<String> stems, int max) {
		Set<String> wanted = Set.copyOf(stems);
		List<SearchWords.Word> matches = SearchWords.words(text).stream()
			.filter(word -> wanted.contains(word.stem()))
			.toList();
		int from = 0;
		int to = text.length();
		if (to > max) {
			// a window that starts a little before the first match, at a space
			int first = matches.isEmpty() ? 0 : matches.get(0).start();
			from = first < max / 2 ? 0 : Math.max(0, text.lastIndexOf(' ', first - max / 4) + 1);
			int space = text.lastIndexOf(' ', from + max);
			to = from + max >= text.length() ? text.length() : space > from ? space : from + max;
			if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
				to--;
			}
		}
		List<Piece> pieces = new ArrayList<>();
		if (from > 0) {
			pieces.add(new Piece(ELLIPSIS, false));
		}
		int at = from;
		for (SearchWords.Word match : matches) {
			if (match.start() < from || match.end() > to) {
				continue;
			}
			if (match.start() > at) {
				pieces.add(new Piece(text.substring(at, match.start()), false));
			}
			pieces.add(new Piece(text.substring(match.start(), match.end()), true));
			at = match.end();
		}
		if (at < to) {
			pieces.add(new Piece(text.substring(at, to), false));
		}
		if (to < text.length()) {
			pieces.add(new Piece(ELLIPSIS, false));
		}
		return new MarkedText(List.copyOf(pieces));
	}

	/** @return the text as shown, without the marks */
	public String plain() {
		StringBuilder plain = new StringBuilder();
		pieces.forEach(piece -> plain.append(piece.text()));
		return plain.toString();
	}

}
