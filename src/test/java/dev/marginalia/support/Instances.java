package dev.marginalia.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.marginalia.MarginaliaApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances of the application on one fresh PostgreSQL schema, sharing nothing else, as an operator
 * would run them; stopped and the schema dropped by {@link #close()}.
 */
public final class Instances implements AutoCloseable {

	private final String schema;

	private final List<ConfigurableApplicationContext> running = new ArrayList<>();

	/**
	 * @param count how many instances
	 * @param settings more settings for each, as an operator would give them
	 */
	public Instances(int count, Map<String, String> settings) {
		this(count, settings, UnaryOperator.identity());
	}

	private Instances(int count, Map<String, String> settings, UnaryOperator<String> url) {
		var database = PostgresDatabase.freshSchema();
		this.schema = database.getKey();
		Map<String, Object> properties = new HashMap<>(database.getValue());
		properties.computeIfPresent("spring.datasource.url", (key, value) -> url.apply(value.toString()));
		properties.put("server.port", "0");
		properties.putAll(settings);
		// command-line arguments: they outrank application.properties, as an operator's settings would
		String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		for (int i = 0; i < count; i++) {
			running.add(new SpringApplicationBuilder(MarginaliaApplication.class).run(arguments));
		}
	}

	/**
	 * One instance whose connections to the database go through the relay, so that the test can take the database
	 * away and bring it back; it starts as the relay is (a cut relay: a database that is not there yet).
	 */
	public static Instances through(TcpRelay relay, Map<String, String> settings) {
		return new Instances(1, settings, url -> PostgresDatabase.through(url, relay.port()));
	}

	/** @return a bean of the n-th instance, from 0 */
	public <T> T bean(int instance, Class<T> type) {
		return running.get(instance).getBean(type);
	}

	/** @return a client of the n-th instance, from 0 */
	public WebClient web(int instance) {
		return new WebClient(Integer.parseInt(running.get(instance).getEnvironment().getProperty("local.server.port")));
	}

	@Override
	public void close() {
		running.forEach(ConfigurableApplicationContext::close);
		PostgresDatabase.drop(schema);
	}

}
