package dev.marginalia.notes.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The words a search looks for, as the embedded database indexes them and as the results page marks them: runs of
 * letters and digits, lower-cased, without the English stop words ("the", "and", the list PostgreSQL's {@code english}
 * configuration drops), each reduced to its stem ({@link EnglishStemmer}). The same rules for a note's text and a
 * reader's query, so that "annotations" finds "annotation".
 */
public final class SearchWords {

	/** Longer runs (a pasted hash, a long URL) are not words anyone searches for; they are left out. */
	static final int LONGEST = 60;

	/** PostgreSQL's {@code tsearch_data/english.stop}, which its {@code english} configuration drops. */
	private static final Set<String> STOP_WORDS = Set.of("i", "me", "my", "myself", "we", "our", "ours", "ourselves",
			"you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
			"it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this",
			"that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
			"having", "do", "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until",
			"while", "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before",
			"after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under", "again",
			"further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any", "both", "each", "few",
			"more", "most", "other", "some", "such", "no", "nor", "not", "only", "own", "same", "so", "than", "too", "very",
			"s", "t", "can", "will", "just", "don", "should", "now");

	private SearchWords() {
	}

	/**
	 * A word of a text: where it is, and its stem.
	 * @param start the index of its first character in the text
	 * @param end the index after its last
	 */
	public record Word(int start, int end, String stem) {
	}

	/** @return the words of the text that a search may find, in order, stop words left out */
	public static List<Word> words(String text) {
		List<Word> words = new ArrayList<>();
		int i = 0;
		int length = text.length();
		while (i < length) {
			int c = text.codePointAt(i);
			if (!Character.isLetterOrDigit(c)) {
				i += Character.charCount(c);
				continue;
			}
			int start = i;
			while (i < length && Character.isLetterOrDigit(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			String word = text.substring(start, i).toLowerCase(Locale.ROOT);
			if (i - start <= LONGEST && !STOP_WORDS.contains(word)) {
				words.add(new Word(start, i, EnglishStemmer.stem(word)));
			}
		}
		return words;
	}

	/** @return the distinct stems of a reader's query, in the order they first come */
	public static List<String> stems(String query) {
		Set<String> stems = new LinkedHashSet<>();
		words(query).forEach(word -> stems.add(word.stem()));
		return List.copyOf(stems);
	}

	/** @return how many times each stem occurs in the text (none in null), in the order they first come */
	static Map<String, Integer> counts(@Nullable String text) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		if (text != null) {
			words(text).forEach(word -> counts.merge(word.stem(), 1, Integer::sum));
		}
		return counts;
	}

}
