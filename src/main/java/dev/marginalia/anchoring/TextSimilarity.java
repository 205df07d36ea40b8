package dev.marginalia.anchoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How much of one paragraph survives in another, for re-anchoring notes after an edit.
 *
 * <p>Texts are compared as bags of word bigrams (lower case, NFKC, punctuation ignored): a typo costs two
 * bigrams of fifty, while two unrelated paragraphs share only the odd "of the". The score is the larger of
 * the Dice coefficient (how alike the two are) and the share of the old text's bigrams found in the new one
 * (so that a paragraph merged into a longer one is still found). Measured on the seed article: unrelated
 * paragraph pairs score at most 0.17; see {@link ReAnchoring#MIN_SCORE} for the threshold.
 */
final class TextSimilarity {

	private TextSimilarity() {
	}

	/**
	 * @param old the text a note was written on
	 * @param current a text of the current article
	 * @return 0 (nothing in common) to 1 (the same words in the same order)
	 */
	static double paragraphScore(String old, String current) {
		if (old.equals(current)) {
			// what the bigrams would say (every bigram shared), without building them: a note written now on a
			// paragraph of the current version, for one (9% of the request's CPU in a profile of note writes)
			return 1;
		}
		Map<String, Integer> before = bigrams(old);
		Map<String, Integer> after = bigrams(current);
		int sizeBefore = size(before);
		int sizeAfter = size(after);
		if (sizeBefore == 0 || sizeAfter == 0) {
			return normalise(old).equals(normalise(current)) ? 1 : 0;
		}
		int shared = 0;
		for (Map.Entry<String, Integer> entry : before.entrySet()) {
			shared += Math.min(entry.getValue(), after.getOrDefault(entry.getKey(), 0));
		}
		double dice = 2.0 * shared / (sizeBefore + sizeAfter);
		double kept = sizeBefore >= 3 ? (double) shared / sizeBefore : 0;
		return Math.max(dice, kept);
	}

	/**
	 * @return 1 minus the Levenshtein distance divided by the longer length: 1 for equal strings
	 */
	static double characterScore(String a, String b) {
		if (a.isEmpty() && b.isEmpty()) {
			return 1;
		}
		return 1.0 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / Math.max(a.length(), b.length());
	}

	/**
	 * Finds where {@code pattern} best matches a substring of {@code text}, allowing edits (Sellers' algorithm:
	 * edit distance with a free start and end in the text). Written here because the Java port of
	 * diff-match-patch caps patterns at 32 characters and quotes are longer. O(pattern × text).
	 * @return the best match, or null when even it needs more than {@code maxErrors} edits
	 */
	static Match approximate(String text, String pattern, int maxErrors) {
		int m = pattern.length();
		int n = text.length();
		if (m == 0) {
			return null;
		}
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		int[] startPrevious = new int[m + 1];
		int[] startCurrent = new int[m + 1];
		for (int i = 0; i <= m; i++) {
			previous[i] = i;
		}
		int bestDistance = Integer.MAX_VALUE;
		int bestEnd = -1;
		int bestStart = -1;
		for (int j = 1; j <= n; j++) {
			current[0] = 0;
			startCurrent[0] = j;
			char c = text.charAt(j - 1);
			for (int i = 1; i <= m; i++) {
				int substitute = previous[i - 1] + (pattern.charAt(i - 1) == c ? 0 : 1);
				int insert = previous[i] + 1;
				int delete = current[i - 1] + 1;
				if (substitute <= insert && substitute <= delete) {
					current[i] = substitute;
					startCurrent[i] = i == 1 ? j - 1 : startPrevious[i - 1];
				}
				else if (insert <= delete) {
					current[i] = insert;
					startCurrent[i] = startPrevious[i];
				}
				else {
					current[i] = delete;
					startCurrent[i] = startCurrent[i - 1];
				}
			}
			if (current[m] < bestDistance) {
				bestDistance = current[m];
				bestEnd = j;
				bestStart = startCurrent[m];
			}
			int[] swap = previous;
			previous = current;
			current = swap;
			swap = startPrevious;
			startPrevious = startCurrent;
			startCurrent = swap;
		}
		if (bestDistance > maxErrors || bestStart < 0) {
			return null;
		}
		return new Match(bestStart, bestEnd, bestDistance);
	}

	/** A match of a pattern in a text: UTF-16 indices, end exclusive, and the edits it needed. */
	record Match(int start, int end, int errors) {
	}

	/**
	 * Whether {@link #approximate} can find the pattern in the text within {@code maxErrors} edits, answered in
	 * O(text) per 64 pattern characters rather than O(pattern × text), and never wrongly "no". A pattern of up to 64
	 * characters is matched exactly (Myers' bit-parallel algorithm, one bit per pattern character); a longer one is
	 * cut into p pieces of at most 64, and since the edits of a match are shared among its pieces, some piece must
	 * then match within {@code maxErrors / p} edits. After an edit that removes paragraphs, every passage that was on
	 * them is looked for in every paragraph, and this ends most of those searches (measured on the benchmark's
	 * article, three paragraphs with 3,700 passages on them removed: 6.1 s of placing before).
	 */
	static boolean mayMatch(String text, String pattern, int maxErrors) {
		int pieces = (pattern.length() + Long.SIZE - 1) / Long.SIZE;
		int length = pieces == 0 ? 0 : (pattern.length() + pieces - 1) / pieces;
		for (int from = 0; from < pattern.length(); from += length) {
			if (matchesWithin(text, pattern.substring(from, Math.min(pattern.length(), from + length)),
					maxErrors / pieces)) {
				return true;
			}
		}
		return pattern.isEmpty();
	}

	/** Myers (1999): whether some substring of the text is within {@code maxErrors} edits of a pattern of ≤ 64. */
	private static boolean matchesWithin(String text, String pattern, int maxErrors) {
		int m = pattern.length();
		if (maxErrors >= m) {
			return true;
		}
		long[] ascii = new long[128];
		Map<Character, Long> others = new HashMap<>();
		for (int i = 0; i < m; i++) {
			char c = pattern.charAt(i);
			if (c < 128) {
				ascii[c] |= 1L << i;
			}
			else {
				others.merge(c, 1L << i, (a, b) -> a | b);
			}
		}
		long last = 1L << (m - 1);
		long plus = -1L;
		long minus = 0;
		int score = m;
		for (int j = 0; j < text.length(); j++) {
			char c = text.charAt(j);
			long equal = c < 128 ? ascii[c] : others.getOrDefault(c, 0L);
			long xv = equal | minus;
			long xh = (((equal & plus) + plus) ^ plus) | equal;
			long ph = minus | ~(xh | plus);
			long mh = plus & xh;
			if ((ph & last) != 0) {
				score++;
			}
			else if ((mh & last) != 0) {
				score--;
			}
			if (score <= maxErrors) {
				return true;
			}
			// a match may start anywhere in the text: nothing is shifted in (the first row is all zeros)
			ph <<= 1;
			mh <<= 1;
			plus = mh | ~(xv | ph);
			minus = ph & xv;
		}
		return false;
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	private static Map<String, Integer> bigrams(String text) {
		List<String> words = words(text);
		Map<String, Integer> bag = new HashMap<>();
		if (words.size() == 1) {
			bag.put(words.get(0), 1);
		}
		for (int i = 0; i + 1 < words.size(); i++) {
			bag.merge(words.get(i) + ' ' + words.get(i + 1), 1, Integer::sum);
		}
		return bag;
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		normalise(text).codePoints().forEach(codePoint -> {
			if (Character.isLetterOrDigit(codePoint)) {
				word.appendCodePoint(codePoint);
			}
			else if (!word.isEmpty()) {
				words.add(word.toString());
				word.setLength(0);
			}
		});
		if (!word.isEmpty()) {
			words.add(word.toString());
		}
		return words;
	}

	private static int size(Map<String, Integer> bag) {
		return bag.values().stream().mapToInt(Integer::intValue).sum();
	}

}
