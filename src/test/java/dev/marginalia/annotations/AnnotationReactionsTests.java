package dev.marginalia.annotations;

import java.net.http.HttpResponse;

import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.marginalia.annotations.ApiClient.SLUG;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Useful" over the API: a program marks an annotation useful with its bearer secret ({@code PUT}), once however often,
 * and takes it back ({@code DELETE}); the annotation, the container's pages and the download carry the count as
 * {@code marginalia:useful}, and its ETag moves with it; every refusal is a problem detail.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnotationReactionsTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	ApiClient.Created note;

	String reader;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		TestNotes.deleteAll(jdbc);
		note = api.note(null, "Worth a reaction");
		reader = api.note(null, "The reader's own note").secret();
	}

	String useful(ApiClient.Created annotation) {
		return annotation.path() + "/reactions/useful";
	}

	HttpResponse<String> as(String secret, String method, String path) {
		return api.send(method, path, new byte[0], "Authorization", "Bearer " + secret);
	}

	static void isProblem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(json(response).get("status").intValue()).isEqualTo(status);
	}

	@Test
	void aProgramMarksAnAnnotationUsefulOnceAndTakesItBack() {
		String etag = AnnotationProtocolTests.header(api.get(note.path()), "ETag");
		assertThat(json(api.get(note.path())).get("marginalia:useful").intValue()).isZero();

		HttpResponse<String> marked = as(reader, "PUT", useful(note));
		assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
		JsonNode state = json(marked);
		assertThat(state.get("annotation").stringValue()).isEqualTo(note.iri());
		assertThat(state.get("reaction").stringValue()).isEqualTo("useful");
		assertThat(state.get("count").intValue()).isEqualTo(1);
		assertThat(state.get("mine").booleanValue()).isTrue();
		assertThat(json(as(reader, "PUT", useful(note))).get("count").intValue()).as("once, however often").isEqualTo(1);

		HttpResponse<String> annotation = api.get(note.path());
		assertThat(json(annotation).get("marginalia:useful").intValue()).isEqualTo(1);
		assertThat(AnnotationProtocolTests.header(annotation, "ETag")).as("the representation changed").isNotEqualTo(etag);
		assertThat(json(as(reader, "GET", useful(note))).get("mine").booleanValue()).isTrue();
		assertThat(json(api.get(useful(note))).get("mine").booleanValue()).as("another client").isFalse();
		assertThat(json(as(note.secret(), "GET", useful(note))).get("count").intValue()).isEqualTo(1);

		HttpResponse<String> takenBack = as(reader, "DELETE", useful(note));
		assertThat(takenBack.statusCode()).isEqualTo(200);
		assertThat(json(takenBack).get("count").intValue()).isZero();
		assertThat(json(takenBack).get("mine").booleanValue()).isFalse();
		assertThat(as(reader, "DELETE", useful(note)).statusCode()).as("nothing to take back: the same answer")
			.isEqualTo(200);
		assertThat(AnnotationProtocolTests.header(api.get(note.path()), "ETag")).isEqualTo(etag);
	}

	@Test
	void theCountIsInTheContainerTheDownloadAndMyNotes() {
		as(reader, "PUT", useful(note));
		JsonNode page = json(api.get(api.container() + "?iris=0&page=0"));
		assertThat(page.get("items")).anySatisfy(item -> {
			assertThat(item.get("id").stringValue()).isEqualTo(note.iri());
			assertThat(item.get("marginalia:useful").intValue()).isEqualTo(1);
		});
		JsonNode export = json(api.get("/articles/" + SLUG + "/notes.jsonld"));
		assertThat(export.get("first").get("items")).anySatisfy(item -> {
			assertThat(item.get("id").stringValue()).isEqualTo(note.iri());
			assertThat(item.get("marginalia:useful").intValue()).isEqualTo(1);
		});
		JsonNode mine = json(api.get("/api/my/annotations", "Authorization", "Bearer " + note.secret()));
		assertThat(mine.get("first").get("items")).as("the author's own notes, across articles").anySatisfy(item -> {
			assertThat(item.get("id").stringValue()).isEqualTo(note.iri());
			assertThat(item.get("marginalia:useful").intValue()).isEqualTo(1);
		});
	}

	@Test
	void writingNeedsTheSecretAndNoOneMarksTheirOwn() {
		isProblem(api.send("PUT", useful(note), new byte[0]), 401);
		isProblem(as("not-a-secret-this-server-issued", "PUT", useful(note)), 401);
		HttpResponse<String> own = as(note.secret(), "PUT", useful(note));
		isProblem(own, 403);
		assertThat(json(own).get("detail").stringValue()).contains("your own note");
		isProblem(api.send("POST", useful(note), new byte[0], "Authorization", "Bearer " + reader), 405);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_reactions").query(Integer.class).single()).isZero();
	}

	@Test
	void privateDeletedAndUnknownAnnotationsAreNotFound() {
		ApiClient.Created hidden = api.create(note.secret(),
				api.note(ApiClient.PARAGRAPH, "Mine alone", ", \"marginalia:visibility\": \"private\""));
		isProblem(as(reader, "PUT", useful(hidden)), 404);
		isProblem(as(reader, "GET", useful(hidden)), 404);
		isProblem(as(note.secret(), "PUT", useful(hidden)), 409);

		isProblem(as(reader, "PUT", note.path().replaceAll("[^/]+$", "AAAAAAAAAAAAAAAAAAAAAA") + "/reactions/useful"), 404);
		isProblem(as(reader, "PUT", note.path().replaceAll("[^/]+$", "not-an-id") + "/reactions/useful"), 404);
		isProblem(as(reader, "PUT", "/api/articles/no-such-article/annotations/AAAAAAAAAAAAAAAAAAAAAA/reactions/useful"), 404);

		assertThat(as(note.secret(), "DELETE", note.path()).statusCode()).isEqualTo(204);
		isProblem(as(reader, "PUT", useful(note)), 404);
	}

}
