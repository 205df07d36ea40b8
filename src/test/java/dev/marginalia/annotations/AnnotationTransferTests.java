package dev.marginalia.annotations;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.marginalia.annotations.AnnotationProtocolTests.assertProblem;
import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.SECRET_HEADER;
import static dev.marginalia.annotations.ApiClient.json;
import static dev.marginalia.annotations.ApiClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON-LD export of an article's notes and the import of such a file: round trips, privacy, orphans, and
 * imports refused as a whole. Each test writes its own article in this class's content folder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnotationTransferTests {

	static final Path FOLDER = TestArticles.newFolder();

	static final String FIRST = "Grinning 😀 at first, the word echo comes, then echo again, and echo once more.";

	static final String SECOND = "A second paragraph stays where it is while the others change around it.";

	static final String THIRD = "A third paragraph, soon to be deleted, holds an orphan of this test.";

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("marginalia.content.dir", FOLDER::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleLibrary library;

	@Autowired
	JdbcClient jdbc;

	ApiClient article(String slug) {
		TestArticles.write(FOLDER, slug, FIRST, SECOND, THIRD);
		return new ApiClient(port, slug);
	}

	Block block(String slug, int index) {
		return TestArticles.blocks(library, slug).get(index);
	}

	static String slug(ApiClient api) {
		return api.articleUrl().replaceAll(".*/", "");
	}

	HttpResponse<String> export(ApiClient api, String secret) {
		String path = "/articles/" + slug(api) + "/notes.jsonld";
		return secret == null ? api.get(path) : api.get(path, "Authorization", "Bearer " + secret);
	}

	static HttpResponse<String> importFile(ApiClient api, String file, String secret) {
		String path = api.container() + "import";
		return secret == null ? api.send("POST", path, file, api.asModerator("Content-Type", JSON_LD))
				: api.send("POST", path, file, api.asModerator("Content-Type", JSON_LD, "Authorization", "Bearer " + secret));
	}

	static String passageNote(ApiClient api, String paragraph, String exact, String text, String extra) {
		return api.note(paragraph, text, extra).replace(PassageSelectorTests.CONFORMS, PassageSelectorTests.CONFORMS
			.replace("}", ", \"refinedBy\": {\"type\": \"TextQuoteSelector\", \"exact\": " + quote(exact) + "}}"));
	}

	static List<JsonNode> list(JsonNode collection) {
		List<JsonNode> items = new ArrayList<>();
		if (collection.has("first")) {
			collection.get("first").get("items").forEach(items::add);
		}
		return items;
	}

	static String name(String name) {
		return ", \"creator\": {\"type\": \"Person\", \"name\": " + quote(name) + "}";
	}

	int count(String slug) {
		return jdbc.sql("SELECT COUNT(*) FROM notes WHERE article_slug = :slug").param("slug", slug)
			.query(Integer.class).single();
	}

	void deleteNotes(String slug) {
		jdbc.sql("DELETE FROM notes WHERE article_slug = :slug AND parent_id IS NOT NULL").param("slug", slug).update();
		jdbc.sql("DELETE FROM notes WHERE article_slug = :slug").param("slug", slug).update();
	}

	/**
	 * Ada's notes and Bob's on three paragraphs: a note, a passage note, a private note, a reply and a reply to it,
	 * a deleted note kept for its reply, a passage note whose paragraph is then deleted (an orphan), and Bob's
	 * private note, which Ada never sees.
	 * @return Ada's secret and Bob's
	 */
	String[] writeNotes(ApiClient api) {
		String slug = slug(api);
		ApiClient.Created whole = api.create(null, api.note(block(slug, 0).id(), "A note on the whole paragraph",
				name("Ada")));
		String ada = whole.secret();
		ApiClient.Created bobs = api.create(null, api.reply(whole.iri(), "Bob answers", name("Bob")));
		String bob = bobs.secret();
		api.create(ada, api.reply(bobs.iri(), "Ada answers Bob", name("Ada")));
		api.create(ada, passageNote(api, block(slug, 0).id(), "echo again", "On the echo", name("Ada")));
		api.create(ada, api.note(block(slug, 1).id(), "A private thought", name("Ada")
				+ ", \"marginalia:visibility\": \"private\""));
		ApiClient.Created secret = api.create(ada, api.note(block(slug, 1).id(), "A second private thought",
				", \"marginalia:visibility\": \"private\""));
		api.create(ada, api.reply(secret.iri(), "A private answer", ""));
		ApiClient.Created doomed = api.create(ada, api.note(block(slug, 1).id(), "Soon deleted", name("Ada")));
		api.create(bob, api.reply(doomed.iri(), "Keeps the deleted note's place", name("Bob")));
		assertThat(api.send("DELETE", doomed.path(), new byte[0], "Authorization", "Bearer " + ada).statusCode())
			.isEqualTo(204);
		api.create(ada, passageNote(api, block(slug, 2).id(), "soon to be deleted", "Will be an orphan", name("Ada")));
		api.create(bob, api.note(block(slug, 1).id(), "Bob's secret", ", \"marginalia:visibility\": \"private\""));
		TestArticles.write(FOLDER, slug, FIRST, SECOND);
		return new String[] { ada, bob };
	}

	@Test
	void theExportIsOneCollectionWithEveryAnnotationEmbedded() {
		ApiClient api = article("export-all");
		String secret = api.create(null, api.note(block("export-all", 0).id(), "Note 0", "")).secret();
		for (int i = 1; i < 25; i++) {
			api.create(secret, api.note(block("export-all", i % 3).id(), "Note " + i, ""));
		}

		HttpResponse<String> response = export(api, null);

		assertThat(response.statusCode()).isEqualTo(200);
		MediaType type = MediaType.parseMediaType(header(response, "Content-Type"));
		assertThat(type.equalsTypeAndSubtype(MediaType.parseMediaType("application/ld+json"))).isTrue();
		assertThat(type.getParameter("profile")).isEqualTo("\"http://www.w3.org/ns/anno.jsonld\"");
		assertThat(header(response, "Content-Disposition"))
			.isEqualTo("attachment; filename=\"export-all-notes.jsonld\"");
		JsonNode collection = json(response);
		assertThat(collection.get("@context").get(0).stringValue()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
		assertThat(collection.get("id").stringValue()).isEqualTo(api.articleUrl() + "/notes.jsonld");
		assertThat(collection.get("type").stringValue()).isEqualTo("AnnotationCollection");
		assertThat(collection.get("total").intValue()).isEqualTo(25);
		JsonNode page = collection.get("first");
		assertThat(page.get("type").stringValue()).isEqualTo("AnnotationPage");
		assertThat(page.has("next")).isFalse();
		assertThat(page.get("items")).hasSize(25);
		assertThat(collection.get("last").stringValue()).isEqualTo(page.get("id").stringValue());
		page.get("items").forEach(item -> {
			assertThat(item.has("@context")).isFalse();
			assertThat(item.get("id").stringValue()).startsWith(api.containerIri());
		});
		assertThat(page.get("items").get(0).get("target").get("selector").get("value").stringValue())
			.as("threads in the order of their paragraphs")
			.isEqualTo(block("export-all", 0).id());

		HttpResponse<String> unknown = api.get("/articles/no-such-article/notes.jsonld");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertProblem(unknown, 404);
	}

	@Test
	void privateNotesOfOthersNeverAppearInAnExport() {
		ApiClient api = article("export-private");
		String[] secrets = writeNotes(api);

		String adas = export(api, secrets[0]).body();
		assertThat(adas).contains("A private thought", "A private answer").doesNotContain("Bob's secret");
		String bobs = export(api, secrets[1]).body();
		assertThat(bobs).contains("Bob's secret").doesNotContain("A private thought", "A private answer");
		String anyone = export(api, null).body();
		assertThat(anyone).contains("Bob answers", "On the echo")
			.doesNotContain("Bob's secret", "A private thought", "private answer", "\"private\"");
	}

	@Test
	void orphanedAndDeletedNotesAreExportedWithTheirFlags() {
		ApiClient api = article("export-flags");
		String ada = writeNotes(api)[0];

		List<JsonNode> items = list(json(export(api, ada)));

		JsonNode orphan = items.stream().filter(item -> item.has("body")
				&& item.get("body").get("value").stringValue().equals("Will be an orphan")).findAny().orElseThrow();
		JsonNode target = orphan.get("target");
		assertThat(target.get("marginalia:orphaned").booleanValue()).isTrue();
		assertThat(target.get("selector").get(0).get("refinedBy").get("exact").stringValue())
			.isEqualTo("soon to be deleted");
		assertThat(target.get("marginalia:writtenOn").get("marginalia:paragraphText").stringValue()).isEqualTo(THIRD);
		assertThat(items.get(items.size() - 1)).as("orphans come last").isEqualTo(orphan);
		assertThat(items.stream().filter(item -> item.has("target") && item.get("target").isObject()
				&& item.get("target").has("marginalia:orphaned"))).hasSize(1);

		JsonNode deleted = items.stream().filter(item -> item.has("marginalia:deleted")).findAny().orElseThrow();
		assertThat(deleted.has("body")).isFalse();
		assertThat(deleted.has("creator")).isFalse();
		assertThat(items.stream().filter(item -> item.get("target").isString()
				&& item.get("target").stringValue().equals(deleted.get("id").stringValue()))).hasSize(1);
	}

	@Test
	void anExportImportedIntoAFreshArticleGivesTheSameNotes() {
		ApiClient api = article("round-trip");
		String ada = writeNotes(api)[0];
		JsonNode original = json(export(api, ada));
		deleteNotes("round-trip");

		HttpResponse<String> imported = importFile(api, original.toString(), ada);

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(header(imported, "Content-Type")).startsWith("application/json");
		assertThat(imported.headers().firstValue(SECRET_HEADER)).as("Ada keeps her secret").isEmpty();
		JsonNode report = json(imported);
		assertThat(report.get("notes").intValue()).isEqualTo(6);
		assertThat(report.get("replies").intValue()).isEqualTo(4);
		assertThat(report.get("imported").intValue()).isEqualTo(10);
		Map<String, String> ids = new HashMap<>();
		report.get("ids").propertyNames().forEach(from -> ids.put(from, report.get("ids").get(from).stringValue()));
		assertThat(ids).hasSize(10);
		report.get("items").forEach(item -> {
			assertThat(item.get("id").stringValue()).startsWith(api.containerIri());
			assertThat(ids.get(item.get("from").stringValue())).isEqualTo(item.get("id").stringValue());
		});
		assertThat(report.get("items").findValues("marginalia:orphaned")).hasSize(1);
		assertThat(report.get("items").findValues("marginalia:deleted")).hasSize(1);

		JsonNode again = json(export(api, ada));
		assertThat(again.get("total").intValue()).isEqualTo(original.get("total").intValue());
		Map<String, JsonNode> now = new HashMap<>();
		list(again).forEach(item -> now.put(item.get("id").stringValue(), item));
		for (JsonNode before : list(original)) {
			JsonNode after = now.get(ids.get(before.get("id").stringValue()));
			assertThat(after).as("the import of " + before.get("id")).isNotNull();
			assertThat(comparable(after, Map.of())).isEqualTo(comparable(before, ids));
		}
		assertThat(export(api, null).body()).as("private notes stay private").doesNotContain("A private thought");
	}

	@Test
	void anExportImportedIntoTheSameArticleAddsTheSameNotes() {
		ApiClient api = article("same-article");
		String ada = writeNotes(api)[0];
		JsonNode original = json(export(api, ada));

		HttpResponse<String> imported = importFile(api, original.toString(), ada);

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		List<JsonNode> items = list(json(export(api, ada)));
		assertThat(items).hasSize(2 * original.get("total").intValue());
		Map<String, JsonNode> byId = new HashMap<>();
		items.forEach(item -> byId.put(item.get("id").stringValue(), item));
		List<JsonNode> expected = new ArrayList<>();
		for (JsonNode before : list(original)) {
			expected.add(threaded(before, byId));
			expected.add(threaded(before, byId));
		}
		assertThat(items.stream().map(item -> threaded(item, byId)).toList()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void aFileWithOneBadAnnotationStoresNothingAndNamesIt() {
		ApiClient api = article("one-bad");
		String ada = writeNotes(api)[0];
		ObjectNode file = (ObjectNode) json(export(api, ada)).deepCopy();
		int before = count("one-bad");
		ObjectNode third = (ObjectNode) file.get("first").get("items").get(3);
		((ObjectNode) third.get("body")).put("value", " ");

		HttpResponse<String> response = importFile(api, file.toString(), ada);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertProblem(response, 422);
		JsonNode problem = json(response);
		assertThat(problem.get("type").stringValue()).endsWith("/api/problems.html#invalid-import");
		assertThat(problem.get("detail").stringValue()).contains("1 of the 10");
		assertThat(problem.get("errors").propertyNames()).containsExactly("first.items[3].body.value");
		assertThat(problem.get("items")).hasSize(1);
		JsonNode item = problem.get("items").get(0);
		assertThat(item.get("index").intValue()).isEqualTo(3);
		assertThat(item.get("path").stringValue()).isEqualTo("first.items[3]");
		assertThat(item.get("id").stringValue()).isEqualTo(third.get("id").stringValue());
		assertThat(item.get("errors").has("body.value")).isTrue();
		assertThat(count("one-bad")).isEqualTo(before);
	}

	@Test
	void everyProblemOfAFileIsReportedAndNothingIsStored() {
		ApiClient api = article("many-bad");
		String slug = "many-bad";
		String paragraph = block(slug, 0).id();
		String file = "[" + String.join(",\n",
				api.note(paragraph, "Fine", ", \"id\": \"urn:a\""),
				passageNote(api, paragraph, "not in the paragraph", "Bad passage", ""),
				api.note("p-Nowhere", "No such paragraph", ""),
				api.reply("urn:missing", "To nothing", ""),
				api.note(paragraph, "Same id", ", \"id\": \"urn:a\""),
				api.note(paragraph, "From the future", ", \"created\": \"2999-01-01T00:00:00Z\""),
				api.note(paragraph, "Without a zone", ", \"created\": \"2020-01-01T00:00:00\""),
				api.note(paragraph, "Private", ", \"id\": \"urn:private\", \"marginalia:visibility\": \"private\""),
				api.reply("urn:private", "A public answer", ", \"marginalia:visibility\": \"public\""),
				api.reply("urn:loop-b", "Loop A", ", \"id\": \"urn:loop-a\""),
				api.reply("urn:loop-a", "Loop B", ", \"id\": \"urn:loop-b\""),
				api.note(paragraph, "n".repeat(10), name("N".repeat(81))),
				api.note(paragraph, "Deleted without replies", ", \"marginalia:deleted\": true"),
				"\"not an annotation\"") + "]";
		int before = count(slug);

		HttpResponse<String> response = importFile(api, file, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.headers().firstValue(SECRET_HEADER)).as("no author for a refused import").isEmpty();
		JsonNode errors = json(response).get("errors");
		assertThat(errors.propertyNames()).contains("[1].target.selector.refinedBy.exact",
				"[2].target.selector.value", "[3].target", "[4].id", "[5].created", "[6].created",
				"[8].marginalia:visibility", "[9].target", "[11].creator.name", "[12].marginalia:deleted", "[13]");
		assertThat(errors.propertyNames()).noneMatch(path -> path.startsWith("[0]") || path.startsWith("[7]"));
		assertThat(json(response).get("items").findValues("index").stream().map(JsonNode::intValue).toList())
			.containsExactly(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13);
		assertThat(count(slug)).isEqualTo(before);
	}

	@Test
	void repliesMayComeBeforeTheirNotesAndAnswerNotesAlreadyThere() {
		ApiClient api = article("page-format");
		String paragraph = block("page-format", 1).id();
		ApiClient.Created there = api.create(null, api.note(paragraph, "Already there", ""));
		String page = """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [%s, %s, %s]}"""
			.formatted(api.reply("urn:later", "The reply comes first", ""),
					api.note(paragraph, "The note comes second", ", \"id\": \"urn:later\", \"created\": "
							+ "\"2020-05-01T10:00:00+02:00\""),
					api.reply(there.iri(), "To a note already there", ""));

		HttpResponse<String> response = api.send("POST", api.container() + "import", page, api.asModerator("Content-Type",
				"application/json", "Authorization", "Bearer " + there.secret()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode items = json(response).get("items");
		String note = items.get(1).get("id").stringValue();
		JsonNode reply = json(api.get(URI.create(items.get(0).get("id").stringValue()).getPath()));
		assertThat(reply.get("target").stringValue()).isEqualTo(note);
		assertThat(json(api.get(URI.create(note).getPath())).get("created").stringValue())
			.isEqualTo("2020-05-01T08:00:00Z");
		assertThat(Instant.parse(reply.get("created").stringValue())).isAfter(Instant.now().minusSeconds(60));
		assertThat(json(api.get(URI.create(items.get(2).get("id").stringValue()).getPath())).get("target")
			.stringValue()).isEqualTo(there.iri());
	}

	@Test
	void anImportWithoutCredentialsGetsANewAuthor() {
		ApiClient api = article("new-author");
		String file = "[" + api.note(block("new-author", 0).id(), "Mine now", ", \"marginalia:visibility\": "
				+ "\"private\"" + name("Someone in the file")) + "]";

		HttpResponse<String> response = importFile(api, file, null);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		String secret = header(response, SECRET_HEADER);
		String path = URI.create(json(response).get("items").get(0).get("id").stringValue()).getPath();
		assertThat(api.get(path).statusCode()).isEqualTo(404);
		HttpResponse<String> own = api.get(path, "Authorization", "Bearer " + secret);
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(json(own).get("creator").get("name").stringValue()).isEqualTo("Someone in the file");
		assertThat(api.send("DELETE", path, new byte[0], "Authorization", "Bearer " + secret).statusCode())
			.isEqualTo(204);
	}

	@Test
	void anImportMayBeLargerThan64KilobytesButNotThanFiveMegabytes() {
		ApiClient api = article("large");
		String paragraph = block("large", 0).id();
		List<String> notes = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			notes.add(api.note(paragraph, i + " " + "x".repeat(600), ""));
		}
		String file = "[" + String.join(",", notes) + "]";
		assertThat(file.length()).isGreaterThan(64 * 1024);
		HttpResponse<String> large = importFile(api, file, null);
		assertThat(large.statusCode()).as(large.body()).isEqualTo(200);
		assertThat(json(large).get("notes").intValue()).isEqualTo(150);

		String huge = "[" + api.note(paragraph, "y".repeat(5 * 1024 * 1024), "") + "]";
		HttpResponse<String> tooLarge = importFile(api, huge, null);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertProblem(tooLarge, 413);

		HttpResponse<String> elsewhere = api.send("POST", api.container(), "[" + String.join(",", notes) + "]",
				"Content-Type", JSON_LD);
		assertThat(elsewhere.statusCode()).as("only the import takes more than 64 KB").isEqualTo(413);
	}

	@Test
	void anImportOfMoreThan2000AnnotationsIsRefusedSayingTheCapAndHowManyItHolds() {
		ApiClient api = article("too-many");
		String array = "[" + String.join(",", java.util.Collections.nCopies(2_345, "{}")) + "]";
		String pages = "{\"type\": \"AnnotationCollection\", \"first\": {\"items\": ["
				+ String.join(",", java.util.Collections.nCopies(1_500, "{}")) + "], \"next\": {\"items\": ["
				+ String.join(",", java.util.Collections.nCopies(845, "{}")) + "]}}}";
		for (String file : List.of(array, pages)) {
			HttpResponse<String> tooMany = importFile(api, file, null);

			assertThat(tooMany.statusCode()).isEqualTo(422);
			assertProblem(tooMany, 422);
			assertThat(json(tooMany).get("detail").stringValue()).isEqualTo("An import holds at most 2,000 annotations; "
					+ "this one has 2,345. Split it into several requests. Nothing was imported.");
			assertThat(json(tooMany).get("errors").get("$").stringValue()).startsWith("An import holds at most 2,000");
		}
		String atTheCap = "[" + String.join(",", java.util.Collections.nCopies(2_000, "{}")) + "]";
		HttpResponse<String> checkedOneByOne = importFile(api, atTheCap, null);
		assertThat(checkedOneByOne.statusCode()).isEqualTo(422);
		assertThat(json(checkedOneByOne).get("detail").stringValue()).as("2,000 are taken: each is checked")
			.doesNotContain("at most 2,000");
	}

	@Test
	void whatIsNotAnImportIsRefused() {
		ApiClient api = article("not-an-import");
		String note = api.note(block("not-an-import", 0).id(), "One", "");
		assertThat(importFile(api, "[" + note, null).statusCode()).isEqualTo(400);
		assertThat(api.send("POST", api.container() + "import", "[]", api.asModerator("Content-Type", "text/plain"))
			.statusCode()).isEqualTo(415);
		assertThat(api.send("POST", "/api/articles/no-such-article/annotations/import", "[]",
				api.asModerator("Content-Type", JSON_LD)).statusCode()).isEqualTo(404);
		assertThat(api.send("POST", api.container() + "import", "[]", "Content-Type", JSON_LD).statusCode())
			.as("not the moderator").isEqualTo(403);
		for (String[] bad : new String[][] { { note, "type" }, { "42", "$" },
				{ "{\"type\": \"AnnotationCollection\", \"total\": 3, \"first\": \"https://example.org/page1\"}",
						"first" },
				{ "{\"type\": \"AnnotationCollection\", \"total\": 2, \"first\": {\"items\": [" + note + "]}}", "total" },
				{ "{\"type\": \"AnnotationPage\", \"next\": \"https://example.org/page2\", \"items\": []}", "next" },
				{ "{\"@context\": \"https://schema.org/\", \"type\": \"AnnotationPage\", \"items\": []}", "@context" } }) {
			HttpResponse<String> response = importFile(api, bad[0], null);
			assertThat(response.statusCode()).as(bad[0]).isEqualTo(422);
			assertProblem(response, 422);
			assertThat(json(response).get("errors").has(bad[1])).as(response.body()).isTrue();
		}
		HttpResponse<String> empty = importFile(api, "[]", null);
		assertThat(empty.statusCode()).isEqualTo(200);
		assertThat(json(empty).get("imported").intValue()).isZero();
	}

	/** An annotation without what an import cannot keep (its id, when it was edited), its reply target mapped. */
	static JsonNode comparable(JsonNode annotation, Map<String, String> ids) {
		ObjectNode copy = (ObjectNode) annotation.deepCopy();
		copy.remove("id");
		copy.remove("modified");
		JsonNode target = copy.get("target");
		if (target.isString() && ids.containsKey(target.stringValue())) {
			copy.put("target", ids.get(target.stringValue()));
		}
		return copy;
	}

	/** An annotation without its id and edit time, a reply's target replaced by the target's body. */
	static JsonNode threaded(JsonNode annotation, Map<String, JsonNode> byId) {
		ObjectNode copy = (ObjectNode) comparable(annotation, Map.of());
		JsonNode target = copy.get("target");
		if (target.isString()) {
			JsonNode parent = byId.get(target.stringValue());
			copy.put("target", parent.has("body") ? parent.get("body").get("value").stringValue() : "(deleted)");
		}
		return copy;
	}

}
