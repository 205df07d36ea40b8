package dev.marginalia.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that is not answering from a request the database refused. What the pool and Spring JDBC throw
 * when the server is down, restarting or unreachable: Hikari's "Connection is not available, request timed out"
 * ({@link SQLTransientConnectionException}), translated by Spring to {@code CannotGetJdbcConnectionException} (a
 * {@link DataAccessResourceFailureException}), or to {@link CannotCreateTransactionException} when a transaction
 * was to begin; a connection that broke in use (PostgreSQL's SQL states of class 08, and 57P01 when the server
 * terminates it), translated to {@link DataAccessResourceFailureException}; a statement that timed out
 * ({@link QueryTimeoutException}); and the same SQL exceptions where a library (Flyway, Bucket4j) passes them on
 * untranslated. Anything else (a constraint, a bug) is not an outage and keeps its own answer.
 */
public final class DatabaseFailures {

	/** The message of Hikari's closed connection (com.zaxxer.hikari.pool.ProxyConnection), which has no SQL state. */
	private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

	private DatabaseFailures() {
	}

	/** @return whether this failure, or any of its causes, says the database cannot be reached at the moment */
	public static boolean isUnavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
					|| cause instanceof QueryTimeoutException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
					|| cause instanceof SQLException sql && isLostConnection(sql)) {
				return true;
			}
			// a rollback that failed after the statement did: the statement's failure says what happened
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& isUnavailable(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/** @return the innermost message of the failure, for a log line: "Connection refused" rather than the wrappers */
	public static String reason(Throwable failure) {
		String reason = failure.toString();
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				reason = cause.getMessage().strip();
			}
		}
		int line = reason.indexOf('\n');
		return line < 0 ? reason : reason.substring(0, line).strip();
	}

	/**
	 * SQL states of a lost or refused connection: class 08, and PostgreSQL's shutdown and start-up states; and
	 * Hikari's answer to any use of a connection it has closed, which it does when a connection breaks (a library
	 * that rolls back on such a connection, as Bucket4j does, throws that instead of the first failure).
	 */
	private static boolean isLostConnection(SQLException failure) {
		String state = failure.getSQLState();
		if (state == null) {
			return HIKARI_CLOSED_CONNECTION.equals(failure.getMessage());
		}
		return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
	}

}
