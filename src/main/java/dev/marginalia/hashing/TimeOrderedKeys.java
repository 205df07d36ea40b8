package dev.marginalia.hashing;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Random keys that begin with their time: 8 characters of the time in milliseconds (48 bits) in base64url's
 * characters ordered as the databases order text, then random characters of the same alphabet (6 bits each). Keys
 * made close together in time sort close together, so that an index keyed by them takes a batch of new rows into
 * one page beside the last ones (the embedded database writes every page a commit changed again, and a random key
 * changes a page of its own); the random part keeps them unguessable. Note ids and author secrets are made so.
 */
public final class TimeOrderedKeys {

	/** The 64 characters of base64url in the order of their codes (and of the databases' comparison of text). */
	public static final String ORDERED = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

	/** How many characters of a key are its time. */
	public static final int TIME_CHARACTERS = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedKeys() {
	}

	/** @return a key of the time and that many random characters after it */
	public static String next(Instant time, int randomCharacters) {
		char[] key = new char[TIME_CHARACTERS + randomCharacters];
		long millis = time.toEpochMilli();
		for (int i = TIME_CHARACTERS - 1; i >= 0; i--) {
			key[i] = ORDERED.charAt((int) (millis & 63));
			millis >>>= 6;
		}
		byte[] random = new byte[randomCharacters];
		RANDOM.nextBytes(random);
		for (int i = 0; i < randomCharacters; i++) {
			key[TIME_CHARACTERS + i] = ORDERED.charAt(random[i] & 63);
		}
		return new String(key);
	}

}
