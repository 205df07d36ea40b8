package dev.marginalia.database;

import java.time.Duration;

/**
 * The start gave up: the database did not accept a connection for all of {@code marginalia.database.startup-wait}.
 * Explained in plain words by {@link DatabaseUnreachableFailureAnalyzer} instead of a stack trace.
 */
class DatabaseUnreachableException extends RuntimeException {

	private final String url;

	private final String reason;

	private final Duration waited;

	DatabaseUnreachableException(String url, String reason, Duration waited, Throwable cause) {
		super("Cannot connect to the database at " + url + " (" + reason + "), after waiting " + waited.toSeconds()
				+ " s", cause);
		this.url = url;
		this.reason = reason;
		this.waited = waited;
	}

	/** @return the JDBC URL without its parameters (which may hold a password), as the log shows it */
	static String shown(String jdbcUrl) {
		return jdbcUrl.split("[?;]", 2)[0];
	}

	String url() {
		return url;
	}

	String reason() {
		return reason;
	}

	Duration waited() {
		return waited;
	}

}
