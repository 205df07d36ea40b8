package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static dev.marginalia.annotations.ApiClient.CONTAINER;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.PARAGRAPH;
import static dev.marginalia.annotations.ApiClient.SECRET_HEADER;
import static dev.marginalia.annotations.ApiClient.SLUG;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The Web Annotation Protocol over real HTTP: containers, annotations, identity, privacy, replies. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnotationProtocolTests {

	static final String MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";

	static final String IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";

	static final String DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void theContainerIsABasicContainerWithTheProtocolHeaders() {
		api.note(null, "So that the container is not empty");
		HttpResponse<String> response = api.get(CONTAINER, "Accept", JSON_LD);

		assertThat(response.statusCode()).isEqualTo(200);
		MediaType type = MediaType.parseMediaType(header(response, "Content-Type"));
		assertThat(type.equalsTypeAndSubtype(MediaType.parseMediaType("application/ld+json"))).isTrue();
		assertThat(type.getParameter("profile")).isEqualTo("\"http://www.w3.org/ns/anno.jsonld\"");
		assertThat(response.headers().allValues("Link")).contains(
				"<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"",
				"<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"");
		assertThat(header(response, "Allow")).isEqualTo("GET,HEAD,OPTIONS,POST");
		assertThat(header(response, "Accept-Post")).contains("application/ld+json", "application/json");
		assertThat(String.join(", ", response.headers().allValues("Vary"))).contains("Accept", "Prefer");
		assertThat(header(response, "ETag")).matches("\".+\"");
		assertThat(header(response, "Content-Location")).isEqualTo(api.containerIri() + "?iris=0");

		JsonNode container = json(response);
		assertThat(strings(container.get("@context"))).startsWith("http://www.w3.org/ns/anno.jsonld",
				"http://www.w3.org/ns/ldp.jsonld");
		assertThat(strings(container.get("type"))).containsExactly("BasicContainer", "AnnotationCollection");
		assertThat(container.get("id").stringValue()).isEqualTo(api.containerIri() + "?iris=0");
		assertThat(container.get("total").intValue()).isPositive();
		JsonNode first = container.get("first");
		assertThat(first.get("type").stringValue()).isEqualTo("AnnotationPage");
		assertThat(first.get("id").stringValue()).isEqualTo(api.containerIri() + "?iris=0&page=0");
		assertThat(first.get("partOf").stringValue()).isEqualTo(api.containerIri() + "?iris=0");
		assertThat(first.get("startIndex").intValue()).isZero();
		assertThat(first.get("items").get(0).get("type").stringValue()).isEqualTo("Annotation");
		assertThat(container.get("last").stringValue()).startsWith(api.containerIri() + "?iris=0&page=");
	}

	@Test
	void theContainerAnswersWithoutItsTrailingSlashToo() {
		HttpResponse<String> response = api.get("/api/articles/" + SLUG + "/annotations");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("id").stringValue()).isEqualTo(api.containerIri() + "?iris=0");
		assertThat(api.post(api.note("Posted without the slash")).statusCode()).isEqualTo(201);
	}

	@Test
	void withoutAnAcceptHeaderTheAnswerIsJsonLd() {
		HttpResponse<String> response = api.get(CONTAINER);
		assertThat(header(response, "Content-Type")).startsWith("application/ld+json");
		assertThat(header(api.get(CONTAINER, "Accept", "*/*"), "Content-Type")).startsWith("application/ld+json");
	}

	@Test
	void headAndOptionsGiveTheHeadersWithoutABody() {
		HttpResponse<String> get = api.get(CONTAINER);
		HttpResponse<String> head = api.send("HEAD", CONTAINER, new byte[0]);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(header(head, "ETag")).isEqualTo(header(get, "ETag"));
		assertThat(head.headers().allValues("Link")).hasSize(2);

		HttpResponse<String> options = api.send("OPTIONS", CONTAINER, new byte[0]);
		assertThat(options.statusCode()).isEqualTo(204);
		assertThat(header(options, "Allow")).isEqualTo("GET,HEAD,OPTIONS,POST");
		assertThat(header(options, "Accept-Post")).contains("application/ld+json");
		assertThat(options.headers().allValues("Link")).hasSize(2);
		assertThat(options.headers().firstValue("ETag")).isPresent();

		ApiClient.Created note = api.note(null, "Headers only");
		HttpResponse<String> headNote = api.send("HEAD", note.path(), new byte[0]);
		assertThat(headNote.statusCode()).isEqualTo(200);
		assertThat(headNote.body()).isEmpty();
		assertThat(header(headNote, "ETag")).isEqualTo(note.etag());
		HttpResponse<String> optionsNote = api.send("OPTIONS", note.path(), new byte[0]);
		assertThat(optionsNote.statusCode()).isEqualTo(204);
		assertThat(header(optionsNote, "Allow")).isEqualTo("GET,HEAD,OPTIONS,PUT,DELETE");
	}

	@Test
	void anUnknownArticleHasNoContainer() {
		String container = "/api/articles/no-such-article/annotations/";
		for (HttpResponse<String> response : List.of(api.get(container), api.send("OPTIONS", container, new byte[0]),
				api.send("POST", container, api.note("Lost"), "Content-Type", JSON_LD),
				api.get(container + "AAAAAAAAAAAAAAAAAAAAAA"))) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertProblem(response, 404);
		}
		assertThat(api.send("HEAD", container, new byte[0]).statusCode()).isEqualTo(404);
	}

	@Test
	void anAnnotationIsCreatedReadReplacedAndDeleted() {
		ApiClient.Created created = api.create(null, api.note(PARAGRAPH, "First thoughts",
				", \"creator\": {\"type\": \"Person\", \"name\": \"Ada\"}"));
		HttpResponse<String> response = created.response();
		assertThat(header(response, "Location")).isEqualTo(created.iri());
		assertThat(created.iri()).startsWith(api.containerIri()).matches(".*/annotations/[A-Za-z0-9_-]{22}");
		assertThat(header(response, "Content-Type")).startsWith("application/ld+json");
		assertThat(created.etag()).matches("\".+\"");
		assertThat(created.secret()).as("the new author's secret").matches("[A-Za-z0-9_-]{44}");
		String bearer = "Bearer " + created.secret();

		HttpResponse<String> read = api.get(created.path());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json(read)).isEqualTo(created.json());
		assertThat(header(read, "ETag")).isEqualTo(created.etag());
		assertThat(read.headers().allValues("Link")).contains("<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"");
		assertThat(header(read, "Allow")).isEqualTo("GET,HEAD,OPTIONS,PUT,DELETE");
		assertThat(String.join(", ", read.headers().allValues("Vary"))).contains("Accept");

		HttpResponse<String> missingCondition = api.send("PUT", created.path(), api.note("Second thoughts"),
				"Content-Type", JSON_LD, "Authorization", bearer);
		assertThat(missingCondition.statusCode()).isEqualTo(428);
		assertProblem(missingCondition, 428);

		HttpResponse<String> replaced = api.send("PUT", created.path(), api.note(PARAGRAPH, "Second thoughts",
				", \"creator\": {\"type\": \"Person\", \"name\": \"Ada L.\"}"), "Content-Type", JSON_LD,
				"Authorization", bearer, "If-Match", created.etag());
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		JsonNode edited = json(replaced);
		assertThat(edited.get("id").stringValue()).isEqualTo(created.iri());
		assertThat(edited.get("body").get("value").stringValue()).isEqualTo("Second thoughts");
		assertThat(edited.get("creator").get("name").stringValue()).isEqualTo("Ada L.");
		assertThat(edited.get("created")).isEqualTo(created.json().get("created"));
		assertThat(edited.has("modified")).isTrue();
		String newTag = header(replaced, "ETag");
		assertThat(newTag).isNotEqualTo(created.etag());
		assertThat(json(api.get(created.path())).get("body").get("value").stringValue()).isEqualTo("Second thoughts");

		HttpResponse<String> stale = api.send("PUT", created.path(), api.note("Third thoughts"), "Content-Type",
				JSON_LD, "Authorization", bearer, "If-Match", created.etag());
		assertThat(stale.statusCode()).isEqualTo(412);
		assertProblem(stale, 412);
		assertThat(api.send("DELETE", created.path(), new byte[0], "Authorization", bearer, "If-Match",
				created.etag()).statusCode()).isEqualTo(412);
		assertThat(json(api.get(created.path())).get("body").get("value").stringValue()).isEqualTo("Second thoughts");

		HttpResponse<String> deleted = api.send("DELETE", created.path(), new byte[0], "Authorization", bearer,
				"If-Match", newTag);
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(api.get(created.path()).statusCode()).isEqualTo(404);
		assertThat(allItems(null)).doesNotContain(created.iri());
	}

	@Test
	void deleteWithoutIfMatchDeletesTheCurrentVersion() {
		ApiClient.Created created = api.note(null, "Short-lived");
		assertThat(api.send("DELETE", created.path(), new byte[0], "Authorization", "Bearer " + created.secret())
			.statusCode()).isEqualTo(204);
		assertThat(api.get(created.path()).statusCode()).isEqualTo(404);
	}

	@Test
	void aNoteIsAWebAnnotationOnItsParagraph() {
		Instant before = Instant.now().minusSeconds(1);
		JsonNode note = api.note(null, "A close reading").json();

		assertThat(strings(note.get("@context"))).startsWith("http://www.w3.org/ns/anno.jsonld");
		assertThat(note.get("@context").get(1).get("marginalia").stringValue()).isEqualTo("https://marginalia.dev/ns#");
		assertThat(note.get("type").stringValue()).isEqualTo("Annotation");
		assertThat(note.get("motivation").stringValue()).isEqualTo("commenting");
		assertThat(note.get("body").get("type").stringValue()).isEqualTo("TextualBody");
		assertThat(note.get("body").get("value").stringValue()).isEqualTo("A close reading");
		assertThat(note.get("body").get("format").stringValue()).isEqualTo("text/markdown");
		JsonNode target = note.get("target");
		assertThat(target.get("source").stringValue()).isEqualTo(api.articleUrl());
		assertThat(target.get("selector").get("type").stringValue()).isEqualTo("FragmentSelector");
		assertThat(target.get("selector").get("value").stringValue()).isEqualTo(PARAGRAPH);
		assertThat(target.get("selector").get("conformsTo").stringValue()).isEqualTo("http://tools.ietf.org/rfc/rfc3236");
		assertThat(note.get("creator").get("type").stringValue()).isEqualTo("Person");
		assertThat(note.get("creator").get("name").stringValue()).isEqualTo("Anonymous");
		String created = note.get("created").stringValue();
		assertThat(created).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(Instant.parse(created)).isBetween(before, Instant.now().plusSeconds(1));
		assertThat(note.has("modified")).isFalse();
		assertThat(note.get("marginalia:visibility").stringValue()).isEqualTo("public");
	}

	@Test
	void plainJsonIsAcceptedAndServedWhenAskedFor() {
		HttpResponse<String> created = api.send("POST", CONTAINER, api.note("Plain JSON"), "Content-Type",
				"application/json", "Accept", "application/json");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(header(created, "Content-Type")).startsWith("application/json");
		String path = java.net.URI.create(header(created, "Location")).getPath();

		assertThat(header(api.get(path, "Accept", "application/json"), "Content-Type")).startsWith("application/json");
		assertThat(header(api.get(path, "Accept", "application/json;q=0.5, application/ld+json"), "Content-Type"))
			.startsWith("application/ld+json");
		assertThat(header(api.get(CONTAINER, "Accept", "application/json"), "Content-Type"))
			.startsWith("application/json");
		HttpResponse<String> html = api.get(path, "Accept", "text/html");
		assertThat(html.statusCode()).isEqualTo(406);
		assertProblem(html, 406);
		assertThat(api.get(CONTAINER, "Accept", "text/turtle").statusCode()).isEqualTo(406);
	}

	@Test
	void aClientWithoutCredentialsIsGivenASecretThatProvesAuthorship() {
		HttpResponse<String> response = api.post(api.note("Who am I?"));
		assertThat(response.statusCode()).isEqualTo(201);
		String secret = header(response, SECRET_HEADER);
		assertThat(response.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith(
				"marginalia_author=" + secret + ";"));
		String path = java.net.URI.create(header(response, "Location")).getPath();

		HttpResponse<String> again = api.post(api.note("Me again"), "Authorization", "Bearer " + secret);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.headers().firstValue(SECRET_HEADER)).as("an author keeps the secret").isEmpty();

		HttpResponse<String> replaced = api.send("PUT", path, api.note("It is me"), "Content-Type", JSON_LD,
				"Authorization", "Bearer " + secret, "If-Match", header(response, "ETag"));
		assertThat(replaced.statusCode()).isEqualTo(200);
	}

	@Test
	void nobodyButTheAuthorCanChangeOrDeleteANote() {
		ApiClient.Created note = api.note(null, "Mine");
		String someoneElse = api.note(null, "Theirs").secret();

		HttpResponse<String> put = api.send("PUT", note.path(), api.note("Not yours"), "Content-Type", JSON_LD,
				"Authorization", "Bearer " + someoneElse, "If-Match", note.etag());
		assertThat(put.statusCode()).isEqualTo(403);
		assertProblem(put, 403);
		HttpResponse<String> delete = api.send("DELETE", note.path(), new byte[0], "Authorization",
				"Bearer " + someoneElse);
		assertThat(delete.statusCode()).isEqualTo(403);
		assertProblem(delete, 403);

		HttpResponse<String> anonymous = api.send("DELETE", note.path(), new byte[0]);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(header(anonymous, "WWW-Authenticate")).startsWith("Bearer");
		assertProblem(anonymous, 401);
		HttpResponse<String> forged = api.send("DELETE", note.path(), new byte[0], "Authorization", "Bearer nonsense");
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(header(forged, "WWW-Authenticate")).contains("invalid_token");

		HttpResponse<String> after = api.get(note.path());
		assertThat(header(after, "ETag")).isEqualTo(note.etag());
		assertThat(json(after).get("body").get("value").stringValue()).isEqualTo("Mine");
	}

	@Test
	void privateNotesAreVisibleToTheirAuthorOnly() {
		String author = api.note(null, "The author's public note").secret();
		String someoneElse = api.note(null, "Someone else's note").secret();
		int othersSee = json(api.get(CONTAINER, "Authorization", "Bearer " + someoneElse)).get("total").intValue();
		int authorSees = json(api.get(CONTAINER, "Authorization", "Bearer " + author)).get("total").intValue();

		ApiClient.Created secret = api.create(author, api.note(PARAGRAPH, "For my eyes only",
				", \"marginalia:visibility\": \"private\""));
		assertThat(secret.json().get("marginalia:visibility").stringValue()).isEqualTo("private");

		HttpResponse<String> own = api.get(secret.path(), "Authorization", "Bearer " + author);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(json(own).get("body").get("value").stringValue()).isEqualTo("For my eyes only");
		assertThat(json(api.get(CONTAINER, "Authorization", "Bearer " + author)).get("total").intValue())
			.isEqualTo(authorSees + 1);
		assertThat(allItems("Bearer " + author)).contains(secret.iri());

		for (String[] viewer : List.of(new String[0], new String[] { "Authorization", "Bearer " + someoneElse })) {
			HttpResponse<String> read = api.get(secret.path(), viewer);
			assertThat(read.statusCode()).isEqualTo(404);
			assertThat(read.body()).doesNotContain("For my eyes only");
			assertThat(api.send("HEAD", secret.path(), new byte[0], viewer).statusCode()).isEqualTo(404);
			assertThat(api.send("OPTIONS", secret.path(), new byte[0], viewer).statusCode()).isEqualTo(404);
			assertThat(api.send("DELETE", secret.path(), new byte[0], viewer).statusCode()).isEqualTo(404);
		}
		assertThat(api.send("PUT", secret.path(), api.note("Leaked?"), "Content-Type", JSON_LD, "Authorization",
				"Bearer " + someoneElse, "If-Match", secret.etag()).statusCode()).isEqualTo(404);
		assertThat(json(api.get(CONTAINER, "Authorization", "Bearer " + someoneElse)).get("total").intValue())
			.isEqualTo(othersSee);
		assertThat(allItems("Bearer " + someoneElse)).doesNotContain(secret.iri());
		assertThat(allItems(null)).doesNotContain(secret.iri());
		HttpResponse<String> irisOnly = api.get(CONTAINER, "Prefer",
				"return=representation;include=\"" + IRIS + "\"");
		assertThat(irisOnly.body()).doesNotContain(secret.iri());

		HttpResponse<String> reply = api.post(api.reply(secret.iri(), "Can I see it?", ""), "Authorization",
				"Bearer " + someoneElse);
		assertThat(reply.statusCode()).isEqualTo(422);
		assertThat(reply.body()).doesNotContain("For my eyes only");
	}

	@Test
	void aPrivateNoteStaysPrivateWhenAClientLeavesOutTheExtension() {
		ApiClient.Created secret = api.create(null, api.note(PARAGRAPH, "Private draft",
				", \"marginalia:visibility\": \"private\""));
		HttpResponse<String> replaced = api.send("PUT", secret.path(), api.note("Private, still"), "Content-Type",
				JSON_LD, "Authorization", "Bearer " + secret.secret(), "If-Match", secret.etag());
		assertThat(replaced.statusCode()).isEqualTo(200);
		assertThat(json(replaced).get("marginalia:visibility").stringValue()).isEqualTo("private");
		assertThat(api.get(secret.path()).statusCode()).isEqualTo(404);

		HttpResponse<String> published = api.send("PUT", secret.path(), api.note(PARAGRAPH, "Now public",
				", \"marginalia:visibility\": \"public\""), "Content-Type", JSON_LD, "Authorization",
				"Bearer " + secret.secret(), "If-Match", header(replaced, "ETag"));
		assertThat(published.statusCode()).isEqualTo(200);
		assertThat(api.get(secret.path()).statusCode()).isEqualTo(200);
	}

	@Test
	void repliesTargetTheAnnotationTheyAnswer() {
		ApiClient.Created note = api.note(null, "A claim");
		ApiClient.Created reply = api.create(null, api.reply(note.iri(), "A doubt",
				", \"creator\": {\"type\": \"Person\", \"name\": \"Bo\"}"));
		assertThat(reply.json().get("motivation").stringValue()).isEqualTo("replying");
		assertThat(reply.json().get("target").stringValue()).isEqualTo(note.iri());
		assertThat(reply.iri()).startsWith(api.containerIri());
		assertThat(json(api.get(reply.path())).get("target").stringValue()).isEqualTo(note.iri());
		assertThat(allItems(null)).contains(note.iri(), reply.iri());

		ApiClient.Created replyToReply = api.create(null, api.reply(reply.iri(), "Threads are one level deep", ""));
		assertThat(replyToReply.json().get("target").stringValue()).isEqualTo(note.iri());

		ApiClient.Created asObject = api.create(null, """
				{"motivation": "replying", "bodyValue": "Target as an object",
				 "target": {"id": "%s"}}""".formatted(note.iri()));
		assertThat(asObject.json().get("target").stringValue()).isEqualTo(note.iri());
		assertThat(asObject.json().get("body").get("value").stringValue()).isEqualTo("Target as an object");

		HttpResponse<String> commenting = api.post(api.reply(note.iri(), "Wrong motivation", "")
			.replace("\"replying\"", "\"commenting\""));
		assertThat(commenting.statusCode()).isEqualTo(422);
		assertThat(json(commenting).get("errors").has("motivation")).isTrue();
		HttpResponse<String> nowhere = api.post(api.reply(api.containerIri() + "AAAAAAAAAAAAAAAAAAAAAA", "To nothing", ""));
		assertThat(nowhere.statusCode()).isEqualTo(422);
		assertThat(json(nowhere).get("errors").has("target")).isTrue();
	}

	@Test
	void aReplyToAPrivateNoteIsPrivate() {
		ApiClient.Created secret = api.create(null, api.note(PARAGRAPH, "Private thought",
				", \"marginalia:visibility\": \"private\""));
		ApiClient.Created reply = api.create(secret.secret(), api.reply(secret.iri(), "Private answer", ""));
		assertThat(reply.json().get("marginalia:visibility").stringValue()).isEqualTo("private");
		assertThat(api.get(reply.path()).statusCode()).isEqualTo(404);

		HttpResponse<String> publicReply = api.post(api.reply(secret.iri(), "Public answer",
				", \"marginalia:visibility\": \"public\""), "Authorization", "Bearer " + secret.secret());
		assertThat(publicReply.statusCode()).isEqualTo(422);
		assertThat(json(publicReply).get("errors").has("marginalia:visibility")).isTrue();
	}

	@Test
	void aDeletedNoteWithRepliesIsGoneButItsRepliesStay() {
		ApiClient.Created note = api.note(null, "Soon deleted");
		ApiClient.Created reply = api.create(null, api.reply(note.iri(), "Still here", ""));
		assertThat(api.send("DELETE", note.path(), new byte[0], "Authorization", "Bearer " + note.secret())
			.statusCode()).isEqualTo(204);

		HttpResponse<String> gone = api.get(note.path());
		assertThat(gone.statusCode()).isEqualTo(410);
		assertProblem(gone, 410);
		assertThat(gone.body()).doesNotContain("Soon deleted");
		assertThat(api.get(reply.path()).statusCode()).isEqualTo(200);
		List<String> items = allItems(null);
		assertThat(items).contains(reply.iri()).doesNotContain(note.iri());
	}

	@Test
	void aHostileBodyComesBackAsTheMarkdownItIs() {
		String hostile = "<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>";
		ApiClient.Created note = api.note(null, hostile);
		assertThat(note.json().get("body").get("value").stringValue()).isEqualTo(hostile);
		HttpResponse<String> read = api.get(note.path());
		assertThat(json(read).get("body").get("value").stringValue()).isEqualTo(hostile);
		assertThat(header(read, "Content-Type")).doesNotContain("html");
		assertThat(header(read, "X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void aCookieAuthorisedWriteNeedsTheCsrfToken() {
		ApiClient.Created first = api.note(null, "From a browser");
		String author = "marginalia_author=" + first.secret();

		HttpResponse<String> forged = api.post(api.note("Without the token"), "Cookie", author);
		assertThat(forged.statusCode()).isEqualTo(403);

		// the token: the article page's meta tags when they are there, else the XSRF-TOKEN cookie
		HttpResponse<String> page = api.get("/articles/" + SLUG, "Cookie", author, "Accept", "text/html");
		Document html = Jsoup.parse(page.body());
		String cookie = cookie(page, "XSRF-TOKEN").or(() -> cookie(forged, "XSRF-TOKEN")).orElseThrow();
		String token = meta(html, "_csrf").orElse(cookie);
		String header = meta(html, "_csrf_header").orElse("X-XSRF-TOKEN");

		HttpResponse<String> sent = api.post(api.note("With the token"), "Cookie",
				author + "; XSRF-TOKEN=" + cookie, header, token);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		assertThat(sent.headers().firstValue(SECRET_HEADER)).as("the cookie named the author").isEmpty();
		String path = java.net.URI.create(header(sent, "Location")).getPath();
		assertThat(api.send("DELETE", path, new byte[0], "Authorization", "Bearer " + first.secret()).statusCode())
			.isEqualTo(204);
	}

	@Test
	void aConditionalGetOfAnUnchangedResourceIsNotModified() {
		ApiClient.Created note = api.note(null, "Cache me");
		HttpResponse<String> notModified = api.get(note.path(), "If-None-Match", note.etag());
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(header(notModified, "ETag")).isEqualTo(note.etag());

		String containerTag = header(api.get(CONTAINER), "ETag");
		assertThat(api.get(CONTAINER, "If-None-Match", containerTag).statusCode()).isEqualTo(304);
		api.note(null, "A change");
		assertThat(api.get(CONTAINER, "If-None-Match", containerTag).statusCode()).isEqualTo(200);
	}

	@Test
	void otherMethodsAreNotAllowed() {
		ApiClient.Created note = api.note(null, "Patch me not");
		HttpResponse<String> patch = api.send("PATCH", note.path(), "{}", "Content-Type", "application/json",
				"Authorization", "Bearer " + note.secret());
		assertThat(patch.statusCode()).isEqualTo(405);
		assertThat(header(patch, "Allow")).isEqualTo("GET,HEAD,OPTIONS,PUT,DELETE");
		assertProblem(patch, 405);

		HttpResponse<String> putContainer = api.send("PUT", CONTAINER, "{}", "Content-Type", "application/json");
		assertThat(putContainer.statusCode()).isEqualTo(405);
		assertThat(header(putContainer, "Allow")).isEqualTo("GET,HEAD,OPTIONS,POST");

		HttpResponse<String> postPage = api.send("POST", CONTAINER + "?page=0", api.note("On a page"),
				"Content-Type", JSON_LD);
		assertThat(postPage.statusCode()).isEqualTo(405);
		assertThat(header(postPage, "Allow")).isEqualTo("GET,HEAD,OPTIONS");
	}

	@Test
	void anUpdateCannotMoveAnAnnotation() {
		ApiClient.Created note = api.note(null, "Here");
		String bearer = "Bearer " + note.secret();
		HttpResponse<String> moved = api.send("PUT", note.path(), api.note("p-TwdTwd", "There", ""), "Content-Type",
				JSON_LD, "Authorization", bearer, "If-Match", note.etag());
		assertThat(moved.statusCode()).isEqualTo(409);
		assertThat(json(moved).get("errors").has("target")).isTrue();

		HttpResponse<String> renamed = api.send("PUT", note.path(), api.note(PARAGRAPH, "Renamed",
				", \"id\": \"" + api.containerIri() + "BBBBBBBBBBBBBBBBBBBBBB\""), "Content-Type", JSON_LD,
				"Authorization", bearer, "If-Match", note.etag());
		assertThat(renamed.statusCode()).isEqualTo(409);

		HttpResponse<String> sameId = api.send("PUT", note.path(), api.note(PARAGRAPH, "Same id",
				", \"id\": \"" + note.iri() + "\""), "Content-Type", JSON_LD, "Authorization", bearer, "If-Match",
				note.etag());
		assertThat(sameId.statusCode()).isEqualTo(200);
		assertThat(json(api.get(note.path())).get("target")).isEqualTo(note.json().get("target"));
	}

	@Test
	void aClientIdIsReplacedByTheServersIri() {
		ApiClient.Created note = api.create(null, api.note(PARAGRAPH, "My own id?",
				", \"id\": \"http://example.org/anno1\", \"created\": \"2001-01-01T00:00:00Z\""));
		assertThat(note.iri()).startsWith(api.containerIri());
		assertThat(note.json().get("created").stringValue()).doesNotStartWith("2001");
	}

	@Test
	void preferencesChooseTheContainersRepresentation() {
		api.note(null, "Something to list");
		HttpResponse<String> minimal = api.get(CONTAINER, "Prefer",
				"return=representation;include=\"" + MINIMAL + "\"");
		JsonNode container = json(minimal);
		assertThat(container.get("first").isString()).isTrue();
		assertThat(container.get("last").isString()).isTrue();
		assertThat(container.has("contains")).isFalse();
		assertThat(minimal.body()).doesNotContain("\"items\"");
		assertThat(header(minimal, "Preference-Applied")).isEqualTo("return=representation");

		HttpResponse<String> iris = api.get(CONTAINER, "Prefer", "return=representation; include=\"" + IRIS + "\"");
		JsonNode first = json(iris).get("first");
		assertThat(json(iris).get("id").stringValue()).isEqualTo(api.containerIri() + "?iris=1");
		assertThat(header(iris, "Content-Location")).isEqualTo(api.containerIri() + "?iris=1");
		assertThat(first.get("id").stringValue()).isEqualTo(api.containerIri() + "?iris=1&page=0");
		assertThat(first.get("items").get(0).isString()).isTrue();
		assertThat(first.get("items").get(0).stringValue()).startsWith(api.containerIri());

		HttpResponse<String> minimalIris = api.get(CONTAINER, "Prefer",
				"return=representation;include=\"" + MINIMAL + " " + IRIS + "\"");
		assertThat(json(minimalIris).get("first").stringValue()).isEqualTo(api.containerIri() + "?iris=1&page=0");

		HttpResponse<String> descriptions = api.get(CONTAINER, "Prefer",
				"return=representation;include=\"" + DESCRIPTIONS + "\"");
		assertThat(json(descriptions).get("first").get("items").get(0).isObject()).isTrue();

		HttpResponse<String> both = api.get(CONTAINER, "Prefer",
				"return=representation;include=\"" + IRIS + " " + DESCRIPTIONS + "\"");
		assertThat(both.statusCode()).isEqualTo(400);
		assertProblem(both, 400);
	}

	/** Every annotation IRI in the container, walking its pages as the viewer. */
	private List<String> allItems(String authorization) {
		String[] headers = authorization == null ? new String[0] : new String[] { "Authorization", authorization };
		List<String> iris = new ArrayList<>();
		JsonNode page = json(api.get(CONTAINER + "?iris=1&page=0", headers));
		while (true) {
			page.get("items").forEach(item -> iris.add(item.stringValue()));
			if (!page.has("next")) {
				return iris;
			}
			page = json(api.get(page.get("next").stringValue(), headers));
		}
	}

	static void assertProblem(HttpResponse<String> response, int status) {
		assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
		JsonNode problem = json(response);
		assertThat(problem.get("status").intValue()).isEqualTo(status);
		assertThat(problem.get("type").isString()).isTrue();
		assertThat(problem.get("title").stringValue()).isNotBlank();
		assertThat(problem.get("detail").stringValue()).isNotBlank();
	}

	static String header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
	}

	static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach(value -> values.add(value.isString() ? value.stringValue() : value.toString()));
		}
		else {
			values.add(node.stringValue());
		}
		return values;
	}

	private static Optional<String> cookie(HttpResponse<String> response, String name) {
		return response.headers().allValues("Set-Cookie").stream()
			.filter(cookie -> cookie.startsWith(name + "="))
			.map(cookie -> cookie.substring(name.length() + 1, cookie.indexOf(';')))
			.filter(value -> !value.isEmpty())
			.findFirst();
	}

	private static Optional<String> meta(Document html, String name) {
		Element meta = html.selectFirst("meta[name=" + name + "]");
		return meta == null ? Optional.empty() : Optional.of(meta.attr("content"));
	}

}
