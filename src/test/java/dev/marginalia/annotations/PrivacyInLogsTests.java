package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.annotations.ApiClient.CONTAINER;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.PARAGRAPH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy audit of the logs: author secrets and the text of private notes never reach the log, at the levels an
 * operator runs with (the framework's defaults) and with the app's own loggers at DEBUG, on the paths where a log
 * line is most likely: reads by others, refused writes, malformed and invalid bodies.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.level.dev.marginalia=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class PrivacyInLogsTests {

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void secretsAndPrivateTextNeverReachTheLog(CapturedOutput output) {
		String privateText = "private-canary-" + UUID.randomUUID();
		String author = api.create(null, api.note(PARAGRAPH, privateText, ", \"marginalia:visibility\": \"private\""))
			.secret();
		String other = api.note(null, "A public note").secret();
		ApiClient.Created note = api.create(author,
				api.note(PARAGRAPH, privateText + "-2", ", \"marginalia:visibility\": \"private\""));

		// reads: the author, someone else, nobody; the page and the exports with the author's cookie
		api.get(note.path(), "Authorization", "Bearer " + author);
		assertThat(api.get(note.path(), "Authorization", "Bearer " + other).statusCode()).isEqualTo(404);
		assertThat(api.get(note.path()).statusCode()).isEqualTo(404);
		for (String page : List.of("", "/notes.md", "/notes.csv", "/notes.jsonld")) {
			assertThat(api.get(api.articleUrl() + page, "Cookie", "marginalia_author=" + author).statusCode())
				.isEqualTo(200);
		}

		// refused writes that carry the secret or the private text
		String wrongSecret = "wrong-secret-canary-" + UUID.randomUUID();
		assertThat(status(api.send("PUT", note.path(), api.note(privateText + "-3"), "Content-Type", JSON_LD,
				"Authorization", "Bearer " + other, "If-Match", note.etag())))
			.isEqualTo(404);
		assertThat(status(api.send("DELETE", note.path(), new byte[0], "Authorization", "Bearer " + wrongSecret)))
			.isIn(401, 404);
		assertThat(status(api.post("{\"body\": {\"value\": \"" + privateText + "-4\"", "Authorization",
				"Bearer " + author)))
			.isEqualTo(400);
		assertThat(status(api.post("{\"type\": \"Annotation\", \"body\": {\"value\": [\"" + privateText + "-5\"]}}",
				"Authorization", "Bearer " + author)))
			.isBetween(400, 499);
		assertThat(status(api.post(api.note(privateText + "-6" + "x".repeat(12_000)), "Authorization",
				"Bearer " + author)))
			.isBetween(400, 499);
		assertThat(status(api.send("PUT", CONTAINER, api.note(privateText + "-7"), "Content-Type", JSON_LD,
				"Cookie", "marginalia_author=" + author)))
			.isBetween(400, 499);

		// the capture works: a line logged through the app's logging system is there
		LoggerFactory.getLogger(PrivacyInLogsTests.class).info("privacy audit control line");
		assertThat(output.getAll()).contains("privacy audit control line");

		assertThat(output.getAll()).doesNotContain(privateText)
			.doesNotContain(author)
			.doesNotContain(other)
			.doesNotContain(wrongSecret);
	}

	private static int status(HttpResponse<String> response) {
		return response.statusCode();
	}

}
