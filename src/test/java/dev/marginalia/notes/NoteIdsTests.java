package dev.marginalia.notes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoteIdsTests {

	@Test
	void anIdHasTheShapeOfBase64urlAndTwentyTwoCharacters() {
		assertThat(NoteIds.next(Instant.now())).matches("[A-Za-z0-9_-]{22}");
		assertThat(NoteIds.ORDERED.chars().sorted().distinct().count()).isEqualTo(64);
	}

	@Test
	void idsSortByTheTimeTheyWereMadeAt() {
		Instant start = Instant.parse("2026-12-06T01:00:00Z");
		List<String> made = new ArrayList<>();
		for (long step = 0; step < 5_000; step++) {
			// every millisecond for a while, then ever larger jumps, up to 2^46 ms, so that every one of the eight
			// characters of the time changes (the first holds bits 42 to 47)
			long jump = step < 2_500 ? 0 : (long) Math.pow(2, 46.0 * (step - 2_500) / 2_499);
			made.add(NoteIds.next(start.plusMillis(step + jump)));
		}
		assertThat(made.get(0).charAt(0)).isNotEqualTo(made.get(made.size() - 1).charAt(0));
		assertThat(made).isSorted();
		assertThat(NoteIds.next(Instant.parse("2026-12-06T01:00:00.001Z")))
			.isGreaterThan(NoteIds.next(Instant.parse("2026-12-06T01:00:00Z")));
	}

	@Test
	void idsMadeInTheSameMillisecondDifferInTheirRandomPart() {
		Instant now = Instant.parse("2026-12-06T01:00:00Z");
		Set<String> ids = new HashSet<>();
		Set<String> times = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = NoteIds.next(now);
			ids.add(id);
			times.add(id.substring(0, NoteIds.TIME_CHARACTERS));
		}
		assertThat(ids).hasSize(10_000);
		assertThat(times).hasSize(1);
	}

}
