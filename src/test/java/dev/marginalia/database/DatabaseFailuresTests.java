package dev.marginalia.database;

import dev.marginalia.database.DatabaseFailures;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What the pool, the drivers and Spring actually throw when the database cannot be reached is recognised as such (on
 * H2 over TCP and on PostgreSQL, at a closed port, so no server is needed), and what a working database refuses is
 * not.
 */
class DatabaseFailuresTests {

	@Test
	void aClosedPortIsAnOutageOnBothDatabasesWithOrWithoutATransaction() throws Exception {
		int closed;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = probe.getLocalPort();
		}
		for (String url : List.of("jdbc:h2:tcp://127.0.0.1:" + closed + "/mem:absent",
				"jdbc:postgresql://127.0.0.1:" + closed + "/absent")) {
			try (HikariDataSource pool = new HikariDataSource()) {
				pool.setJdbcUrl(url);
				pool.setConnectionTimeout(250);
				pool.setInitializationFailTimeout(-1);
				Throwable query = catchThrowable(() -> new JdbcTemplate(pool).queryForObject("SELECT 1", Integer.class));
				Throwable transaction = catchThrowable(() -> new TransactionTemplate(new DataSourceTransactionManager(pool))
					.executeWithoutResult(status -> {
					}));
				assertThat(DatabaseFailures.isUnavailable(query)).as(url + ": " + query).isTrue();
				assertThat(DatabaseFailures.isUnavailable(transaction)).as(url + ": " + transaction).isTrue();
				assertThat(DatabaseFailures.isUnavailable(new ServletException(query))).isTrue();
				// H2 retries a refused connection for longer than this pool waits: its reason is then the pool's timeout
				assertThat(DatabaseFailures.reason(query)).as(url)
					.contains(url.startsWith("jdbc:h2") ? "Connection is not available" : "Connection refused");
			}
		}
	}

	@Test
	void aConnectionThatBrokeOrWasTerminatedIsAnOutage() {
		// the statement failed, then the rollback on the broken connection: the rollback's failure is thrown
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("This connection has been closed.", "08003"));
		rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred"));
		assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
		// Bucket4j rolls back on the connection Hikari has closed, and throws that
		assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("Connection is closed")))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(
				new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
		assertThat(DatabaseFailures.isUnavailable(new SQLException("the database system is starting up", "57P03")))
			.isTrue();
	}

	@Test
	void whatAWorkingDatabaseRefusesIsNotAnOutage() {
		assertThat(DatabaseFailures.isUnavailable(new DuplicateKeyException("duplicate"))).isFalse();
		assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("check",
				new SQLException("violates check constraint", "23514")))).isFalse();
		assertThat(DatabaseFailures.isUnavailable(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseFailures.isUnavailable(new TransactionSystemException("no"))).isFalse();
	}

}
