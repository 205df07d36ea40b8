package dev.marginalia.annotations;

import dev.marginalia.support.OnPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AnnotationReactionsTests}, on a real PostgreSQL server with the same migrations. */
@OnPostgres
class AnnotationReactionsPostgresTests extends AnnotationReactionsTests {

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

}
