package dev.marginalia.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When memory is given back: after the idle time with no collection, once per idle spell, never while collections go
 * on, never when turned off. (What it gives back is measured by the benchmark, src/bench/run: the RSS after the load
 * and after the idle time.)
 */
class IdleMemoryReleaseTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private final AtomicLong collections = new AtomicLong();

	private final AtomicInteger releases = new AtomicInteger();

	private final IdleMemoryRelease idle = new IdleMemoryRelease(Duration.ofSeconds(30), collections::get, () -> {
		releases.incrementAndGet();
		collections.incrementAndGet(); // the release's own full collection
	});

	@Test
	void nothingIsReleasedWhileCollectionsGoOn() {
		for (long t = 0; t < 120; t += 5) {
			collections.incrementAndGet();
			assertThat(idle.check(t * SECOND)).isFalse();
		}
		assertThat(releases).hasValue(0);
	}

	@Test
	void memoryIsReleasedOnceAfterTheIdleTimeAndAgainOnlyAfterTheAppWasBusy() {
		assertThat(idle.check(0)).as("the first check only counts").isFalse();
		assertThat(idle.check(25 * SECOND)).isFalse();
		assertThat(idle.check(30 * SECOND)).isTrue();
		assertThat(idle.check(60 * SECOND)).as("still idle: its own collection is not activity").isFalse();
		assertThat(idle.check(600 * SECOND)).isFalse();
		assertThat(releases).hasValue(1);

		collections.incrementAndGet(); // requests again
		assertThat(idle.check(605 * SECOND)).isFalse();
		assertThat(idle.check(630 * SECOND)).isFalse();
		assertThat(idle.check(635 * SECOND)).isTrue();
		assertThat(releases).hasValue(2);
	}

	@Test
	void zeroTurnsItOff() {
		IdleMemoryRelease off = new IdleMemoryRelease(Duration.ZERO, collections::get, releases::incrementAndGet);
		for (long t = 0; t < 600; t += 5) {
			assertThat(off.check(t * SECOND)).isFalse();
		}
		assertThat(releases).hasValue(0);
	}

}
