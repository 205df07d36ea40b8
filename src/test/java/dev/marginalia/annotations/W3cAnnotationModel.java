package dev.marginalia.annotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas (draft-04) of the W3C Web Annotation Working Group's test suite for the Web Annotation Data
 * Model, read from a local copy of that suite, never from the network.
 * <p>
 * The suite has no single schema of an annotation: a test ({@code annotations/annotationMusts.test} and its
 * like) lists assertions, each a JSON Schema in its own file that an object must satisfy, and those refer by bare
 * file name ({@code "id.json#/definitions/stringUri"}) to the libraries in {@code definitions/}. Here every
 * assertion of a test's list is loaded under a made-up base IRI on a reserved host ({@code .invalid}), and any
 * IRI under it is answered from the copy: the assertion's own path, or else {@code definitions/} and the last
 * segment of the path, as the suite's harness resolved them. Nothing else can be loaded.
 * <p>
 * The copy is the repository w3c/web-annotation-tests (web-platform-tests has another copy under
 * {@code annotation-model/}, whose definitions still have the Composite, List and Independents that were taken
 * out of the model before its Recommendation), its folders {@code definitions/}, {@code annotations/},
 * {@code collections/} and {@code tools/samples/} (the model's examples) as they are there. It is data from outside the project, so it is not committed here: it is looked for in
 * {@code shared/w3c-annotation-model/} beside the project (where the steering repository's {@code shared/}
 * lies for a developer and for CI), or where {@value #PROPERTY} (system property) or {@value #ENVIRONMENT}
 * (environment variable) says.
 */
final class W3cAnnotationModel {

	static final String PROPERTY = "marginalia.w3c.annotation-model";

	static final String ENVIRONMENT = "MARGINALIA_W3C_ANNOTATION_MODEL";

	private static final String BASE = "https://annotation-model.invalid/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The validator's messages given for each failed assertion, at most: a failed oneOf lists every branch */
	private static final int MESSAGES = 12;

	/** The suite's tests of MUSTs, for each kind of object, and a few of its SHOULDs. */
	enum Kind {

		ANNOTATION("annotations/annotationMusts.test"),

		/**
		 * Assertions of the suite's test of an annotation's optional features that check a feature is there and
		 * valid, for the features that every annotation served here has, the deleted note kept in the export for
		 * its replies included (it has no body and no creator): its creation time, and a motivation from the
		 * model's list.
		 */
		SERVED_ANNOTATION(null, "annotations/3.3.1-annotationCreatedImplemented.json",
				"annotations/3.3.5-annotationMotivationImplemented.json"),

		/** A collection: an Annotation Collection (a container, the export). */
		COLLECTION("collections/collectionMusts.test"),

		/** A page on its own, or a collection with its first page embedded. */
		PAGE("collections/pages/pageMusts.test");

		/** The suite's test that lists the assertions, or null */
		final String test;

		/** The assertions, when no test lists them */
		final List<String> files;

		Kind(String test, String... files) {
			this.test = test;
			this.files = List.of(files);
		}

	}

	/** One assertion of a test: its file, the suite's message for a failure, and its schema. */
	record Assertion(String file, String errorMessage, Schema schema) {
	}

	private final Path root;

	private final Map<Kind, List<Assertion>> assertions = new EnumMap<>(Kind.class);

	private W3cAnnotationModel(Path root) {
		this.root = root;
		for (Kind kind : Kind.values()) {
			assertions.put(kind, load(kind));
		}
	}

	/** @return the suite from its local copy; an error that says where it was looked for when it is not there */
	static W3cAnnotationModel load() {
		Path root = directory();
		if (!isPresent()) {
			throw new AssertionError("The W3C Web Annotation test suite (its JSON Schemas) is not at " + root
					+ ": copy the folders definitions/, annotations/, collections/ and tools/samples/ of the repository "
					+ "w3c/web-annotation-tests there, or name another folder with -D" + PROPERTY + "=... or "
					+ ENVIRONMENT + " (see " + W3cAnnotationModel.class.getSimpleName() + ")");
		}
		return new W3cAnnotationModel(root);
	}

	/**
	 * The condition of the schema tests: they run where the suite is, and where it is required (then they fail
	 * without it); elsewhere they are skipped, and this says why.
	 */
	static boolean presentOrRequired() {
		if (isPresent() || "true".equalsIgnoreCase(System.getenv(REQUIRED))) {
			return true;
		}
		System.err.println("SKIPPED: the W3C Web Annotation test suite (its JSON Schemas) is not at " + directory()
				+ "; set " + REQUIRED + "=true to make its absence a failure");
		return false;
	}

	private static boolean isPresent() {
		return Files.isRegularFile(directory().resolve(Kind.ANNOTATION.test));
	}

	/** Set to true where the schemas must be there (.ci/run sets it when shared/ has them). */
	static final String REQUIRED = "MARGINALIA_REQUIRE_W3C_SCHEMAS";

	static Path directory() {
		String given = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
		if (given != null && !given.isBlank()) {
			return Path.of(given).toAbsolutePath();
		}
		return Path.of("").toAbsolutePath().resolveSibling("shared").resolve("w3c-annotation-model");
	}

	Path root() {
		return root;
	}

	List<Assertion> assertions(Kind kind) {
		return assertions.get(kind);
	}

	/**
	 * @return for each assertion of the kind's test that the object fails, the assertion's file and the suite's
	 * message, then the validator's messages; empty when the object satisfies them all
	 */
	List<String> violations(Kind kind, JsonNode object) {
		List<String> violations = new ArrayList<>();
		for (Assertion assertion : assertions.get(kind)) {
			List<Error> errors = assertion.schema().validate(object);
			if (!errors.isEmpty()) {
				StringBuilder text = new StringBuilder(assertion.file()).append(": ").append(assertion.errorMessage());
				errors.stream().limit(MESSAGES).forEach(error -> text.append("\n      ").append(error));
				if (errors.size() > MESSAGES) {
					text.append("\n      (").append(errors.size() - MESSAGES).append(" more)");
				}
				violations.add(text.toString());
			}
		}
		return violations;
	}

	/**
	 * An object embedded in another (the items of a page, the first page of a collection) is read in JSON-LD with
	 * the context of the document around it, and the model's examples leave it out there: give it that context.
	 * @return the object with the given {@code @context} when it has none of its own
	 */
	static JsonNode inContext(JsonNode object, JsonNode context) {
		if (!object.isObject() || object.has("@context") || context == null) {
			return object;
		}
		ObjectNode copy = JSON.createObjectNode();
		copy.set("@context", context);
		object.properties().forEach(member -> copy.set(member.getKey(), member.getValue()));
		return copy;
	}

	private List<Assertion> load(Kind kind) {
		List<String> files = new ArrayList<>(kind.files);
		if (kind.test != null) {
			for (JsonNode entry : JSON.readTree(read(kind.test)).get("assertions")) {
				if (!entry.isString()) {
					throw new IllegalStateException(kind.test + ": only assertions in files are expected, not " + entry);
				}
				files.add(entry.stringValue());
			}
		}
		List<Assertion> loaded = new ArrayList<>();
		for (String file : files) {
			// a fresh registry for each: two assertion files of the suite declare the same id
			Schema schema = registry().getSchema(SchemaLocation.of(BASE + file));
			JsonNode node = schema.getSchemaNode();
			if (!"valid".equals(node.path("expectedResult").asString("valid"))) {
				throw new IllegalStateException(file + ": only assertions expected to be valid are handled");
			}
			loaded.add(new Assertion(file, node.path("errorMessage").asString(""), schema));
		}
		return loaded;
	}

	private SchemaRegistry registry() {
		return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4, builder -> builder
			.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
			.schemas(this::resolve));
	}

	/** @return the text of the schema at this IRI from the local copy, or null (not found) */
	private String resolve(String iri) {
		if (!iri.startsWith(BASE)) {
			return null;
		}
		String path = iri.substring(BASE.length());
		int fragment = path.indexOf('#');
		if (fragment >= 0) {
			path = path.substring(0, fragment);
		}
		if (Files.isRegularFile(root.resolve(path))) {
			return read(path);
		}
		String name = path.substring(path.lastIndexOf('/') + 1);
		if (Files.isRegularFile(root.resolve("definitions").resolve(name))) {
			return read("definitions/" + name);
		}
		return null;
	}

	private String read(String path) {
		Path file = root.resolve(path).normalize();
		if (!file.startsWith(root)) {
			throw new IllegalArgumentException(path);
		}
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
