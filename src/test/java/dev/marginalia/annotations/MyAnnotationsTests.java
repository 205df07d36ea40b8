package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.MyNotes;
import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.marginalia.annotations.AnnotationProtocolTests.assertProblem;
import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader's own notes as Web Annotations (issue 19): {@code /my/notes.jsonld} for the browser, and
 * {@code /api/my/annotations} with the bearer secret for programs. One AnnotationCollection of every note and reply
 * the reader wrote across articles, newest first, private ones included, paged; nothing of anyone else's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MyAnnotationsTests {

	static final Path FOLDER = TestArticles.newFolder();

	static final String FIRST = "A first paragraph, about rivers and the towns that grew along them.";

	static final String SECOND = "A second paragraph, about bridges and who paid for them in the end.";

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("marginalia.content.dir", FOLDER::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient one;

	ApiClient two;

	@BeforeEach
	void setUp() {
		TestNotes.deleteAll(jdbc);
		TestArticles.write(FOLDER, "mine-one", FIRST, SECOND);
		TestArticles.write(FOLDER, "mine-two", FIRST, SECOND);
		one = new ApiClient(port, "mine-one");
		two = new ApiClient(port, "mine-two");
	}

	/** Ada's notes: one on each article (the second private), and a reply to Bob's; Bob's note. */
	record Written(String ada, String bob, String adaFirst, String adaPrivate, String adaReply, String bobsNote) {
	}

	Written write() {
		ApiClient.Created bobs = one.create(null, one.note(FIRST_ID, "Bob's note", ""));
		ApiClient.Created first = one.create(null, one.note(FIRST_ID, "Ada on the first", ""));
		String ada = first.secret();
		ApiClient.Created hidden = two.create(ada, two.note(FIRST_ID, "Ada's private note",
				", \"marginalia:visibility\": \"private\""));
		ApiClient.Created reply = one.create(ada, one.reply(bobs.iri(), "Ada answers Bob", ""));
		return new Written(ada, bobs.secret(), first.iri(), hidden.iri(), reply.iri(), bobs.iri());
	}

	/** The id BlockIds gives {@link #FIRST}: "A first paragraph" / "about rivers and". */
	static final String FIRST_ID = "p-AfpAfp";

	static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
		return ids;
	}

	@Test
	void theApiGivesTheBearersNotesAcrossArticlesNewestFirst() {
		Written written = write();
		HttpResponse<String> response = one.get("/api/my/annotations", "Authorization", "Bearer " + written.ada());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(header(response, "Content-Type")).startsWith("application/ld+json");
		assertThat(header(response, "Cache-Control")).contains("private", "no-store");
		assertThat(header(response, "Vary").toLowerCase(java.util.Locale.ROOT)).contains("authorization", "cookie");
		JsonNode collection = json(response);
		assertThat(collection.get("@context").get(0).stringValue()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
		assertThat(collection.get("id").stringValue()).isEqualTo(one.base() + "/api/my/annotations");
		assertThat(collection.get("type").stringValue()).isEqualTo("AnnotationCollection");
		assertThat(collection.get("total").intValue()).isEqualTo(3);
		JsonNode first = collection.get("first");
		assertThat(first.get("type").stringValue()).isEqualTo("AnnotationPage");
		assertThat(first.get("partOf").stringValue()).isEqualTo(one.base() + "/api/my/annotations");
		assertThat(first.get("startIndex").intValue()).isZero();
		assertThat(first.has("next")).isFalse();
		assertThat(ids(first)).containsExactly(written.adaReply(), written.adaPrivate(), written.adaFirst());
		JsonNode reply = first.get("items").get(0);
		assertThat(reply.get("type").stringValue()).isEqualTo("Annotation");
		assertThat(reply.get("motivation").stringValue()).isEqualTo("replying");
		assertThat(reply.get("target").stringValue()).isEqualTo(written.bobsNote());
		JsonNode secret = first.get("items").get(1);
		assertThat(secret.get("marginalia:visibility").stringValue()).isEqualTo("private");
		assertThat(secret.get("target").get("source").stringValue()).isEqualTo(two.articleUrl());
		assertThat(secret.get("body").get("value").stringValue()).isEqualTo("Ada's private note");
		assertThat(first.get("items").get(2).get("target").get("selector").get("value").stringValue()).isEqualTo(FIRST_ID);

		JsonNode bobs = json(one.get("/api/my/annotations", "Authorization", "Bearer " + written.bob()));
		assertThat(bobs.get("total").intValue()).isEqualTo(1);
		assertThat(ids(bobs.get("first"))).containsExactly(written.bobsNote());
	}

	@Test
	void theDownloadIsTheSameCollectionForTheBrowser() {
		Written written = write();
		HttpResponse<String> response = one.get("/my/notes.jsonld", "Cookie", "marginalia_author=" + written.ada());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Content-Type")).startsWith("application/ld+json")
			.contains("profile=\"http://www.w3.org/ns/anno.jsonld\"");
		assertThat(header(response, "Content-Disposition")).isEqualTo("attachment; filename=\"my-notes.jsonld\"");
		assertThat(header(response, "Cache-Control")).contains("private", "no-store");
		JsonNode collection = json(response);
		assertThat(collection.get("id").stringValue()).isEqualTo(one.base() + "/my/notes.jsonld");
		assertThat(ids(collection.get("first"))).containsExactly(written.adaReply(), written.adaPrivate(),
				written.adaFirst());

		JsonNode nobodys = json(one.get("/my/notes.jsonld"));
		assertThat(nobodys.get("total").intValue()).as("a reader without a secret has none").isZero();
		assertThat(nobodys.has("first")).isFalse();
		JsonNode strangers = json(one.get("/my/notes.jsonld", "Cookie", "marginalia_author=" + AuthorSecrets.newSecret()));
		assertThat(strangers.get("total").intValue()).isZero();
	}

	@Test
	void withoutTheSecretTheApiAnswers401() {
		write();
		HttpResponse<String> none = one.get("/api/my/annotations");
		assertProblem(none, 401);
		assertThat(header(none, "WWW-Authenticate")).isEqualTo("Bearer");
		HttpResponse<String> wrong = one.get("/api/my/annotations", "Authorization", "Bearer not-a-secret");
		assertProblem(wrong, 401);
		assertThat(header(wrong, "WWW-Authenticate")).contains("invalid_token");
		assertProblem(one.get("/api/my/annotations?page=x", "Authorization", "Bearer " + AuthorSecrets.newSecret()), 400);
	}

	@Test
	void manyNotesArePagedWithLinksBetweenThePages() {
		String ada = one.create(null, one.note(FIRST_ID, "Note 0", "")).secret();
		for (int i = 1; i < MyNotes.PAGE_SIZE + 3; i++) {
			(i % 2 == 0 ? one : two).create(ada, (i % 2 == 0 ? one : two).note(i % 4 < 2 ? FIRST_ID : "p-AspAsp",
					"Note " + i, ""));
		}
		String bearer = "Bearer " + ada;
		String base = one.base() + "/api/my/annotations";
		JsonNode collection = json(one.get("/api/my/annotations", "Authorization", bearer));
		assertThat(collection.get("total").intValue()).isEqualTo(MyNotes.PAGE_SIZE + 3);
		assertThat(collection.get("last").stringValue()).isEqualTo(base + "?page=1");
		assertThat(collection.get("first").get("items")).hasSize(MyNotes.PAGE_SIZE);
		assertThat(collection.get("first").get("next").stringValue()).isEqualTo(base + "?page=1");

		JsonNode second = json(one.get("/api/my/annotations?page=1", "Authorization", bearer));
		assertThat(second.get("@context").get(0).stringValue()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
		assertThat(second.get("id").stringValue()).isEqualTo(base + "?page=1");
		assertThat(second.get("partOf").get("id").stringValue()).isEqualTo(base);
		assertThat(second.get("partOf").get("total").intValue()).isEqualTo(MyNotes.PAGE_SIZE + 3);
		assertThat(second.get("startIndex").intValue()).isEqualTo(MyNotes.PAGE_SIZE);
		assertThat(second.get("prev").stringValue()).isEqualTo(base + "?page=0");
		assertThat(second.has("next")).isFalse();
		List<String> bodies = new ArrayList<>();
		second.get("items").forEach(item -> bodies.add(item.get("body").get("value").stringValue()));
		assertThat(bodies).containsExactly("Note 2", "Note 1", "Note 0");
		assertProblem(one.get("/api/my/annotations?page=2", "Authorization", bearer), 404);
	}

}
