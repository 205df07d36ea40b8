package dev.marginalia.notes;

import dev.marginalia.support.OnPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link NoteReactionsTests}, on a real PostgreSQL server with the same migrations. */
@OnPostgres
class NoteReactionsPostgresTests extends NoteReactionsTests {

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

}
