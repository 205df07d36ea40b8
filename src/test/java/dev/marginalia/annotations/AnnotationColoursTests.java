package dev.marginalia.annotations;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.support.TestNotes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
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
 * Highlight colours over the W3C API: a passage note's colour is its target's {@code styleClass} (Data Model §4.3), a
 * class of the stylesheet the annotation and the container name; taken on POST and PUT (one without it keeps the
 * colour), refused at {@code target.styleClass} when unknown or not on a passage, and carried by the exports and the
 * import.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnotationColoursTests {

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

	/** A note on the words "lost its legitimacy" of the paragraph, with these members in its target. */
	String passageNote(String text, String targetMembers) {
		return """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting",
				 "body": {"type": "TextualBody", "value": %s, "format": "text/markdown"},
				 "target": {"source": %s, "selector": {"type": "FragmentSelector", "value": "p-AarAar",
				   "refinedBy": {"type": "TextQuoteSelector", "exact": "lost its legitimacy"}}%s}}
				""".formatted(quote(text), quote(api.articleUrl()), targetMembers);
	}

	static String styleClass(JsonNode annotation) {
		JsonNode target = annotation.get("target");
		return target.has("styleClass") ? target.get("styleClass").stringValue() : null;
	}

	Map<String, String> errors(HttpResponse<String> response) {
		Map<String, String> found = new HashMap<>();
		JsonNode sent = json(response).get("errors");
		sent.propertyNames().forEach(field -> found.put(field, sent.get(field).stringValue()));
		return found;
	}

	int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	@Test
	void aStyleClassIsServedOnTheTargetWithTheStylesheetThatDefinesIt() {
		ApiClient.Created created = api.create(null, passageNote("Green", ", \"styleClass\": \"marginalia-green\""));
		String stylesheet = api.base() + "/css/highlights.css";

		for (JsonNode annotation : List.of(created.json(), json(api.get(created.path())),
				json(api.get(api.container())).get("first").get("items").get(0))) {
			assertThat(styleClass(annotation)).isEqualTo("marginalia-green");
			assertThat(annotation.get("stylesheet").get("id").stringValue()).isEqualTo(stylesheet);
			assertThat(annotation.get("stylesheet").get("type").stringValue()).isEqualTo("CssStylesheet");
		}
		JsonNode container = json(api.get(api.container()));
		assertThat(container.get("stylesheet").get("id").stringValue()).isEqualTo(stylesheet);

		HttpResponse<String> css = api.get(stylesheet);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(css.body()).contains(".marginalia-yellow", ".marginalia-green", ".marginalia-blue", ".marginalia-pink",
				".marginalia-purple");

		Element mark = Jsoup.parse(api.get(ARTICLE).body()).selectFirst("mark.passage");
		assertThat(mark.classNames()).contains("marginalia-green");
		assertThat(mark.attr("title")).isEqualTo("1 note on this passage, highlighted green");
	}

	@Test
	void withoutAStyleClassThePassageHasTheDefaultHighlightAndNoneIsServed() {
		ApiClient.Created created = api.create(null, passageNote("Plain", ""));
		assertThat(styleClass(created.json())).isNull();
		assertThat(created.json().has("stylesheet")).isFalse();
		ApiClient.Created paragraph = api.note(created.secret(), "On the whole paragraph");
		assertThat(styleClass(paragraph.json())).isNull();

		Element mark = Jsoup.parse(api.get(ARTICLE).body()).selectFirst("mark.passage");
		assertThat(mark.classNames()).as("the default, yellow").contains("marginalia-yellow");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE colour IS NOT NULL").query(Integer.class).single()).isZero();
	}

	@Test
	void aPutChangesTheColourAndOneWithoutAStyleClassKeepsIt() {
		ApiClient.Created created = api.create(null, passageNote("v1", ", \"styleClass\": \"marginalia-green\""));
		String bearer = "Bearer " + created.secret();

		HttpResponse<String> changed = api.send("PUT", created.path(),
				passageNote("v2", ", \"styleClass\": \"marginalia-purple\""), "Content-Type", JSON_LD,
				"Authorization", bearer, "If-Match", created.etag());
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(styleClass(json(changed))).isEqualTo("marginalia-purple");
		assertThat(Jsoup.parse(api.get(ARTICLE).body()).selectFirst("mark.passage").classNames())
			.contains("marginalia-purple").doesNotContain("marginalia-green");

		HttpResponse<String> kept = api.send("PUT", created.path(), passageNote("v3", ""), "Content-Type", JSON_LD,
				"Authorization", bearer, "If-Match", header(changed, "ETag"));
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
		assertThat(styleClass(json(api.get(created.path())))).as("a client that does not know colours keeps it")
			.isEqualTo("marginalia-purple");
	}

	@Test
	void anUnknownStyleClassOrOneOffAPassageIsRefusedAtItsPathAndNothingIsStored() {
		ApiClient.Created note = api.create(null, passageNote("Fine", ""));
		int before = stored();
		String known = "marginalia-yellow, marginalia-green, marginalia-blue, marginalia-pink, marginalia-purple";
		Map<String, Map<String, String>> refused = new HashMap<>();
		refused.put(passageNote("Red", ", \"styleClass\": \"marginalia-red\""), Map.of("target.styleClass",
				"This server does not know the styleClass “marginalia-red”: its highlight classes are " + known
						+ ", defined in " + api.base() + "/css/highlights.css."));
		refused.put(passageNote("Bare", ", \"styleClass\": \"green\""), Map.of("target.styleClass",
				"This server does not know the styleClass “green”: its highlight classes are " + known + ", defined in "
						+ api.base() + "/css/highlights.css."));
		refused.put(passageNote("Number", ", \"styleClass\": 7"), Map.of("target.styleClass",
				"The styleClass is a string: one class of the highlights' stylesheet."));
		refused.put("""
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting",
				 "bodyValue": "The whole paragraph", "target": {"source": %s, "styleClass": "marginalia-blue",
				   "selector": {"type": "FragmentSelector", "value": "p-AarAar"}}}
				""".formatted(quote(api.articleUrl())), Map.of("target.styleClass",
				"Only a note on a passage has a highlight colour."));
		refused.put("""
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "replying",
				 "bodyValue": "A reply", "target": {"id": %s, "styleClass": "marginalia-pink"}}
				""".formatted(quote(note.iri())), Map.of("target.styleClass",
				"Only a note on a passage has a highlight colour."));
		refused.forEach((annotation, errors) -> {
			HttpResponse<String> response = api.post(annotation, "Authorization", "Bearer " + note.secret());
			assertThat(response.statusCode()).as(annotation + ": " + response.body()).isEqualTo(422);
			assertProblem(response, 422);
			assertThat(errors(response)).as(annotation).isEqualTo(errors);
		});
		assertThat(stored()).isEqualTo(before);

		HttpResponse<String> put = api.send("PUT", note.path(), passageNote("Fine", ", \"styleClass\": \"red\""),
				"Content-Type", JSON_LD, "Authorization", "Bearer " + note.secret(), "If-Match", note.etag());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(422);
		assertThat(errors(put)).containsOnlyKeys("target.styleClass");
		assertThat(styleClass(json(api.get(note.path())))).isNull();
	}

	@Test
	void everyExportCarriesTheColourAndAnImportBringsItBack() throws IOException {
		ApiClient.Created green = api.create(null, passageNote("Green note", ", \"styleClass\": \"marginalia-green\""));
		String ada = green.secret();
		api.create(ada, passageNote("Default note", ""));
		api.create(ada, api.note("Paragraph note"));

		String markdown = api.get(ARTICLE + "/notes.md").body();
		assertThat(markdown).contains("Green note\n    \n    *Highlight: green*", "Default note\n    \n    *Highlight: yellow*")
			.doesNotContain("Paragraph note\n    \n    *Highlight");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(api.get(ARTICLE + "/notes.csv").body())).getRecords();
		Map<String, String> colours = new HashMap<>();
		rows.forEach(row -> colours.put(row.get("body"), row.get("colour")));
		assertThat(colours).containsEntry("Green note", "green").containsEntry("Default note", "yellow")
			.containsEntry("Paragraph note", "");

		JsonNode exported = json(api.get(ARTICLE + "/notes.jsonld", "Authorization", "Bearer " + ada));
		Map<String, String> before = new HashMap<>();
		exported.get("first").get("items").forEach(item -> before.put(item.get("body").get("value").stringValue(),
				String.valueOf(styleClass(item))));
		assertThat(before).containsEntry("Green note", "marginalia-green").containsEntry("Default note", "null");
		TestNotes.deleteAll(jdbc);

		HttpResponse<String> imported = api.send("POST", api.container() + "import", exported.toString(),
				api.asModerator("Content-Type", JSON_LD, "Authorization", "Bearer " + ada));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		Map<String, String> after = new HashMap<>();
		json(api.get(ARTICLE + "/notes.jsonld")).get("first").get("items")
			.forEach(item -> after.put(item.get("body").get("value").stringValue(), String.valueOf(styleClass(item))));
		assertThat(after).isEqualTo(before);
	}

	@Test
	void anImportWithAnUnknownStyleClassIsRefusedWhole() {
		String file = """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
				 "first": {"type": "AnnotationPage", "items": [%s, %s]}}
				""".formatted(passageNote("Fine", ", \"styleClass\": \"marginalia-blue\""),
				passageNote("Broken", ", \"styleClass\": \"marginalia-red\""));
		HttpResponse<String> response = api.send("POST", api.container() + "import", file,
				api.asModerator("Content-Type", JSON_LD));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.body()).contains("target.styleClass", "marginalia-red");
		assertThat(stored()).isZero();
	}

}
