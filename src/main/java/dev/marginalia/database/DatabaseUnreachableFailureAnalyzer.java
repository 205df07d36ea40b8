package dev.marginalia.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * When the start gives up on the database, says what is wrong and what to check, in place of the 200-line stack
 * trace of the bean that first needed it. Registered in {@code META-INF/spring.factories}.
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
		return new FailureAnalysis(
				"The database at " + cause.url() + " did not accept a connection for " + cause.waited().toSeconds()
						+ " s: " + cause.reason(),
				"Check that the database server is running and reachable from here, and the settings "
						+ DatabaseStartupWait.SETTINGS + ". A database that starts after the application is waited "
						+ "for as long as marginalia.database.startup-wait says (now " + cause.waited().toSeconds()
						+ " s).",
				cause);
	}

}
