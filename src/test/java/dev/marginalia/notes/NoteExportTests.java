package dev.marginalia.notes;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The Markdown and CSV downloads of an article's notes. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NoteExportTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
	}

	/** Writes a note without cookies (no CSRF token needed) and returns the secret and the note id. */
	String[] write(String block, String body, String name, String visibility, String secret) {
		String form = "body=" + URLEncoder.encode(body, StandardCharsets.UTF_8) + "&authorName="
				+ URLEncoder.encode(name, StandardCharsets.UTF_8) + "&visibility=" + visibility;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.base() + ARTICLE + "/p/" + block + "/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		HttpResponse<String> response = web.send(request.build());
		assertThat(response.statusCode()).isEqualTo(303);
		String id = response.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
		return new String[] { response.headers().firstValue(AuthorCookie.SECRET_HEADER).orElse(secret), id };
	}

	HttpResponse<String> get(String path, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.base() + path)).GET();
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		return web.send(request.build());
	}

	@Test
	void theMarkdownExportPutsEachNoteAsAFootnoteUnderItsParagraph() {
		String ada = write("p-AarAar", "Legitimacy is *earned*.\n\nSecond paragraph of the note.", "Ada", "public", null)[0];
		write("p-TwcTwc", "Short and true.", "Bob", "public", null);
		write("p-AarAar", "My private thought.", "Ada", "private", ada);

		HttpResponse<String> response = get(ARTICLE + "/notes.md", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/markdown");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
			.contains("stability-a-rare-strategic-resource-notes.md");
		String markdown = response.body();
		int paragraph = markdown.indexOf("As a result, globalization has gradually lost its legitimacy");
		int footnote = markdown.indexOf("[^1]: **Ada**");
		int next = markdown.indexOf("This loss of trust was not accidental");
		assertThat(paragraph).isPositive();
		assertThat(markdown.substring(paragraph, footnote)).contains("the world.[^1]");
		assertThat(footnote).isBetween(paragraph, next);
		assertThat(markdown).contains("Legitimacy is *earned*.\n    \n    Second paragraph of the note.");
		assertThat(markdown).contains("[^2]: **Bob**").doesNotContain("My private thought");

		assertThat(get(ARTICLE + "/notes.md", ada).body()).contains("My private thought", "(private)");
	}

	@Test
	void theCsvExportHasOneRowPerNoteAndDefusesFormulas() throws IOException {
		String[] ada = write("p-AarAar", "=HYPERLINK(\"http://evil.example\",\"click\")", "Ada", "public", null);
		write("p-TwcTwc", "plain, with a comma and \"quotes\"\nand a line break", "@Bob", "public", null);
		write("p-AarAar", "secret", "Ada", "private", ada[0]);

		HttpResponse<String> response = get(ARTICLE + "/notes.csv", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(response.body())).getRecords();
		assertThat(rows).hasSize(2);
		CSVRecord first = rows.stream().filter(row -> row.get("id").equals(ada[1])).findFirst().orElseThrow();
		assertThat(first.get("paragraph_id")).isEqualTo("p-AarAar");
		assertThat(first.get("paragraph_number")).as("as the page says: the title is no paragraph").isEqualTo("5");
		assertThat(first.get("body")).startsWith("'=HYPERLINK");
		CSVRecord second = rows.stream().filter(row -> !row.get("id").equals(ada[1])).findFirst().orElseThrow();
		assertThat(second.get("body")).isEqualTo("plain, with a comma and \"quotes\"\nand a line break");
		assertThat(second.get("author")).isEqualTo("'@Bob");
		assertThat(response.body()).doesNotContain("secret");
		assertThat(get(ARTICLE + "/notes.csv", ada[0]).body()).contains("secret");
	}

	@Test
	void anUnknownArticleHasNoExport() {
		assertThat(get("/articles/nothing/notes.md", null).statusCode()).isEqualTo(404);
		assertThat(get("/articles/nothing/notes.csv", null).statusCode()).isEqualTo(404);
	}

}
