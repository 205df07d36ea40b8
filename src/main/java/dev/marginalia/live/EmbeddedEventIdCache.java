package dev.marginalia.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.marginalia.database.VendorMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V8: on the embedded database, the event log's ids are reserved 1,000 at a time instead of H2's 32.
 * Each reservation is a commit of its own, and on H2 with {@code WRITE_DELAY=0} a commit writes every changed page
 * to the file: a fifth of the note writer's time went to them. Ids lost to a kill (at most one reservation) only
 * leave a gap in the log, which the fan-out already tolerates. Nothing changes on PostgreSQL: there a sequence's
 * cache belongs to each connection, and ids would no longer come roughly in commit order, which the fan-out's
 * gap tracking relies on. A Java migration (picked up by Spring Boot as a bean) only because it depends on the
 * database.
 */
@Component
class EmbeddedEventIdCache extends VendorMigration {

	EmbeddedEventIdCache() {
		super(8, "event ids reserved 1000 at a time on H2");
	}

	@Override
	protected void migrate(Connection connection, boolean postgres) throws SQLException {
		if (postgres) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE note_events ALTER COLUMN id SET CACHE 1000");
		}
	}

}
