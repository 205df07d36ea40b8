package dev.marginalia.notes;

import java.util.Map;

import dev.marginalia.support.OnPostgres;
import dev.marginalia.support.PostgresDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link PlacementsTests}, on a real PostgreSQL server with the same migrations. */
@OnPostgres
class PlacementsPostgresTests extends PlacementsTests {

	@Test
	void runsOnPostgres() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
	}

	@Override
	int writersWaitingForThisTransaction() {
		return jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")
			.query(Integer.class)
			.single();
	}

	@Override
	FreshDatabase freshDatabase() {
		Map.Entry<String, Map<String, Object>> schema = PostgresDatabase.freshSchema();
		Map<String, Object> properties = schema.getValue();
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				(String) properties.get("spring.datasource.url"), (String) properties.get("spring.datasource.username"),
				(String) properties.get("spring.datasource.password"));
		return new FreshDatabase(dataSource, () -> PostgresDatabase.drop(schema.getKey()));
	}

}
