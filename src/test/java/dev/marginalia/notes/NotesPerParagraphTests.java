package dev.marginalia.notes;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The cap on notes per paragraph per author ({@code marginalia.limits.notes-per-paragraph}, here 2). */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.limits.notes-per-paragraph=2")
class NotesPerParagraphTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		TestNotes.deleteAll(jdbc);
	}

	int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	@Test
	void aThirdNoteOnOneParagraphIsRefusedBesideTheField() {
		FormClient reader = new FormClient(port);
		String first = reader.write(ARTICLE, BLOCK, "One");
		reader.write(ARTICLE, BLOCK, "Two");

		HttpResponse<String> third = reader.post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "Three", "visibility", "public"));

		assertThat(third.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(third.body());
		assertThat(page.select("#new-body-error").text()).startsWith("You have 2 notes on this paragraph");
		assertThat(page.select("#new-body").text()).isEqualTo("Three");
		assertThat(stored()).isEqualTo(2);
		reader.page(ARTICLE + "/notes/" + first + "/reply");
		assertThat(reader.post(ARTICLE + "/notes/" + first + "/replies", Map.of("body", "A reply", "visibility", "public"))
			.statusCode()).as("a reply is on the paragraph too").isEqualTo(400);
		assertThat(new FormClient(port).write(ARTICLE, BLOCK, "Another reader's")).isNotEmpty();
		reader.page(ARTICLE);
		assertThat(reader.post(ARTICLE + "/notes/" + first + "/delete", Map.of()).statusCode()).isEqualTo(303);
		assertThat(reader.write(ARTICLE, BLOCK, "Room again")).isNotEmpty();
	}

	@Test
	void theApiAnswers422() {
		String secret = AuthorSecrets.newSecret();
		String json = """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting",
				 "body": {"type": "TextualBody", "value": "Note"},
				 "target": {"source": "http://localhost:%d%s", "selector": {"type": "FragmentSelector", "value": "%s"}}}
				""".formatted(port, ARTICLE, BLOCK);
		WebClient api = new WebClient(port);
		HttpResponse<String> last = null;
		for (int i = 0; i < 3; i++) {
			last = api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/articles/stability-a-rare-strategic-resource/annotations/"))
				.header("Content-Type", "application/ld+json")
				.header("Accept", "application/ld+json")
				.header("Authorization", "Bearer " + secret)
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build());
			assertThat(last.statusCode()).isEqualTo(i < 2 ? 201 : 422);
		}
		assertThat(last.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(last.body()).contains("notes on this paragraph");
		assertThat(stored()).isEqualTo(2);
	}

}
