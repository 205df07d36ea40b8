package dev.marginalia.hashing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedKeysTests {

	@Test
	void aKeyIsTheTimeAndTheRandomCharactersAskedForInBase64url() {
		assertThat(TimeOrderedKeys.next(Instant.now(), 14)).matches("[A-Za-z0-9_-]{22}");
		assertThat(TimeOrderedKeys.next(Instant.now(), 36)).matches("[A-Za-z0-9_-]{44}");
		assertThat(TimeOrderedKeys.ORDERED.chars().sorted().distinct().count()).isEqualTo(64);
		assertThat(TimeOrderedKeys.ORDERED.chars().toArray()).isSorted();
	}

	@Test
	void keysSortByTheTimeTheyWereMadeAt() {
		Instant start = Instant.parse("2026-12-06T01:00:00Z");
		List<String> made = new ArrayList<>();
		for (long step = 0; step < 5_000; step++) {
			// every millisecond for a while, then ever larger jumps, up to 2^46 ms, so that every one of the eight
			// characters of the time changes (the first holds bits 42 to 47)
			long jump = step < 2_500 ? 0 : (long) Math.pow(2, 46.0 * (step - 2_500) / 2_499);
			made.add(TimeOrderedKeys.next(start.plusMillis(step + jump), 14));
		}
		assertThat(made.get(0).charAt(0)).isNotEqualTo(made.get(made.size() - 1).charAt(0));
		assertThat(made).isSorted();
		assertThat(TimeOrderedKeys.next(Instant.parse("2026-12-06T01:00:00.001Z"), 14))
			.isGreaterThan(TimeOrderedKeys.next(Instant.parse("2026-12-06T01:00:00Z"), 14));
	}

	@Test
	void keysMadeInTheSameMillisecondDifferInTheirRandomPart() {
		Instant now = Instant.parse("2026-12-06T01:00:00Z");
		Set<String> ids = new HashSet<>();
		Set<String> times = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = TimeOrderedKeys.next(now, 14);
			ids.add(id);
			times.add(id.substring(0, TimeOrderedKeys.TIME_CHARACTERS));
		}
		assertThat(ids).hasSize(10_000);
		assertThat(times).hasSize(1);
	}

}
