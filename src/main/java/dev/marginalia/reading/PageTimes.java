package dev.marginalia.reading;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How a moment is written in a page ({@code #times} in templates, see {@link PageTimesDialect}), always in UTC: the
 * same for every reader, since a page is rendered once for many (a script, {@code times.js}, writes it again in the
 * reader's own time zone and as a relative time, "3 hours ago").
 */
public final class PageTimes {

	/** A valid global date and time string of HTML, to the second: {@code 2026-12-05T09:30:12Z}. */
	private static final DateTimeFormatter MACHINE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

	private static final DateTimeFormatter DATE_AND_TIME = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'",
			Locale.ENGLISH);

	/** @return the value of a {@code <time datetime>}: {@code 2026-12-05T09:30:12Z} */
	public String datetime(OffsetDateTime moment) {
		return MACHINE.format(utc(moment));
	}

	/** @return the day, for reading: {@code 5 Dec 2026} */
	public String date(OffsetDateTime moment) {
		return DATE.format(utc(moment));
	}

	/** @return the day and the time to the minute, for reading: {@code 5 Dec 2026, 09:30 UTC} */
	public String dateAndTime(OffsetDateTime moment) {
		return DATE_AND_TIME.format(utc(moment));
	}

	private static OffsetDateTime utc(OffsetDateTime moment) {
		return moment.withOffsetSameInstant(ZoneOffset.UTC);
	}

}
