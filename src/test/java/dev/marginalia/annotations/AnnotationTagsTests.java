package dev.marginalia.annotations;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.support.TestNotes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.marginalia.annotations.AnnotationProtocolTests.assertProblem;
import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.SLUG;
import static dev.marginalia.annotations.ApiClient.json;
import static dev.marginalia.annotations.ApiClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tags over the W3C API: a TextualBody with the purpose {@code tagging} per tag, beside the note's text, taken on
 * POST and PUT, served on every annotation, refused at its path when it breaks the rules, and carried by every
 * export and by the import.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnotationTagsTests {

	static final String ARTICLE = "/articles/" + SLUG;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		TestNotes.deleteAll(jdbc);
	}

	/** The note's text and a tagging body per tag, as the annotation's {@code body}. */
	static String bodies(String text, String... tags) {
		StringBuilder json = new StringBuilder("[{\"type\": \"TextualBody\", \"value\": " + quote(text)
				+ ", \"format\": \"text/markdown\"}");
		for (String tag : tags) {
			json.append(", {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": ").append(quote(tag)).append('}');
		}
		return json.append(']').toString();
	}

	/** A note on the paragraph with these bodies (and more members, with a leading comma). */
	String note(String bodies, String extra) {
		String plain = api.note(ApiClient.PARAGRAPH, "TEXT", extra);
		return plain.replace("{\"type\": \"TextualBody\", \"value\": \"TEXT\", \"format\": \"text/markdown\"}", bodies);
	}

	static List<String> tags(JsonNode annotation) {
		List<String> tags = new ArrayList<>();
		JsonNode body = annotation.get("body");
		if (body.isArray()) {
			body.forEach(one -> {
				if (one.has("purpose")) {
					assertThat(one.get("purpose").stringValue()).isEqualTo("tagging");
					assertThat(one.get("type").stringValue()).isEqualTo("TextualBody");
					tags.add(one.get("value").stringValue());
				}
			});
		}
		return tags;
	}

	static String text(JsonNode annotation) {
		JsonNode body = annotation.get("body");
		return (body.isArray() ? body.get(0) : body).get("value").stringValue();
	}

	@Test
	void postedTagsAreServedAsTaggingBodiesBesideTheText() {
		ApiClient.Created created = api.create(null, note(bodies("Tagged", " Energy", "trade policy", "energy"), ""));

		for (JsonNode annotation : List.of(created.json(), json(api.get(created.path())),
				json(api.get(api.container())).get("first").get("items").get(0))) {
			JsonNode body = annotation.get("body");
			assertThat(body.isArray()).isTrue();
			assertThat(body.get(0).get("value").stringValue()).isEqualTo("Tagged");
			assertThat(body.get(0).has("purpose")).isFalse();
			assertThat(tags(annotation)).as("trimmed, each once, as first written").containsExactly("Energy", "trade policy");
		}
		assertThat(api.create(created.secret(), api.note("No tags")).json().get("body").isObject())
			.as("without tags the body stays one object").isTrue();
		assertThat(api.get(ARTICLE).body()).contains("<a class=\"tag\" href=\"" + ARTICLE + "/search?tag=trade%20policy\">");
	}

	@Test
	void aReplyTagsToAndBodyValueGoesWithTaggingBodies() {
		ApiClient.Created note = api.create(null, note(bodies("The note", "one"), ""));
		ApiClient.Created reply = api.create(note.secret(), """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "replying",
				 "body": {"purpose": "oa:tagging", "value": "agreement"}, "bodyValue": "Agreed", "target": %s}
				""".formatted(quote(note.iri())));
		assertThat(text(reply.json())).isEqualTo("Agreed");
		assertThat(tags(reply.json())).containsExactly("agreement");
	}

	@Test
	void aPutReplacesTheTagsAndOneWithoutAnyLeavesNone() {
		ApiClient.Created created = api.create(null, note(bodies("v1", "one", "two"), ""));
		String bearer = "Bearer " + created.secret();

		HttpResponse<String> replaced = api.send("PUT", created.path(), note(bodies("v2", "Two", "three"), ""),
				"Content-Type", JSON_LD, "Authorization", bearer, "If-Match", created.etag());
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(tags(json(replaced))).containsExactly("Two", "three");

		HttpResponse<String> cleared = api.send("PUT", created.path(), api.note("v3"), "Content-Type", JSON_LD,
				"Authorization", bearer, "If-Match", header(replaced, "ETag"));
		assertThat(cleared.statusCode()).as(cleared.body()).isEqualTo(200);
		assertThat(json(api.get(created.path())).get("body").isObject()).isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_tags").query(Integer.class).single()).isZero();
	}

	@Test
	void brokenTagsAreRefusedAtTheirPathAndNothingIsStored() {
		String overlong = "x".repeat(41);
		Map<String, Map<String, String>> refused = new HashMap<>();
		refused.put(bodies("Fine", "ok", overlong), Map.of("body[2].value", "A tag can have at most 40 characters: “"
				+ overlong + "”."));
		refused.put(bodies("Fine", "bell\u0007"), Map.of("body[1].value",
				"A tag cannot contain control characters or broken Unicode."));
		refused.put(bodies("Fine", "one, two"), Map.of("body[1].value",
				"A tag cannot contain a comma: “one, two” (commas separate tags)."));
		refused.put(bodies("Fine", " "), Map.of("body[1].value", "A tag cannot be empty."));
		refused.put(bodies("Fine", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11"),
				Map.of("body", "At most 10 tags per note; this one has 11."));
		refused.put("[{\"value\": \"Fine\"}, {\"purpose\": \"tagging\", \"value\": 7}]",
				Map.of("body[1].value", "The body.value is a string."));
		refused.put("[{\"value\": \"Fine\"}, {\"type\": \"Image\", \"purpose\": \"tagging\", \"value\": \"t\"}]",
				Map.of("body[1].type", "A tag is a TextualBody."));
		refused.put("{\"purpose\": \"tagging\", \"value\": \"alone\"}", Map.of("body.value",
				"Write something: a note cannot be empty."));
		refused.forEach((bodies, errors) -> {
			HttpResponse<String> response = api.post(note(bodies, ""));
			assertThat(response.statusCode()).as(bodies + ": " + response.body()).isEqualTo(422);
			assertProblem(response, 422);
			Map<String, String> found = new HashMap<>();
			JsonNode sent = json(response).get("errors");
			sent.propertyNames().forEach(field -> found.put(field, sent.get(field).stringValue()));
			assertThat(found).as(bodies).isEqualTo(errors);
		});
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single()).isZero();
	}

	@Test
	void markupInATagIsTextEverywhere() {
		String hostile = "<img src=x onerror=alert(1)>";
		ApiClient.Created created = api.create(null, note(bodies("Hostile tag", hostile), ""));
		assertThat(tags(json(api.get(created.path())))).containsExactly(hostile);
		String page = api.get(ARTICLE).body();
		assertThat(page).doesNotContain(hostile).contains("&lt;img src=x onerror=alert(1)&gt;");
		assertThat(api.get(ARTICLE + "/notes.md").body()).contains("\\<img src=x onerror=alert(1)\\>");
	}

	@Test
	void everyExportCarriesTheTagsAndAnImportBringsThemBack() throws IOException {
		ApiClient.Created note = api.create(null, note(bodies("Tagged", "energy", "trade policy"), ""));
		String ada = note.secret();
		api.create(ada, """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "replying",
				 "body": [{"value": "A tagged reply"}, {"purpose": "tagging", "value": "=SUM(1)"}], "target": %s}
				""".formatted(quote(note.iri())));
		api.create(ada, note(bodies("Mine alone", "secret plan"), ", \"marginalia:visibility\": \"private\""));

		String markdown = api.get(ARTICLE + "/notes.md").body();
		assertThat(markdown).contains("Tagged\n    \n    *Tags: energy, trade policy*", "*Tags: =SUM(1)*")
			.doesNotContain("secret plan");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(api.get(ARTICLE + "/notes.csv").body())).getRecords();
		assertThat(rows).extracting(row -> row.get("tags")).containsExactly("energy, trade policy", "'=SUM(1)");
		assertThat(api.get(ARTICLE + "/notes.csv", "Authorization", "Bearer " + ada).body()).contains("secret plan");
		assertThat(api.get(ARTICLE + "/notes.jsonld").body()).doesNotContain("secret plan");

		JsonNode exported = json(api.get(ARTICLE + "/notes.jsonld", "Authorization", "Bearer " + ada));
		Map<String, List<String>> before = new HashMap<>();
		exported.get("first").get("items").forEach(item -> before.put(text(item), tags(item)));
		assertThat(before).containsEntry("Mine alone", List.of("secret plan")).containsEntry("Tagged",
				List.of("energy", "trade policy"));
		TestNotes.deleteAll(jdbc);

		HttpResponse<String> imported = api.send("POST", api.container() + "import", exported.toString(),
				api.asModerator("Content-Type", JSON_LD, "Authorization", "Bearer " + ada));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

		Map<String, List<String>> after = new HashMap<>();
		json(api.get(ARTICLE + "/notes.jsonld", "Authorization", "Bearer " + ada)).get("first").get("items")
			.forEach(item -> after.put(text(item), tags(item)));
		assertThat(after).isEqualTo(before);
	}

	@Test
	void anImportWithBrokenTagsIsRefusedWhole() {
		String file = """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
				 "first": {"type": "AnnotationPage", "items": [%s, %s]}}
				""".formatted(note(bodies("Fine", "fine"), ""), note(bodies("Broken", "x".repeat(41)), ""));
		HttpResponse<String> response = api.send("POST", api.container() + "import", file,
				api.asModerator("Content-Type", JSON_LD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains("body[1].value", "A tag can have at most 40 characters");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single()).isZero();
	}

}
