package dev.marginalia.moderation;

import dev.marginalia.support.OnPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ModerationTests}, on a real PostgreSQL server (sessions, flags and the lock-out shared there). */
@OnPostgres
class ModerationPostgresTests extends ModerationTests {

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

}
