package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.annotations.AnnotationProtocolTests.assertProblem;
import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.CONTAINER;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.PARAGRAPH;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every kind of bad request gets a 4xx with problem details, never a 5xx, and stores nothing: on POST the
 * author's total does not move, on PUT the annotation keeps its ETag.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnotationErrorsTests {

	/** A well-formed annotation with one part replaced, by the placeholder it replaces. */
	private static final String TEMPLATE = """
			{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting",
			 "body": {"type": "TextualBody", "value": "Fine", "format": "text/markdown"},
			 "target": {"source": "ARTICLE", "selector": {"type": "FragmentSelector", "value": "p-AarAar"}},
			 "creator": {"type": "Person", "name": "Ada"}}""";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	/** @return description, body (ARTICLE stands for the article's URL), Content-Type, status, field in error */
	static Stream<Arguments> badAnnotations() {
		String fine = TEMPLATE;
		return Stream.of(
				arguments("an empty body", "", JSON_LD, 400, null),
				arguments("only whitespace", "  \n ", JSON_LD, 400, null),
				arguments("malformed JSON", "{\"body\": ", JSON_LD, 400, null),
				arguments("two JSON values", "{} {}", JSON_LD, 400, null),
				arguments("a repeated member", "{\"bodyValue\": \"a\", \"bodyValue\": \"b\"}", JSON_LD, 400, null),
				arguments("a JSON array", "[]", JSON_LD, 422, "$"),
				arguments("a JSON string", "\"note\"", JSON_LD, 422, "$"),
				arguments("text/plain", fine, "text/plain", 415, null),
				arguments("a form", "body=x", "application/x-www-form-urlencoded", 415, null),
				arguments("XML", "<annotation/>", "application/xml", 415, null),
				arguments("Latin-1 JSON", fine, "application/json; charset=ISO-8859-1", 415, null),
				arguments("another JSON-LD profile", fine,
						"application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"", 415, null),
				arguments("another @context", fine.replace("http://www.w3.org/ns/anno.jsonld", "https://schema.org/"),
						JSON_LD, 415, null),
				arguments("a number as body value", fine.replace("\"Fine\"", "42"), JSON_LD, 422, "body.value"),
				arguments("an empty body value", fine.replace("\"Fine\"", "\"\""), JSON_LD, 422, "body.value"),
				arguments("a blank body value", fine.replace("\"Fine\"", "\"  \\n \""), JSON_LD, 422, "body.value"),
				arguments("no body", "{\"target\": \"ARTICLE#p-AarAar\"}", JSON_LD, 422, "body.value"),
				arguments("a body over 10,000 characters", fine.replace("\"Fine\"", "\"" + "x".repeat(10_001) + "\""),
						JSON_LD, 422, "body.value"),
				arguments("a control character", fine.replace("\"Fine\"", "\"a\\u0000b\""), JSON_LD, 422, "body.value"),
				arguments("a lone surrogate", fine.replace("\"Fine\"", "\"a\\ud800b\""), JSON_LD, 422, "body.value"),
				arguments("a string body (an IRI)", fine.replace(
						"{\"type\": \"TextualBody\", \"value\": \"Fine\", \"format\": \"text/markdown\"}",
						"\"http://example.org/body\""), JSON_LD, 422, "body"),
				arguments("two bodies", fine.replace(
						"{\"type\": \"TextualBody\", \"value\": \"Fine\", \"format\": \"text/markdown\"}",
						"[{\"value\": \"One\"}, {\"value\": \"Two\"}]"), JSON_LD, 422, "body"),
				arguments("an HTML body", fine.replace("text/markdown", "text/html"), JSON_LD, 422, "body.format"),
				arguments("an image body", fine.replace("TextualBody", "Image"), JSON_LD, 422, "body.type"),
				arguments("no target", "{\"bodyValue\": \"Nowhere\"}", JSON_LD, 422, "target"),
				arguments("an unknown paragraph", fine.replace(PARAGRAPH, "p-Nowhere"), JSON_LD, 422, "target"),
				arguments("another article", fine.replace("ARTICLE", "https://elsewhere.example/articles/x"), JSON_LD,
						422, "target.source"),
				arguments("a number as target", fine.replace("\"target\": {", "\"target\": 7, \"x\": {"), JSON_LD, 422,
						"target"),
				arguments("a text quote selector without its words", fine.replace("FragmentSelector", "TextQuoteSelector"),
						JSON_LD, 422, "target.selector.exact"),
				arguments("a creator given as a string", fine.replace("{\"type\": \"Person\", \"name\": \"Ada\"}",
						"\"Ada\""), JSON_LD, 422, "creator"),
				arguments("a number as creator name", fine.replace("\"Ada\"", "1"), JSON_LD, 422, "creator.name"),
				arguments("a name over 80 characters", fine.replace("\"Ada\"", "\"" + "A".repeat(81) + "\""), JSON_LD,
						422, "creator.name"),
				arguments("an unknown visibility", fine.replace("\"creator\"",
						"\"marginalia:visibility\": \"secret\", \"creator\""), JSON_LD, 422, "marginalia:visibility"),
				arguments("a boolean visibility", fine.replace("\"creator\"",
						"\"marginalia:visibility\": true, \"creator\""), JSON_LD, 422, "marginalia:visibility"),
				arguments("another motivation", fine.replace("commenting", "bookmarking"), JSON_LD, 422, "motivation"),
				arguments("another type", fine.replace("\"Annotation\"", "\"Note\""), JSON_LD, 422, "type"),
				arguments("a relative canonical IRI", fine.replace("\"creator\"",
						"\"canonical\": \"dbfb1861\", \"creator\""), JSON_LD, 422, "canonical"),
				arguments("a canonical IRI that is a number", fine.replace("\"creator\"",
						"\"canonical\": 7, \"creator\""), JSON_LD, 422, "canonical"));
	}

	@ParameterizedTest(name = "POST {0}: {3}")
	@MethodSource("badAnnotations")
	void aBadAnnotationIsRefusedAndNothingIsStored(String description, String body, String contentType, int status,
			String field) {
		String secret = api.note(null, "The author's first note").secret();
		String bearer = "Bearer " + secret;
		int before = total(bearer);

		HttpResponse<String> response = api.send("POST", CONTAINER, body.replace("ARTICLE", api.articleUrl()),
				"Content-Type", contentType, "Authorization", bearer);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertProblem(response, status);
		if (field != null) {
			assertThat(json(response).get("errors").has(field)).as(response.body()).isTrue();
		}
		assertThat(total(bearer)).isEqualTo(before);
	}

	@ParameterizedTest(name = "PUT {0}: {3}")
	@MethodSource("badAnnotations")
	void aBadReplacementIsRefusedAndChangesNothing(String description, String body, String contentType, int status,
			String field) {
		if (field != null && (field.equals("target") || field.startsWith("target."))) {
			return; // a PUT may leave the target out, and changing it is 409: see the protocol tests
		}
		ApiClient.Created note = api.note(null, "Before");

		HttpResponse<String> response = api.send("PUT", note.path(), body.replace("ARTICLE", api.articleUrl()),
				"Content-Type", contentType, "Authorization", "Bearer " + note.secret(), "If-Match", note.etag());

		int expected = description.equals("no body") ? 422 : status;
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		assertProblem(response, expected);
		HttpResponse<String> after = api.get(note.path());
		assertThat(header(after, "ETag")).isEqualTo(note.etag());
		assertThat(json(after).get("body").get("value").stringValue()).isEqualTo("Before");
	}

	@Test
	void invalidUtf8IsRefused() {
		byte[] prefix = "{\"bodyValue\": \"".getBytes(StandardCharsets.UTF_8);
		byte[] suffix = ("\", \"target\": \"" + api.articleUrl() + "#" + PARAGRAPH + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		for (byte[] bad : new byte[][] { { (byte) 0xFF }, { (byte) 0xC3 }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xC0, (byte) 0xAF } }) {
			byte[] body = new byte[prefix.length + bad.length + suffix.length];
			System.arraycopy(prefix, 0, body, 0, prefix.length);
			System.arraycopy(bad, 0, body, prefix.length, bad.length);
			System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
			HttpResponse<String> response = api.send("POST", CONTAINER, body, "Content-Type", JSON_LD);
			assertThat(response.statusCode()).isEqualTo(400);
			assertProblem(response, 400);
			assertThat(json(response).get("detail").stringValue()).contains("UTF-8");
		}
	}

	@Test
	void aRequestOver64KilobytesIsTooLarge() {
		String huge = "{\"bodyValue\": \"" + "x".repeat(70_000) + "\"}";
		HttpResponse<String> response = api.send("POST", CONTAINER, huge, "Content-Type", JSON_LD);
		assertThat(response.statusCode()).isEqualTo(413);
		assertProblem(response, 413);

		ApiClient.Created note = api.note(null, "Small");
		HttpResponse<String> put = api.send("PUT", note.path(), huge, "Content-Type", JSON_LD, "Authorization",
				"Bearer " + note.secret(), "If-Match", note.etag());
		assertThat(put.statusCode()).isEqualTo(413);
		assertProblem(put, 413);
	}

	@Test
	void aBodyJustUnder64KilobytesIsReadAndJudgedByTheRules() {
		String big = api.note(PARAGRAPH, "x".repeat(60_000), "");
		HttpResponse<String> response = api.send("POST", CONTAINER, big, "Content-Type", JSON_LD);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(json(response).get("errors").get("body.value").stringValue()).contains("10000");
	}

	@Test
	void aRequestWithoutContentTypeIsUnsupported() {
		HttpResponse<String> response = api.send("POST", CONTAINER, api.note("No type"));
		assertThat(response.statusCode()).isEqualTo(415);
		assertProblem(response, 415);
		assertThat(header(response, "Accept-Post")).contains("application/ld+json");
	}

	@Test
	void badPagesAreRefused() {
		for (String query : new String[] { "?page=abc", "?page=-1", "?page=1.5", "?iris=2", "?page=0&iris=yes" }) {
			HttpResponse<String> response = api.get(CONTAINER + query);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertProblem(response, 400);
		}
		HttpResponse<String> beyond = api.get(CONTAINER + "?page=99999");
		assertThat(beyond.statusCode()).isEqualTo(404);
		assertProblem(beyond, 404);
	}

	@Test
	void anUnknownAnnotationIsNotFound() {
		for (String id : new String[] { "AAAAAAAAAAAAAAAAAAAAAA", "not*an*id", "x".repeat(40) }) {
			HttpResponse<String> response = api.get(CONTAINER + id);
			assertThat(response.statusCode()).as(id).isEqualTo(404);
			assertProblem(response, 404);
		}
	}

	@Test
	void errorsAreProblemDetailsEvenWhenTheClientAcceptsOnlyJsonLd() {
		HttpResponse<String> response = api.send("POST", CONTAINER, "{", "Content-Type", JSON_LD, "Accept", JSON_LD);
		assertThat(response.statusCode()).isEqualTo(400);
		assertProblem(response, 400);
		JsonNode problem = json(response);
		assertThat(problem.get("type").stringValue()).endsWith("/api/problems.html#malformed-request");
		assertThat(problem.get("instance").stringValue()).isEqualTo(CONTAINER);
	}

	private int total(String bearer) {
		return json(api.get(CONTAINER, "Authorization", bearer, "Prefer",
				"return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"")).get("total")
			.intValue();
	}

}
