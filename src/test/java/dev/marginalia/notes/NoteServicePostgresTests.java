package dev.marginalia.notes;

import dev.marginalia.support.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link NoteServiceTests}, on a real PostgreSQL server with the same migrations. */
@ExtendWith(PostgresDatabase.class)
class NoteServicePostgresTests extends NoteServiceTests {

	static String schema;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		schema = PostgresDatabase.useFreshSchema(registry);
	}

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

	@AfterAll
	static void dropSchema() {
		PostgresDatabase.drop(schema);
	}

}
