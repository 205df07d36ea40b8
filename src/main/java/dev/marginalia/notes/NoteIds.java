package dev.marginalia.notes;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * The ids of new notes: 22 characters of the base64url alphabet, as before, of which the first 8 are the time of
 * the write (milliseconds, 48 bits) in that alphabet's characters ordered as the database orders text, and the other
 * 14 are random (84 bits, so that an id still cannot be guessed). Ids written close together in time sort close
 * together: every index keyed by a note's id (the notes, their places, the words of the search index) takes a batch
 * of new notes into one page near the last ones, where random ids changed a page of each index for each note, and
 * the embedded database wrote every changed page again at each commit (with random ids, 40-70 KB a note).
 */
final class NoteIds {

	/** The 64 characters of base64url in the order of their codes (and of the databases' comparison of text). */
	static final String ORDERED = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

	static final int TIME_CHARACTERS = 8;

	static final int RANDOM_CHARACTERS = 14;

	private static final SecureRandom RANDOM = new SecureRandom();

	private NoteIds() {
	}

	/** @return a new id for a note written at that time */
	static String next(Instant time) {
		char[] id = new char[TIME_CHARACTERS + RANDOM_CHARACTERS];
		long millis = time.toEpochMilli();
		for (int i = TIME_CHARACTERS - 1; i >= 0; i--) {
			id[i] = ORDERED.charAt((int) (millis & 63));
			millis >>>= 6;
		}
		byte[] random = new byte[RANDOM_CHARACTERS];
		RANDOM.nextBytes(random);
		for (int i = 0; i < RANDOM_CHARACTERS; i++) {
			id[TIME_CHARACTERS + i] = ORDERED.charAt(random[i] & 63);
		}
		return new String(id);
	}

}
