package dev.marginalia.notes;

import java.time.Instant;

import dev.marginalia.hashing.TimeOrderedKeys;

/**
 * The ids of new notes: 22 characters of the base64url alphabet, as before, of which the first 8 are the time of
 * the write (milliseconds, 48 bits) in that alphabet's characters ordered as the database orders text, and the other
 * 14 are random (84 bits, so that an id still cannot be guessed). Ids written close together in time sort close
 * together: every index keyed by a note's id (the notes, their places, the words of the search index) takes a batch
 * of new notes into one page near the last ones, where random ids changed a page of each index for each note, and
 * the embedded database wrote every changed page again at each commit (with random ids, 40-70 KB a note).
 */
final class NoteIds {

	private static final int RANDOM_CHARACTERS = 14;

	private NoteIds() {
	}

	/** @return a new id for a note written at that time */
	static String next(Instant time) {
		return TimeOrderedKeys.next(time, RANDOM_CHARACTERS);
	}

}
