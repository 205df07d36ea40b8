package dev.marginalia.annotations;

import dev.marginalia.support.OnPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PrivateActivityLeavesNoTraceTests}, on a real PostgreSQL server with the same migrations: the event logs'
 * ids come from sequences there, and events reach the pages through LISTEN/NOTIFY.
 */
@OnPostgres
class PrivateActivityLeavesNoTracePostgresTests extends PrivateActivityLeavesNoTraceTests {

	@Autowired
	JdbcClient database;

	@Test
	void runsOnPostgres() {
		assertThat(database.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

}
