package dev.marginalia.database;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets the application start when its database comes up after it (a container platform starts them together). The
 * migration is the first thing at start-up that needs the database, and every bean that reads it is made after it;
 * while the database does not accept a connection (see {@link DatabaseFailures}), the migration is tried again, for
 * up to {@code marginalia.database.startup-wait}. The first failure is logged at once, in plain words, with the
 * settings to check; then a line every ten seconds or so. A migration that fails for another reason (a bad
 * script) fails the start as before; a database that never answers fails it with
 * {@link DatabaseUnreachableException}, which {@link DatabaseUnreachableFailureAnalyzer} explains.
 */
@Component
class DatabaseStartupWait implements FlywayMigrationStrategy {

	/** The settings that say where the database is and who connects, as an operator sets them. */
	static final String SETTINGS = "MARGINALIA_DB_URL, MARGINALIA_DB_USER and MARGINALIA_DB_PASSWORD "
			+ "(spring.datasource.url, .username and .password)";

	private static final Logger log = LoggerFactory.getLogger(DatabaseStartupWait.class);

	private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Duration wait;

	private final String url;

	DatabaseStartupWait(DatabaseProperties properties, JdbcConnectionDetails connection) {
		this.wait = properties.startupWait();
		this.url = DatabaseUnreachableException.shown(connection.getJdbcUrl());
	}

	@Override
	public void migrate(Flyway flyway) {
		long started = System.nanoTime();
		AtomicInteger failures = new AtomicInteger();
		AtomicLong nextProgress = new AtomicLong(started + PROGRESS_INTERVAL_NANOS);
		RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
			.predicate(DatabaseFailures::isUnavailable)
			.maxRetries(Integer.MAX_VALUE)
			.timeout(wait)
			.delay(Duration.ofMillis(500))
			.multiplier(2)
			.maxDelay(Duration.ofSeconds(4))
			.build());
		try {
			retry.execute(() -> {
				try {
					return flyway.migrate();
				}
				catch (RuntimeException ex) {
					if (DatabaseFailures.isUnavailable(ex)) {
						report(failures.getAndIncrement(), ex, started, nextProgress);
					}
					throw ex;
				}
			});
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last != null && DatabaseFailures.isUnavailable(last)) {
				throw new DatabaseUnreachableException(url, DatabaseFailures.reason(last), wait, last);
			}
			if (last instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex);
		}
		if (failures.get() > 0) {
			log.info("The database at {} answered after {} s: starting", url, seconds(System.nanoTime() - started));
		}
	}

	private void report(int failure, RuntimeException ex, long started, AtomicLong nextProgress) {
		String reason = DatabaseFailures.reason(ex);
		if (failure == 0) {
			log.warn("Cannot connect to the database at {} ({}); retrying for {} s. Check {}, and that the database "
					+ "server is running and reachable from here.", url, reason, wait.toSeconds(), SETTINGS);
			return;
		}
		long now = System.nanoTime();
		if (now - nextProgress.get() >= 0) {
			nextProgress.set(now + PROGRESS_INTERVAL_NANOS);
			log.warn("Still cannot connect to the database at {} ({}); waiting {} s more "
					+ "(marginalia.database.startup-wait)", url, reason, Math.max(0, wait.toSeconds() - seconds(now - started)));
		}
	}

	private static long seconds(long nanos) {
		return TimeUnit.NANOSECONDS.toSeconds(nanos);
	}

}
