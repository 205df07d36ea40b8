package dev.marginalia.annotations;

import dev.marginalia.support.OnPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link AnnotationProtocolTests}, on a real PostgreSQL server with the same migrations. */
@OnPostgres
class AnnotationProtocolPostgresTests extends AnnotationProtocolTests {

	@Autowired
	JdbcClient database;

	@Test
	void runsOnPostgres() {
		assertThat(database.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

}
