package dev.marginalia.limits;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

import dev.marginalia.MarginaliaApplication;
import dev.marginalia.support.PostgresDatabase;
import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The write limit holds across two instances on one PostgreSQL: a client cannot double it by switching. */
@ExtendWith(PostgresDatabase.class)
class SharedWriteLimitsTests {

	static String schema;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	@BeforeAll
	static void start() {
		var database = PostgresDatabase.freshSchema();
		schema = database.getKey();
		first = instance(database.getValue());
		second = instance(database.getValue());
	}

	static ConfigurableApplicationContext instance(Map<String, Object> database) {
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("server.port", "0");
		properties.put("marginalia.limits.writes-per-minute", "3");
		properties.put("marginalia.limits.writes-per-day", "200");
		String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(MarginaliaApplication.class).run(arguments);
	}

	@AfterAll
	static void stop() {
		if (first != null) {
			first.close();
		}
		if (second != null) {
			second.close();
		}
		PostgresDatabase.drop(schema);
	}

	static int write(ConfigurableApplicationContext instance) {
		WebClient web = new WebClient(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
		return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/articles/stability-a-rare-strategic-resource/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=hello"))
			.build()).statusCode();
	}

	@Test
	void aClientsAllowanceIsSharedByEveryInstance() {
		assertThat(write(first)).isEqualTo(303);
		assertThat(write(second)).isEqualTo(303);
		assertThat(write(first)).isEqualTo(303);
		assertThat(write(second)).as("the fourth write in a minute, on either instance").isEqualTo(429);
		assertThat(write(first)).isEqualTo(429);
	}

}
