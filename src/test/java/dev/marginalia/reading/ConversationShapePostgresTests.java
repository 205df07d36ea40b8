package dev.marginalia.reading;

import dev.marginalia.support.OnPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link ConversationShapeTests}, on a real PostgreSQL server with the same migrations. */
@OnPostgres
class ConversationShapePostgresTests extends ConversationShapeTests {

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

}
