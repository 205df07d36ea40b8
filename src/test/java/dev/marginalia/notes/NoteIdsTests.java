package dev.marginalia.notes;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Note ids keep their shape (22 characters of base64url) and begin with their time (see TimeOrderedKeysTests). */
class NoteIdsTests {

	@Test
	void anIdIsTwentyTwoCharactersOfBase64urlThatSortByTime() {
		String earlier = NoteIds.next(Instant.parse("2026-12-06T01:00:00Z"));
		String later = NoteIds.next(Instant.parse("2026-12-06T01:00:00.001Z"));

		assertThat(earlier).matches("[A-Za-z0-9_-]{22}");
		assertThat(later).isGreaterThan(earlier);
	}

}
