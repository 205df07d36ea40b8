package dev.marginalia.support;

import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;


/**
 * A real PostgreSQL server for the tests that run the repository and API suites on it: by default the one on
 * this project's machines (127.0.0.1:5432, trust auth, database {@code test}), or {@code MARGINALIA_TEST_PG_URL}.
 * Each test class gets a schema of its own, so runs never see each other's rows.
 *
 * <p>Where no server answers, these tests are skipped with the reason, unless {@code MARGINALIA_REQUIRE_POSTGRES}
 * is {@code true} (as {@code .ci/run} sets it): then they fail.
 */
public final class PostgresDatabase implements ExecutionCondition {

	static final String URL = System.getenv().getOrDefault("MARGINALIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");

	static final String USER = System.getenv().getOrDefault("MARGINALIA_TEST_PG_USER", "postgres");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		try (Connection connection = connect()) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + URL + " answers");
		}
		catch (SQLException ex) {
			String reason = "PostgreSQL tests need a server at " + URL + " (" + ex.getMessage() + ")";
			if ("true".equals(System.getenv("MARGINALIA_REQUIRE_POSTGRES"))) {
				Assertions.fail(reason + " (required: MARGINALIA_REQUIRE_POSTGRES=true)");
			}
			System.out.println("SKIPPED PostgreSQL tests: " + reason);
			return ConditionEvaluationResult.disabled("SKIPPED: " + reason);
		}
	}

	/**
	 * Creates a fresh schema.
	 * @return the schema's name, and the properties that point an application's datasource at it
	 */
	public static Map.Entry<String, Map<String, Object>> freshSchema() {
		String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test schema " + schema + " at " + URL, ex);
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		properties.put("spring.datasource.username", USER);
		properties.put("spring.datasource.password", System.getenv().getOrDefault("MARGINALIA_TEST_PG_PASSWORD", ""));
		// many test contexts share one server (100 connections by default): a small pool each
		properties.put("spring.datasource.hikari.maximum-pool-size", "4");
		properties.put("spring.datasource.hikari.minimum-idle", "1");
		return Map.entry(schema, properties);
	}

	/** @return the server's address, from its JDBC URL (for a relay in front of it) */
	public static InetSocketAddress address() {
		Matcher server = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?").matcher(URL);
		if (!server.lookingAt()) {
			throw new IllegalStateException("Cannot read the host and port of " + URL);
		}
		return new InetSocketAddress(server.group(1), server.group(2) == null ? 5432 : Integer.parseInt(server.group(2)));
	}

	/** @return the JDBC URL with another server address in place of this one's (a relay's) */
	public static String through(String url, int port) {
		return url.replaceFirst("jdbc:postgresql://[^/?]+", "jdbc:postgresql://127.0.0.1:" + port);
	}

	public static void drop(String schema) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
		catch (SQLException ex) {
			System.out.println("Could not drop test schema " + schema + ": " + ex.getMessage());
		}
	}

	private static Connection connect() throws SQLException {
		DriverManager.setLoginTimeout(3);
		return DriverManager.getConnection(URL, USER, System.getenv().getOrDefault("MARGINALIA_TEST_PG_PASSWORD", ""));
	}

}
