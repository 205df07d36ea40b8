package dev.marginalia.notes.internal;

/**
 * M. F. Porter's stemmer for English (1980, "An algorithm for suffix stripping"), as the original paper gives it:
 * "annotations", "annotation", "annotating" and "annotated" all become "annot", "policies" and "policy" "polici". The
 * embedded database's search indexes and looks up words by it; PostgreSQL's {@code english} configuration uses its
 * successor (Snowball's Porter2), which stems the common words the same. Words of one or two letters are kept as
 * they are. Lower-case ASCII letters are stemmed; a word with anything else in it is returned unchanged.
 */
final class EnglishStemmer {

	private char[] b = new char[0];

	/** the end of the word (exclusive) as the steps shorten it */
	private int k;

	/** the end of the stem (exclusive) a suffix test left */
	private int j;

	/** @return the stem of a lower-case word */
	static String stem(String word) {
		if (word.length() <= 2 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
			return word;
		}
		return new EnglishStemmer().run(word);
	}

	private String run(String word) {
		b = word.toCharArray();
		k = b.length;
		step1ab();
		step1c();
		step2();
		step3();
		step4();
		step5();
		return new String(b, 0, k);
	}

	private boolean consonant(int i) {
		return switch (b[i]) {
			case 'a', 'e', 'i', 'o', 'u' -> false;
			case 'y' -> i == 0 || !consonant(i - 1);
			default -> true;
		};
	}

	/** The measure of b[0, j): the number of vowel-consonant sequences, m in [C](VC)^m[V]. */
	private int measure() {
		int n = 0;
		int i = 0;
		while (i < j && consonant(i)) {
			i++;
		}
		while (i < j) {
			while (i < j && !consonant(i)) {
				i++;
			}
			if (i >= j) {
				break;
			}
			while (i < j && consonant(i)) {
				i++;
			}
			n++;
		}
		return n;
	}

	/** Whether b[0, j) has a vowel. */
	private boolean vowelInStem() {
		for (int i = 0; i < j; i++) {
			if (!consonant(i)) {
				return true;
			}
		}
		return false;
	}

	/** Whether b[0, end) ends with a double consonant. */
	private boolean doubleConsonant(int end) {
		return end >= 2 && b[end - 1] == b[end - 2] && consonant(end - 1);
	}

	/** Whether b[0, end) ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow"). */
	private boolean cvc(int end) {
		if (end < 3 || !consonant(end - 1) || consonant(end - 2) || !consonant(end - 3)) {
			return false;
		}
		char last = b[end - 1];
		return last != 'w' && last != 'x' && last != 'y';
	}

	/** Whether the word ends with the suffix; if so, j is where the suffix starts. */
	private boolean endsWith(String suffix) {
		int length = suffix.length();
		if (length > k) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (b[k - length + i] != suffix.charAt(i)) {
				return false;
			}
		}
		j = k - length;
		return true;
	}

	/** Replaces b[j, k) with the replacement. */
	private void setTo(String replacement) {
		int length = replacement.length();
		if (j + length > b.length) {
			b = java.util.Arrays.copyOf(b, j + length);
		}
		for (int i = 0; i < length; i++) {
			b[j + i] = replacement.charAt(i);
		}
		k = j + length;
	}

	/** Replaces the suffix found by {@link #endsWith} when the stem before it has a measure above 0. */
	private void replaceIfMeasured(String replacement) {
		if (measure() > 0) {
			setTo(replacement);
		}
	}

	/** Plurals and -ed, -ing: caresses → caress, ponies → poni, feed → feed, agreed → agree, hopping → hop. */
	private void step1ab() {
		if (endsWith("sses") || endsWith("ies")) {
			k -= 2;
		}
		else if (!endsWith("ss") && endsWith("s")) {
			k--;
		}
		if (endsWith("eed")) {
			if (measure() > 0) {
				k--;
			}
		}
		else if ((endsWith("ed") || endsWith("ing")) && vowelInStem()) {
			k = j;
			if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
				j = k;
				setTo("e");
			}
			else if (doubleConsonant(k)) {
				char last = b[k - 1];
				if (last != 'l' && last != 's' && last != 'z') {
					k--;
				}
			}
			else {
				j = k;
				if (measure() == 1 && cvc(k)) {
					setTo("e");
				}
			}
		}
	}

	/** y to i after a vowel in the stem: happy → happi. */
	private void step1c() {
		if (endsWith("y") && vowelInStem()) {
			b[k - 1] = 'i';
		}
	}

	private static final String[][] STEP2 = { { "ational", "ate" }, { "tional", "tion" }, { "enci", "ence" },
			{ "anci", "ance" }, { "izer", "ize" }, { "abli", "able" }, { "alli", "al" }, { "entli", "ent" },
			{ "eli", "e" }, { "ousli", "ous" }, { "ization", "ize" }, { "ation", "ate" }, { "ator", "ate" },
			{ "alism", "al" }, { "iveness", "ive" }, { "fulness", "ful" }, { "ousness", "ous" }, { "aliti", "al" },
			{ "iviti", "ive" }, { "biliti", "ble" } };

	private static final String[][] STEP3 = { { "icate", "ic" }, { "ative", "" }, { "alize", "al" }, { "iciti", "ic" },
			{ "ical", "ic" }, { "ful", "" }, { "ness", "" } };

	/** The longest first, so that only the longest suffix that ends the word is tried. */
	private static final String[] STEP4 = { "ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ion", "ism",
			"ate", "iti", "ous", "ive", "ize", "al", "er", "ic", "ou" };

	/** Double suffixes to single ones: relational → relate, generalization → generalize. */
	private void step2() {
		replaceLongest(STEP2);
	}

	/** -ic-, -full, -ness: electrical → electric, hopeful → hope. */
	private void step3() {
		replaceLongest(STEP3);
	}

	private void replaceLongest(String[][] rules) {
		String[] longest = null;
		int stem = 0;
		for (String[] rule : rules) {
			if (endsWith(rule[0]) && (longest == null || rule[0].length() > longest[0].length())) {
				longest = rule;
				stem = j;
			}
		}
		if (longest != null) {
			j = stem;
			replaceIfMeasured(longest[1]);
		}
	}

	/** -ant, -ence and the like, in a stem with a measure above 1: adjustment → adjust. */
	private void step4() {
		for (String suffix : STEP4) {
			if (endsWith(suffix)) {
				if (suffix.equals("ion") && (j == 0 || (b[j - 1] != 's' && b[j - 1] != 't'))) {
					return;
				}
				if (measure() > 1) {
					k = j;
				}
				return;
			}
		}
	}

	/** A final e, and a double l: probate → probat, controll → control. */
	private void step5() {
		j = k;
		if (b[k - 1] == 'e') {
			j = k - 1;
			int m = measure();
			if (m > 1 || (m == 1 && !cvc(k - 1))) {
				k--;
			}
		}
		j = k;
		if (b[k - 1] == 'l' && doubleConsonant(k) && measure() > 1) {
			k--;
		}
	}

}
