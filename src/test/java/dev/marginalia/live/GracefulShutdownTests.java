package dev.marginalia.live;

import java.time.Duration;
import java.util.Map;

import dev.marginalia.MarginaliaApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping an instance closes its event streams cleanly, at once, so browsers reconnect elsewhere. */
class GracefulShutdownTests {

	@Test
	void openStreamsEndCleanlyWhenTheServerStops() throws Exception {
		ConfigurableApplicationContext instance = new SpringApplicationBuilder(MarginaliaApplication.class)
			.run("--server.port=0");
		String base = "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
		EventStream stream = new EventStream(base + "/api/articles/stability-a-rare-strategic-resource/events", Map.of());
		assertThat(stream.status()).isEqualTo(200);
		long started = System.nanoTime();
		instance.close();
		long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(stream.ended(Duration.ofSeconds(5))).as("the stream was closed by the server").isTrue();
		assertThat(took).as("shutdown did not wait for the open stream").isLessThan(15_000);
		stream.close();
	}

}
