package dev.marginalia.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.marginalia.MarginaliaApplication;
import dev.marginalia.support.Instances;
import dev.marginalia.support.PostgresDatabase;
import dev.marginalia.support.TcpRelay;
import dev.marginalia.support.WebClient;
import dev.marginalia.database.DatabaseUnreachableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Started while its database is not there: the application says so in its first warning, in plain words, naming
 * the settings to check; it waits ({@code marginalia.database.startup-wait}) and starts once the database appears;
 * and when it gives up, it explains why in a few lines instead of a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupTests {

	@Test
	@ExtendWith(PostgresDatabase.class)
	void startsOnceTheDatabaseAppearsAndSaysFirstWhatItIsWaitingFor(CapturedOutput output) throws Exception {
		ExecutorService starting = Executors.newSingleThreadExecutor();
		try (TcpRelay database = TcpRelay.to(PostgresDatabase.address())) {
			long started = System.nanoTime();
			CompletableFuture<Instances> app = CompletableFuture.supplyAsync(
					() -> Instances.through(database, Map.of("marginalia.database.startup-wait", "60s")), starting);
			try {
				await().atMost(Duration.ofSeconds(60)).until(() -> output.getOut().contains("Cannot connect to the database"));
				long warned = System.nanoTime();
				String firstWarning = firstWarningOrError(output);
				assertThat(app).isNotDone();

				database.open();
				Instances instance = app.get(60, TimeUnit.SECONDS);
				long running = System.nanoTime();
				try (instance) {
					WebClient web = instance.web(0);
					assertThat(web.get("/").statusCode()).isEqualTo(200);
					assertThat(web.send(HttpRequest.newBuilder(URI.create(web.base()
							+ "/articles/stability-a-rare-strategic-resource/p/p-AarAar/notes"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("body=after+a+late+start"))
						.build()).statusCode()).isEqualTo(303);
				}
				System.out.printf("START WITHOUT THE DATABASE: the first warning %d ms after the start began: %s%n",
						(warned - started) / 1_000_000, firstWarning.substring(firstWarning.indexOf(" : ") + 3));
				System.out.printf("  started %d ms after the database appeared%n", (running - warned) / 1_000_000);
				assertThat(firstWarning).contains(" WARN ")
					.contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:" + database.port() + "/test "
							+ "(Connection refused); retrying for 60 s.")
					.contains("Check MARGINALIA_DB_URL, MARGINALIA_DB_USER and MARGINALIA_DB_PASSWORD");
			}
			finally {
				database.open(); // so that a start still waiting ends
				app.handle((instance, failure) -> instance).get(90, TimeUnit.SECONDS);
				starting.shutdown();
			}
		}
	}

	@Test
	void givesUpAfterTheStartupWaitWithAPlainExplanationAndNoStackTrace(CapturedOutput output) throws IOException {
		int closed;
		try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = probe.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + closed + "/marginalia";
		Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(MarginaliaApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + url + "?password=not-in-the-log",
					"--marginalia.database.startup-wait=3s"));

		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		assertThat(causes).hasAtLeastOneElementOfType(DatabaseUnreachableException.class);
		assertThat(firstWarningOrError(output)).contains("Cannot connect to the database at " + url + " (Connection refused)");
		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("The database at " + url + " did not accept a connection for 3 s: Connection refused")
			.contains("Check that the database server is running")
			.contains("MARGINALIA_DB_URL")
			.contains("marginalia.database.startup-wait")
			.doesNotContain("not-in-the-log")
			.doesNotContain("sharedPageFilter")
			.doesNotContain("writeLimitFilter")
			.doesNotContainPattern("\n\tat [a-z]");
	}

	/** @return the first line logged at WARN or ERROR */
	private static String firstWarningOrError(CapturedOutput output) {
		return output.getOut().lines().filter(line -> line.matches("^\\S+\\s+(WARN|ERROR)\\s.*")).findFirst()
			.orElseThrow(() -> new AssertionError("Nothing logged at WARN or ERROR:\n" + output.getOut()));
	}

}
