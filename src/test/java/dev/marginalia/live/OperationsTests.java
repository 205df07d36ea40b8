package dev.marginalia.live;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator watches: health probes and Prometheus metrics. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OperationsTests {

	@LocalServerPort
	int port;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
	}

	@Test
	void livenessAndReadinessIncludingTheDatabaseAreUp() {
		var liveness = web.get("/actuator/health/liveness");
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		var readiness = web.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"");
		assertThat(web.get("/actuator/health").body()).contains("UP");
	}

	@Test
	void prometheusCountsNotesWrittenAndOpenStreams() {
		double before = metric("marginalia_notes_written_total{kind=\"added\"");
		var written = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/articles/stability-a-rare-strategic-resource/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=counted"))
			.build());
		assertThat(written.statusCode()).isEqualTo(303);
		assertThat(metric("marginalia_notes_written_total{kind=\"added\"")).isEqualTo(before + 1);

		double streams = metric("marginalia_live_connections");
		try (EventStream page = new EventStream(web.base() + "/api/articles/stability-a-rare-strategic-resource/events", Map.of())) {
			assertThat(metric("marginalia_live_connections")).isEqualTo(streams + 1);
		}
	}

	private double metric(String prefix) {
		var response = web.get("/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body().lines()
			.filter(line -> line.startsWith(prefix))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}

}
