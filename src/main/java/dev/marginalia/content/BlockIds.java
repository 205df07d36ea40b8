package dev.marginalia.content;

import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.marginalia.hashing.Digests;

/**
 * Gives every annotatable block of an article a short, URL-safe id derived from its own text.
 *
 * <h2>The scheme</h2>
 * <p>The id is {@code p-} followed by a <em>key</em> made, as in the NYT's Emphasis, of the initials of the
 * first three words of the block's first sentence and of its last sentence: "As a result, globalization
 * has gradually lost its legitimacy…" (one sentence) gives {@code p-AarAar}. Nothing about the block's
 * position goes into the id, so inserting, deleting or moving <em>other</em> blocks never changes it, and a
 * typo fixed in the middle of a paragraph leaves it alone.
 *
 * <p>Collisions: when two or more blocks of one article have the same key, each of them gets a suffix of
 * four characters from a SHA-256 hash of its own normalised text ({@code p-TwcTwc-k3xq}); when the texts are
 * identical too, the second, third… occurrence in document order gets {@code -2}, {@code -3}…. (Only the
 * relative order of identical paragraphs matters there, so other blocks still cannot change these ids.)
 * A block whose key gains or loses a collision partner changes id; re-anchoring finds it again by the key
 * prefix and the saved text.
 *
 * <p>Initials are mapped to {@code [A-Za-z0-9]}: ASCII kept (case too, it carries information), Latin
 * letters with diacritics stripped of them (é → e), Cyrillic transliterated (Kazakh letters included:
 * ә → a, қ → q, ұ → u …), and any other character (CJK, emoji…) mapped to a letter by its code point. A
 * block with no words at all gets {@code x} and the hash suffix.
 */
public final class BlockIds {

	public static final String PREFIX = "p-";

	private static final int WORDS = 3;

	private static final String HASH_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final Map<Character, Character> CYRILLIC = cyrillic();

	private BlockIds() {
	}

	/**
	 * The ids of a whole article's blocks, given their plain texts in document order.
	 * @param texts the plain text of each block
	 * @return one id per text, in the same order, all distinct
	 */
	public static List<String> assign(List<String> texts) {
		List<String> normalised = texts.stream().map(BlockIds::normalise).toList();
		List<String> keys = normalised.stream().map(BlockIds::key).toList();
		Map<String, Integer> keyCounts = new HashMap<>();
		keys.forEach(key -> keyCounts.merge(key, 1, Integer::sum));

		Map<String, Integer> seen = new HashMap<>();
		List<String> ids = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			String key = keys.get(i);
			String id = PREFIX + key;
			if (keyCounts.get(key) > 1 || key.equals("x")) {
				id += "-" + hash(normalised.get(i));
				int occurrence = seen.merge(id, 1, Integer::sum);
				if (occurrence > 1) {
					id += "-" + occurrence;
				}
			}
			ids.add(id);
		}
		return ids;
	}

	/**
	 * The key of one block: initials of the first words of its first and last sentences.
	 * @param text the block's plain text
	 * @return the key, never empty ({@code x} for a text without words)
	 */
	static String key(String text) {
		String normalised = normalise(text);
		BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
		sentences.setText(normalised);
		String first = null;
		String last = null;
		int start = sentences.first();
		for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
			String initials = initials(normalised.substring(start, end));
			if (initials.isEmpty()) {
				continue;
			}
			if (first == null) {
				first = initials;
			}
			last = initials;
		}
		if (first == null) {
			return "x";
		}
		return first + last;
	}

	/** Whitespace collapsed, Unicode NFC, trimmed: what the key and hash are computed from. */
	public static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").strip();
	}

	private static String initials(String sentence) {
		StringBuilder initials = new StringBuilder(WORDS);
		for (String token : sentence.strip().split(" ")) {
			if (initials.length() == WORDS) {
				break;
			}
			token.codePoints().filter(Character::isLetterOrDigit).findFirst()
				.ifPresent(codePoint -> initials.append(urlSafe(codePoint)));
		}
		return initials.toString();
	}

	private static char urlSafe(int codePoint) {
		if (codePoint < 128) {
			return (char) codePoint;
		}
		String decomposed = Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
		char base = decomposed.charAt(0);
		if (base < 128 && Character.isLetterOrDigit(base)) {
			return base;
		}
		Character latin = CYRILLIC.get(Character.toLowerCase(base));
		if (latin != null) {
			return Character.isUpperCase(base) ? Character.toUpperCase(latin) : latin;
		}
		return HASH_ALPHABET.charAt(Math.floorMod(codePoint, HASH_ALPHABET.length()));
	}

	private static String hash(String text) {
		byte[] digest = Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
		StringBuilder out = new StringBuilder(4);
		for (int i = 0; i < 4; i++) {
			out.append(HASH_ALPHABET.charAt((digest[i] & 0xff) % HASH_ALPHABET.length()));
		}
		return out.toString();
	}

	private static Map<Character, Character> cyrillic() {
		// Russian and Kazakh Cyrillic, lower case, to one Latin letter each (the first of its usual transliteration).
		String from = "абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә";
		String to = "abvggdeezziikqlmnnooprstuuufhhccssyyiyeuaa";
		Map<Character, Character> map = new HashMap<>();
		for (int i = 0; i < from.length(); i++) {
			map.put(from.charAt(i), to.charAt(i));
		}
		return Map.copyOf(map);
	}

}
