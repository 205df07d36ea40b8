package dev.marginalia.system;

import dev.marginalia.MarginaliaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast start's training run loads the pages the first readers will, each answered 200, then stops; without the
 * setting the application keeps running.
 */
@ExtendWith(OutputCaptureExtension.class)
class TrainingRunTests {

	@Test
	void aTrainingRunLoadsThePagesAndStops(CapturedOutput output) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(MarginaliaApplication.class)
			.run("--server.port=0", "--marginalia.training-run=true", "--logging.level.dev.marginalia.system=INFO");
		assertThat(context.isActive()).as("stopped once the pages were loaded").isFalse();
		assertThat(output).contains("Training run: loaded 3 pages (200, 200, 200); stopping");
	}

	@Test
	void withoutTheSettingTheApplicationRuns(CapturedOutput output) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MarginaliaApplication.class)
			.run("--server.port=0")) {
			assertThat(context.isActive()).isTrue();
			assertThat(output).doesNotContain("Training run");
		}
	}

}
