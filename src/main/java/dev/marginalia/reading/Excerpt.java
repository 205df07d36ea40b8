package dev.marginalia.reading;

/** Shortens a paragraph for a title or a link preview, at a word boundary, counting Unicode code points. */
final class Excerpt {

	private Excerpt() {
	}

	/**
	 * @param text plain text, whitespace already collapsed
	 * @param max the most code points the result may have, the ellipsis included
	 * @return the text itself when it fits, else its longest prefix that ends at a word boundary, then "…"
	 */
	static String shorten(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		int limit = text.offsetByCodePoints(0, max - 1);
		int cut = text.lastIndexOf(' ', limit);
		if (cut <= 0) {
			cut = limit;
		}
		String head = text.substring(0, cut).stripTrailing();
		while (!head.isEmpty() && ",;:-–—(“\"'‘".indexOf(head.charAt(head.length() - 1)) >= 0) {
			head = head.substring(0, head.length() - 1).stripTrailing();
		}
		return head + "…";
	}

}
