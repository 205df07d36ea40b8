package dev.marginalia.annotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.marginalia.annotations.W3cAnnotationModel.Kind;
import dev.marginalia.content.ArticleLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.json;
import static dev.marginalia.annotations.ApiClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API serves satisfies the W3C Web Annotation Data Model as its Working Group's test suite checks it:
 * every MUST assertion (JSON Schema) of the suite's annotation, collection and page tests, and two of its checks of
 * optional features that every note here has ({@link Kind#SERVED_ANNOTATION}), on every annotation, container, page and export served
 * for a realistic set of notes: a note on a paragraph, passage notes, a private note read by its author, replies,
 * an edited note, a deleted note kept for its reply, an orphan, and enough notes for two pages. Controls show that
 * the suite, as loaded here, accepts the model's own examples and rejects broken annotations, served ones
 * included, so that a pass means something. The suite's files are read as {@link W3cAnnotationModel} says.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "dev.marginalia.annotations.W3cAnnotationModel#presentOrRequired",
		disabledReason = "the W3C annotation schemas are not in shared/w3c-annotation-model (see W3cAnnotationModel)")
class W3cSchemaTests {

	static final Path FOLDER = TestArticles.newFolder();

	static final String SLUG = "w3c-schema";

	static final String FIRST = "Grinning 😀 at first, the word echo comes, then echo again, and echo once more.";

	static final String SECOND = "A second paragraph stays where it is while the others change around it.";

	static final String THIRD = "A third paragraph, soon to be deleted, holds an orphan of this test.";

	static final String MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";

	static final String IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";

	static final String DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("marginalia.content.dir", FOLDER::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleLibrary library;

	W3cAnnotationModel model;

	ApiClient api;

	/** The author of every note here but one. */
	String ada;

	/** A note on a passage: its paragraph's FragmentSelector refined by a TextQuoteSelector. */
	String passageNote;

	/** Every annotation written, by its IRI: what its author reads of it must be valid too. */
	final Set<String> written = new LinkedHashSet<>();

	/** Where each object was read (the label of a failure) and what it failed: filled by {@link #check}. */
	final Map<String, List<String>> violations = new LinkedHashMap<>();

	@BeforeAll
	void writeNotes() {
		model = W3cAnnotationModel.load();
		TestArticles.write(FOLDER, SLUG, FIRST, SECOND, THIRD);
		api = new ApiClient(port, SLUG);
		String first = block(0);
		String second = block(1);
		String third = block(2);

		ApiClient.Created paragraph = api.create(null, api.note(first, "A note on the whole paragraph", name("Ada")));
		ada = paragraph.secret();
		written.add(paragraph.iri());
		passageNote = api.create(ada, passageNote(first, "{\"type\": \"TextQuoteSelector\", \"exact\": \"echo again\"}",
				"On the echo")).iri();
		written.add(passageNote);
		written.add(api.create(ada, passageNote(second, """
				[{"type": "TextQuoteSelector", "exact": "stays where it is"},
				 {"type": "TextPositionSelector", "start": 19, "end": 36}]""", "Quote and position")).iri());
		written.add(api.create(ada, api.note(second, "A private thought", name("Ada")
				+ ", \"marginalia:visibility\": \"private\"")).iri());
		ApiClient.Created bobs = api.create(null, api.reply(paragraph.iri(), "Bob answers", name("Bob")));
		written.add(bobs.iri());
		written.add(api.create(ada, api.reply(bobs.iri(), "Ada answers Bob", "")).iri());

		ApiClient.Created edited = api.create(ada, api.note(second, "First draft", name("Ada")));
		HttpResponse<String> put = api.send("PUT", edited.path(), api.note(second, "Second draft", name("Ada")),
				"Content-Type", JSON_LD, "Authorization", "Bearer " + ada, "If-Match", edited.etag());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		written.add(edited.iri());

		ApiClient.Created doomed = api.create(ada, api.note(second, "Soon deleted", ""));
		written.add(api.create(null, api.reply(doomed.iri(), "Keeps the deleted note's place", "")).iri());
		assertThat(api.send("DELETE", doomed.path(), new byte[0], "Authorization", "Bearer " + ada).statusCode())
			.isEqualTo(204);

		written.add(api.create(ada, passageNote(third, "{\"type\": \"TextQuoteSelector\", \"exact\": \"soon to be deleted\"}",
				"Will be an orphan")).iri());
		for (int i = 1; i <= 16; i++) {
			written.add(api.create(ada, api.note(i % 2 == 0 ? first : second, "Note " + i, "")).iri());
		}
		TestArticles.write(FOLDER, SLUG, FIRST, SECOND);
	}

	@BeforeEach
	void noViolationsYet() {
		violations.clear();
	}

	/**
	 * The suite's own correct samples, but for three: Composite, List and Independents, taken out of the model
	 * before its Recommendation for want of implementations (w3c/web-annotation issue 369, third Candidate
	 * Recommendation); the suite's definitions were aligned with that, these samples were not.
	 */
	@Test
	void theSuiteAsLoadedAcceptsTheModelsOwnExamples() {
		Set<String> removedFromTheModel = Set.of("anno11.json", "anno12.json", "anno13.json");
		Path samples = model.root().resolve("tools/samples/correct");
		List<Path> annotations;
		try (Stream<Path> files = Files.list(samples)) {
			annotations = files.filter(file -> file.getFileName().toString().startsWith("anno"))
				.filter(file -> !removedFromTheModel.contains(file.getFileName().toString()))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(annotations).as("the suite's correct sample annotations in " + samples).hasSizeGreaterThan(35);
		for (Path file : annotations) {
			check(Kind.ANNOTATION, "sample " + file.getFileName(), read(file));
		}
		JsonNode collection = read(samples.resolve("collection1.json"));
		check(Kind.COLLECTION, "sample collection1.json", collection);
		check(Kind.PAGE, "sample collection1.json (its first page)", collection);
		assertNoViolations();
	}

	@Test
	void theSuiteAsLoadedRejectsBrokenAnnotations() {
		ObjectNode valid = (ObjectNode) JSON.readTree("""
				{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/anno1",
				 "type": "Annotation", "motivation": "commenting", "created": "2017-02-23T12:00:00Z",
				 "creator": {"type": "Person", "name": "Ada"},
				 "body": {"type": "TextualBody", "value": "A note", "format": "text/plain"},
				 "target": {"source": "http://example.org/article",
				   "selector": {"type": "TextQuoteSelector", "exact": "a quote"}}}""");
		assertThat(violations(valid)).isEmpty();

		Map<String, ObjectNode> broken = new LinkedHashMap<>();
		broken.put("3.1-targetKeyFound", valid.deepCopy());
		broken.get("3.1-targetKeyFound").remove("target");
		broken.put("3.2-targetObjectsRecognized", valid.deepCopy().put("target", 42));
		broken.put("3.1-annotationContextValidated", valid.deepCopy().put("@context", "http://example.org/context.json"));
		broken.put("3.1-annotationTypeValidated", valid.deepCopy().put("type", "Note"));
		broken.put("3.1-annotationIdValidated", valid.deepCopy().put("id", 42));
		broken.put("3.2.5-notBodyBodyValue", valid.deepCopy().put("bodyValue", "A second body"));
		broken.put("3.2-bodyObjectsRecognized", valid.deepCopy().put("body", 42));
		broken.put("3.3.1-annotationCreatedValidated", valid.deepCopy().put("created", "yesterday"));
		broken.put("3.3.5-annotationMotivationImplemented", valid.deepCopy().put("motivation", 42));
		ObjectNode noExact = valid.deepCopy();
		((ObjectNode) noExact.get("target").get("selector")).remove("exact");
		broken.put("4.2.4-textQuoteSelectorValid", noExact);
		broken.forEach((assertion, annotation) -> assertThat(violations(annotation))
			.as("an annotation that breaks %s: %s", assertion, annotation)
			.anyMatch(violation -> violation.startsWith("annotations/") && violation.contains(assertion + ".json")));

		JsonNode page = JSON.readTree("""
				{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/page1",
				 "type": "AnnotationPage", "items": [42]}""");
		assertThat(model.violations(Kind.PAGE, page)).anyMatch(violation -> violation.contains("5.2-pageItemsValidated"));
		JsonNode collection = JSON.readTree("""
				{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "http://example.org/c",
				 "type": "AnnotationCollection", "total": -1}""");
		assertThat(model.violations(Kind.COLLECTION, collection))
			.anyMatch(violation -> violation.contains("5.1-collectionTotalValidated"));
	}

	@Test
	void theContainerItsPagesAndItsAnnotationsAreValidForEveryReader() {
		Map<String, String[]> readers = new LinkedHashMap<>();
		readers.put("anonymous", new String[0]);
		readers.put("the author", new String[] { "Authorization", "Bearer " + ada });
		readers.forEach((reader, credentials) -> {
			walk(reader + ", no Prefer", credentials);
			walk(reader + ", Prefer descriptions", ApiClient.with(credentials, "Prefer",
					"return=representation;include=\"" + DESCRIPTIONS + "\""));
		});
		assertNoViolations();
	}

	@Test
	void theContainerIsValidWithTheOtherPreferences() {
		String[] bearer = { "Authorization", "Bearer " + ada };
		JsonNode iris = walk("Prefer IRIs", ApiClient.with(bearer, "Prefer", "return=representation;include=\"" + IRIS + "\""));
		assertThat(iris.get("first").get("items").get(0).isString()).as("items as IRIs").isTrue();

		HttpResponse<String> minimal = api.get(api.container(), ApiClient.with(bearer, "Prefer",
				"return=representation;include=\"" + MINIMAL + "\""));
		assertThat(minimal.statusCode()).isEqualTo(200);
		JsonNode container = json(minimal);
		check(Kind.COLLECTION, "Prefer minimal container", container);
		if (container.path("first").isObject()) {
			check(Kind.PAGE, "Prefer minimal container (its first page)", container);
		}
		assertNoViolations();
	}

	@Test
	void everyAnnotationReadAloneIsValid() {
		int read = 0;
		for (String iri : written) {
			HttpResponse<String> response = api.get(iri, "Authorization", "Bearer " + ada);
			assertThat(response.statusCode()).as(iri).isEqualTo(200);
			assertThat(header(response, "Content-Type")).startsWith("application/ld+json");
			checkAnnotation("GET " + iri, json(response));
			read++;
		}
		assertThat(read).as("annotations read one by one").isEqualTo(written.size());
		assertNoViolations();
	}

	/** The checks reach into what is served: a passage note broken where it is deepest is rejected. */
	@Test
	void aServedPassageNoteBrokenInItsRefinementIsRejected() {
		ObjectNode passage = (ObjectNode) json(api.get(passageNote, "Authorization", "Bearer " + ada));
		assertThat(violations(passage)).isEmpty();
		// the passage is served as alternatives, each the paragraph's FragmentSelector refined by one selector; the
		// suite checks the selectors of a target (not those inside refinedBy: see W3cAnnotationModel), so the
		// FragmentSelector is the one broken here
		JsonNode selectors = passage.get("target").get("selector");
		ObjectNode fragment = (ObjectNode) (selectors.isArray() ? selectors.get(0) : selectors);
		assertThat(fragment.get("type").stringValue()).isEqualTo("FragmentSelector");
		assertThat(fragment.get("refinedBy").get("type").stringValue()).isEqualTo("TextQuoteSelector");
		fragment.remove("value");
		assertThat(violations(passage)).as("a served passage note whose FragmentSelector has no value: %s", passage)
			.isNotEmpty();

		ObjectNode noTarget = (ObjectNode) json(api.get(passageNote, "Authorization", "Bearer " + ada));
		noTarget.remove("target");
		assertThat(violations(noTarget)).anyMatch(violation -> violation.contains("3.1-targetKeyFound.json"));
	}

	@Test
	void theExportIsAValidCollectionOfValidAnnotations() {
		for (String[] reader : List.of(new String[0], new String[] { "Authorization", "Bearer " + ada })) {
			HttpResponse<String> response = api.get("/articles/" + SLUG + "/notes.jsonld", reader);
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode export = json(response);
			String label = "export" + (reader.length == 0 ? "" : " for the author");
			assertThat(checkCollection(label, export)).as("annotations checked, " + label)
				.isEqualTo(export.get("total").intValue()).isGreaterThan(20);
		}
		assertNoViolations();
	}

	/**
	 * Reads the container with these headers, then every page by its next links, and checks the container, each
	 * page and each annotation embedded in them: as many as the container's total when they are embedded.
	 * @return the container
	 */
	JsonNode walk(String label, String... headers) {
		HttpResponse<String> response = api.get(api.container(), headers);
		assertThat(response.statusCode()).as(label).isEqualTo(200);
		JsonNode container = json(response);
		int items = checkCollection("container, " + label, container);
		JsonNode page = container.get("first");
		int pages = 1;
		while (page.has("next")) {
			String next = page.get("next").stringValue();
			HttpResponse<String> read = api.get(next, headers);
			assertThat(read.statusCode()).as(next).isEqualTo(200);
			page = json(read);
			check(Kind.PAGE, "page " + next + ", " + label, page);
			items += checkItems("page " + next + ", " + label, page, page.get("@context"));
			pages++;
		}
		assertThat(pages).as("pages of the container, " + label).isGreaterThanOrEqualTo(2);
		if (!label.contains("IRIs")) {
			assertThat(items).as("annotations checked, " + label).isEqualTo(container.get("total").intValue());
		}
		return container;
	}

	/**
	 * A collection with its first page embedded: the collection, the page and the page's items.
	 * @return how many annotations were embedded (and checked)
	 */
	int checkCollection(String label, JsonNode collection) {
		check(Kind.COLLECTION, label, collection);
		check(Kind.PAGE, label + " (its first page)", collection);
		JsonNode context = collection.get("@context");
		return checkItems(label, W3cAnnotationModel.inContext(collection.get("first"), context), context);
	}

	/** @return how many annotations the page embeds (and were checked) */
	int checkItems(String label, JsonNode page, JsonNode context) {
		int checked = 0;
		for (JsonNode item : page.get("items")) {
			if (item.isObject()) {
				String id = item.path("id").asString("#" + checked);
				checkAnnotation(label + ", item " + id, W3cAnnotationModel.inContext(item, context));
				checked++;
			}
		}
		return checked;
	}

	/** An annotation served here: the suite's MUSTs, and its checks of the optional features every one here has. */
	void checkAnnotation(String label, JsonNode annotation) {
		check(Kind.ANNOTATION, label, annotation);
		check(Kind.SERVED_ANNOTATION, label, annotation);
	}

	List<String> violations(JsonNode annotation) {
		List<String> found = new ArrayList<>(model.violations(Kind.ANNOTATION, annotation));
		found.addAll(model.violations(Kind.SERVED_ANNOTATION, annotation));
		return found;
	}

	void check(Kind kind, String label, JsonNode object) {
		List<String> found = model.violations(kind, object);
		if (!found.isEmpty()) {
			violations.computeIfAbsent(kind + " " + label, key -> new ArrayList<>()).addAll(found);
			violations.get(kind + " " + label).add("object: " + object);
		}
	}

	void assertNoViolations() {
		String report = violations.entrySet().stream()
			.map(entry -> entry.getKey() + "\n  " + String.join("\n  ", entry.getValue()))
			.collect(Collectors.joining("\n\n"));
		if (!report.isEmpty()) {
			System.out.println("Assertions of the W3C Web Annotation test suite failed:\n\n" + report);
		}
		assertThat(violations.keySet()).as("objects that fail assertions of the W3C suite:\n\n%s", report)
			.isEmpty();
	}

	String block(int index) {
		return TestArticles.blocks(library, SLUG).get(index).id();
	}

	String passageNote(String paragraph, String refinedBy, String text) {
		return api.note(paragraph, text, name("Ada")).replace(PassageSelectorTests.CONFORMS,
				PassageSelectorTests.CONFORMS.replace("}", ", \"refinedBy\": " + refinedBy + "}"));
	}

	static String name(String name) {
		return ", \"creator\": {\"type\": \"Person\", \"name\": " + quote(name) + "}";
	}

	static JsonNode read(Path file) {
		try {
			return JSON.readTree(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
