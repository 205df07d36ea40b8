package dev.marginalia.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, instances wake each other with {@code NOTIFY marginalia_notes} (sent inside the note's
 * transaction, delivered by the server at commit) and a connection of each instance that LISTENs for it.
 * On the embedded database there is one instance, and this does nothing.
 */
@Component
class PostgresWakeups implements SmartLifecycle {

	static final String CHANNEL = "marginalia_notes";

	private static final Logger log = LoggerFactory.getLogger(PostgresWakeups.class);

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Fanout fanout;

	private final boolean postgres;

	private volatile boolean running;

	private Thread thread;

	PostgresWakeups(DataSource dataSource, JdbcClient jdbc, Fanout fanout) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.fanout = fanout;
		this.postgres = isPostgres(dataSource);
	}

	/** Inside a transaction: other instances hear of it when (and only if) it commits. */
	void notifyOnCommit() {
		if (postgres) {
			jdbc.sql("NOTIFY " + CHANNEL).update();
		}
	}

	@Override
	public void start() {
		running = true;
		if (postgres) {
			thread = new Thread(this::listen, "live-listen");
			thread.setDaemon(true);
			thread.start();
		}
	}

	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			thread.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		// while the database is away: warned once when the connection is lost, not at every retry
		boolean lost = false;
		long lostAt = 0;
		while (running) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				connection.setAutoCommit(true);
				statement.execute("LISTEN " + CHANNEL);
				PGConnection listener = connection.unwrap(PGConnection.class);
				if (lost) {
					log.info("Live updates listen again, {} ms after they lost their connection",
							(System.nanoTime() - lostAt) / 1_000_000);
					lost = false;
				}
				fanout.wake();
				while (running) {
					var notifications = listener.getNotifications(10_000);
					if (notifications != null && notifications.length > 0) {
						fanout.wake();
					}
				}
			}
			catch (SQLException ex) {
				if (running && !lost) {
					lost = true;
					lostAt = System.nanoTime();
					log.warn("Live updates lost their LISTEN connection, reconnecting: {}", ex.toString());
				}
				else if (running) {
					log.debug("Live updates cannot LISTEN yet: {}", ex.toString());
				}
				if (running) {
					sleep();
				}
			}
		}
	}

	private void sleep() {
		try {
			Thread.sleep(1_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
