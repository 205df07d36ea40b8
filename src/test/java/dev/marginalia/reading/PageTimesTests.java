package dev.marginalia.reading;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTimesTests {

	final PageTimes times = new PageTimes();

	/** Stored to the microsecond, with whatever offset the database gave: written in UTC, to the second. */
	final OffsetDateTime written = OffsetDateTime.parse("2026-12-05T23:30:12.022012-02:00");

	@Test
	void aDatetimeAttributeIsAGlobalDateAndTimeToTheSecondInUtc() {
		assertThat(times.datetime(written)).isEqualTo("2026-12-06T01:30:12Z");
	}

	@Test
	void theTextIsTheDayInUtcAndTheTitleAddsTheTime() {
		assertThat(times.date(written)).isEqualTo("6 Dec 2026");
		assertThat(times.dateAndTime(written)).isEqualTo("6 Dec 2026, 01:30 UTC");
	}

}
