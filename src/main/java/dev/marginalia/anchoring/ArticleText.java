package dev.marginalia.anchoring;

import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;

/**
 * The article's text as one string: its blocks' texts in order, each followed by a line break, as a page's
 * {@code textContent} reads the article with whitespace collapsed. Selectors over the whole article count in it;
 * {@link #folded} is the same text with typographic quotes, dashes and spaces folded to their plain forms, one
 * character for one, so that indices are the same in both.
 */
final class ArticleText {

	private final Article article;

	private final String text;

	private final String folded;

	/** UTF-16 index of each block's first character. */
	private final int[] starts;

	ArticleText(Article article) {
		this.article = article;
		StringBuilder joined = new StringBuilder();
		List<Block> blocks = article.blocks();
		starts = new int[blocks.size()];
		for (int i = 0; i < blocks.size(); i++) {
			starts[i] = joined.length();
			joined.append(blocks.get(i).text()).append('\n');
		}
		text = joined.toString();
		folded = fold(text);
	}

	Article article() {
		return article;
	}

	String text() {
		return text;
	}

	String folded() {
		return folded;
	}

	int blockCount() {
		return starts.length;
	}

	Block block(int index) {
		return article.blocks().get(index);
	}

	/** @return UTF-16 index where the block starts */
	int start(int blockIndex) {
		return starts[blockIndex];
	}

	/** @return UTF-16 index where the block's text ends (before its line break) */
	int end(int blockIndex) {
		return starts[blockIndex] + block(blockIndex).text().length();
	}

	/** @return the index of the block holding the UTF-16 index (a line break belongs to the block before it) */
	int blockAt(int index) {
		int low = 0;
		int high = starts.length - 1;
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (starts[middle] <= index) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low;
	}

	/** @return the UTF-16 index of a code point offset in the whole text, clamped to it */
	int indexOfCodePoint(int codePoints) {
		int length = text.codePointCount(0, text.length());
		return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, length)));
	}

	int codePoints(int index) {
		return text.codePointCount(0, index);
	}

	/**
	 * Folds what readers and clients type in different ways to one form, a character for a character: curly
	 * quotes and primes to straight ones, dashes to a hyphen, no-break and other spaces to a space.
	 */
	static String fold(String text) {
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = fold(chars[i]);
		}
		return new String(chars);
	}

	static char fold(char c) {
		return switch (c) {
			case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC' -> '\'';
			case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
			case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
			case '\u00A0', '\u2007', '\u202F', '\u2009', '\u200A', '\u2002', '\u2003', '\t', '\r', '\f', '\u000B' -> ' ';
			default -> c;
		};
	}

	/**
	 * Whitespace runs collapsed to one space (a line break too: the page's text has the article's paragraphs on
	 * lines of their own, a client's has whatever the HTML had between them), folded.
	 */
	static String normaliseContext(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = fold(text.charAt(i));
			if (Character.isWhitespace(c)) {
				space = true;
				continue;
			}
			if (space) {
				out.append(' ');
				space = false;
			}
			out.append(c);
		}
		if (space) {
			out.append(' ');
		}
		return out.toString();
	}

}
