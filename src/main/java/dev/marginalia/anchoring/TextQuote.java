package dev.marginalia.anchoring;

import java.nio.charset.StandardCharsets;

/**
 * A passage of a paragraph as the W3C TextQuoteSelector and TextPositionSelector describe it: its words, up to
 * 32 code points of context either side (within the paragraph), and its position in the paragraph's text in
 * Unicode code points, end exclusive.
 */
public record TextQuote(String exact, String prefix, String suffix, int start, int end) {

	/**
	 * The passage as a URL fragment's text directive (WICG "Scroll to Text Fragment": {@code text=prefix-,exact,-suffix},
	 * each part percent-encoded), which browsers scroll to and highlight by themselves: a link to any note's passage
	 * works whether or not the page carries an anchor for that note. The context is cut to whole words, as the
	 * directive matches them.
	 */
	public String textDirective() {
		// a prefix as long as the passage's start begins with the paragraph: nothing of its first word is cut
		boolean fromParagraphStart = prefix.codePointCount(0, prefix.length()) == start;
		String before = fromParagraphStart ? prefix.strip() : wholeWords(prefix, true);
		String after = wholeWords(suffix, false);
		return "text=" + (before.isEmpty() ? "" : encode(before) + "-,") + encode(exact)
				+ (after.isEmpty() ? "" : ",-" + encode(after));
	}

	/** @return the context without the word it cuts into at its far end, and without white space at its ends */
	private static String wholeWords(String context, boolean before) {
		String text = context.strip();
		if (before && !context.isEmpty() && !Character.isWhitespace(context.charAt(0))) {
			int space = text.indexOf(' ');
			text = space < 0 ? "" : text.substring(space + 1);
		}
		if (!before && !context.isEmpty() && !Character.isWhitespace(context.charAt(context.length() - 1))) {
			int space = text.lastIndexOf(' ');
			text = space < 0 ? "" : text.substring(0, space);
		}
		return text.strip();
	}

	/** Percent-encodes all but unreserved characters (the directive's own "-", "," and "&" included). */
	private static String encode(String text) {
		StringBuilder out = new StringBuilder();
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
			}
		}
		return out.toString();
	}

}
