package dev.marginalia.limits;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import dev.marginalia.support.Instances;
import dev.marginalia.support.PostgresDatabase;
import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The write limit holds across two instances on one PostgreSQL: a client cannot double it by switching. */
@ExtendWith(PostgresDatabase.class)
class SharedWriteLimitsTests {

	static Instances instances;

	@BeforeAll
	static void start() {
		instances = new Instances(2, Map.of("marginalia.limits.writes-per-minute", "3", "marginalia.limits.writes-per-day", "200"));
	}

	@AfterAll
	static void stop() {
		if (instances != null) {
			instances.close();
		}
	}

	static int write(int instance) {
		WebClient web = instances.web(instance);
		return web.send(HttpRequest.newBuilder(URI.create(web.base() + "/articles/stability-a-rare-strategic-resource/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=hello"))
			.build()).statusCode();
	}

	@Test
	void aClientsAllowanceIsSharedByEveryInstance() {
		assertThat(write(0)).isEqualTo(303);
		assertThat(write(1)).isEqualTo(303);
		assertThat(write(0)).isEqualTo(303);
		assertThat(write(1)).as("the fourth write in a minute, on either instance").isEqualTo(429);
		assertThat(write(0)).isEqualTo(429);
	}

}
