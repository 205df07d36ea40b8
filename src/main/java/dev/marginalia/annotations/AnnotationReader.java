package dev.marginalia.annotations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.marginalia.annotations.AnnotationDraft.InReplyTo;
import dev.marginalia.annotations.AnnotationDraft.OnParagraph;
import dev.marginalia.annotations.AnnotationDraft.Target;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a Web Annotation (compacted JSON-LD with the Web Annotation context, or the same as plain JSON) into an
 * {@link AnnotationDraft}, collecting every problem with the JSON path of its field. Properties we do not know
 * are ignored, as Data Model §6 requires ("Implementations MUST ignore unfamiliar properties"); server-managed
 * ones ({@code created}, {@code modified}, {@code generator}, ...) are ignored too.
 *
 * <p>What we take: {@code body} as one TextualBody (an object, or an array of one) or {@code bodyValue};
 * {@code target} as {@code {"source": <article>, "selector": {"type": "FragmentSelector", "value": <paragraph id>}}}
 * or {@code "<article>#<paragraph id>"} for a note, or the IRI of an annotation in the same container for a reply;
 * {@code creator.name}; {@code marginalia:visibility}.
 */
@Component
class AnnotationReader {

	private static final Set<String> FORMATS = Set.of("text/markdown", "text/plain");

	private final ApiLinks links;

	AnnotationReader(ApiLinks links) {
		this.links = links;
	}

	/**
	 * @throws ApiProblem 422 with every field error; 415 when the {@code @context} is not the Web Annotation one
	 */
	AnnotationDraft read(JsonNode json, String slug) {
		if (!json.isObject()) {
			throw ApiProblem.invalid("$", "An annotation is a JSON object.");
		}
		checkContext(json.get("@context"));
		Map<String, String> errors = new LinkedHashMap<>();
		checkType(json.get("type"), errors);
		if (json.has("canonical")) {
			// Protocol §5.1: a canonical link MUST be kept without change; this server cannot store one
			errors.put("canonical", "This server does not keep canonical links; send the annotation without one.");
		}
		String id = optionalString(json, "id", "id", errors);
		String motivation = motivation(json.get("motivation"), errors);
		Target target = target(json.get("target"), slug, errors);
		String body = body(json, errors);
		String creator = creator(json.get("creator"), errors);
		String visibility = optionalString(json, Vocabulary.VISIBILITY, Vocabulary.VISIBILITY, errors);
		if (motivation != null && target != null) {
			if (target instanceof OnParagraph && !motivation.equals(AnnotationDraft.COMMENTING)) {
				errors.put("motivation", "A note on a paragraph has the motivation commenting.");
			}
			if (target instanceof InReplyTo && !motivation.equals(AnnotationDraft.REPLYING)) {
				errors.put("motivation", "A reply (a target that is an annotation) has the motivation replying.");
			}
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return new AnnotationDraft(id, motivation, target, body, creator, visibility);
	}

	/** Data Model §3.1: the Web Annotation context MUST be one of the @context values. */
	private static void checkContext(@Nullable JsonNode context) {
		if (context == null) {
			return; // plain JSON: the Web Annotation context is implied
		}
		boolean found = context.isString() && context.stringValue().equals(Vocabulary.ANNO_CONTEXT);
		if (context.isArray()) {
			for (JsonNode value : context) {
				found |= value.isString() && value.stringValue().equals(Vocabulary.ANNO_CONTEXT);
			}
		}
		if (!found) {
			throw ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The @context must include " + Vocabulary.ANNO_CONTEXT + ": this server reads Web Annotations.")
				.withHeader("Accept-Post", Vocabulary.ACCEPTED_REQUEST_TYPES);
		}
	}

	/** Data Model §3.1: an Annotation MUST have the type Annotation (we also take it left out). */
	private static void checkType(@Nullable JsonNode type, Map<String, String> errors) {
		if (type == null) {
			return;
		}
		boolean found = type.isString() && type.stringValue().equals("Annotation");
		if (type.isArray()) {
			for (JsonNode value : type) {
				found |= value.isString() && value.stringValue().equals("Annotation");
			}
		}
		if (!found) {
			errors.put("type", "The type of an annotation is Annotation.");
		}
	}

	private static @Nullable String motivation(@Nullable JsonNode motivation, Map<String, String> errors) {
		JsonNode value = single(motivation, "motivation", errors);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			errors.put("motivation", "The motivation is a string: commenting or replying.");
			return null;
		}
		String name = value.stringValue().startsWith("oa:") ? value.stringValue().substring(3) : value.stringValue();
		if (!name.equals(AnnotationDraft.COMMENTING) && !name.equals(AnnotationDraft.REPLYING)) {
			errors.put("motivation", "This server keeps notes (commenting) and replies (replying) only.");
			return null;
		}
		return name;
	}

	private @Nullable Target target(@Nullable JsonNode target, String slug, Map<String, String> errors) {
		JsonNode value = single(target, "target", errors);
		if (value == null) {
			return null;
		}
		if (value.isString()) {
			return targetIri(value.stringValue(), slug, errors);
		}
		if (!value.isObject()) {
			errors.put("target", "The target is an object with a source and a selector, or an IRI.");
			return null;
		}
		if (!value.has("source")) {
			JsonNode id = value.get("id");
			if (id != null && id.isString()) {
				return targetIri(id.stringValue(), slug, errors);
			}
			errors.put("target.source", "The target needs a source: this article's address.");
			return null;
		}
		JsonNode source = value.get("source");
		if (!source.isString() || !links.articleAliases(slug).contains(source.stringValue())) {
			errors.put("target.source", "The source must be this article: " + links.article(slug) + ".");
			return null;
		}
		JsonNode selector = single(value.get("selector"), "target.selector", errors);
		if (selector == null) {
			if (!errors.containsKey("target.selector")) {
				errors.put("target.selector", "Name the paragraph with a FragmentSelector.");
			}
			return null;
		}
		if (!selector.isObject() || !isString(selector.get("type"), "FragmentSelector")) {
			errors.put("target.selector.type", "The selector is a FragmentSelector naming the paragraph's id.");
			return null;
		}
		JsonNode conformsTo = selector.get("conformsTo");
		if (conformsTo != null && !isString(conformsTo, Vocabulary.HTML_FRAGMENTS)) {
			errors.put("target.selector.conformsTo", "A paragraph id is an HTML fragment: " + Vocabulary.HTML_FRAGMENTS
					+ ".");
			return null;
		}
		JsonNode id = selector.get("value");
		if (id == null || !id.isString() || id.stringValue().isBlank()) {
			errors.put("target.selector.value", "The selector's value is the paragraph's id, a string.");
			return null;
		}
		return new OnParagraph(id.stringValue());
	}

	/** An annotation IRI in this container (a reply), or the article's IRI with the paragraph as its fragment. */
	private @Nullable Target targetIri(String iri, String slug, Map<String, String> errors) {
		Optional<String> noteId = links.noteId(slug, iri);
		if (noteId.isPresent()) {
			return new InReplyTo(noteId.get());
		}
		int hash = iri.indexOf('#');
		if (hash > 0 && hash < iri.length() - 1 && links.articleAliases(slug).contains(iri.substring(0, hash))) {
			return new OnParagraph(iri.substring(hash + 1));
		}
		errors.put("target", "The target must be a paragraph of this article (" + links.article(slug)
				+ "#<paragraph id>) or an annotation in this container (" + links.container(slug) + "<id>).");
		return null;
	}

	/** One TextualBody, as {@code body} (an object, or an array of one) or {@code bodyValue} (Data Model §3.2.5). */
	private static @Nullable String body(JsonNode json, Map<String, String> errors) {
		if (json.has("bodyValue")) {
			if (json.has("body")) {
				errors.put("bodyValue", "Send either body or bodyValue, not both.");
				return null;
			}
			return optionalString(json, "bodyValue", "bodyValue", errors);
		}
		JsonNode body = single(json.get("body"), "body", errors);
		if (body == null) {
			return null;
		}
		if (body.isString()) {
			errors.put("body", "A string body is the IRI of a resource elsewhere, which this server does not keep: "
					+ "send {\"type\": \"TextualBody\", \"value\": \"...\"} or use bodyValue.");
			return null;
		}
		if (!body.isObject()) {
			errors.put("body", "The body is a TextualBody object.");
			return null;
		}
		JsonNode type = body.get("type");
		if (type != null && !isString(type, "TextualBody")) {
			errors.put("body.type", "The body is a TextualBody.");
			return null;
		}
		JsonNode format = body.get("format");
		if (format != null && !(format.isString() && FORMATS.contains(format.stringValue()))) {
			errors.put("body.format", "The body's format is text/markdown (or text/plain).");
			return null;
		}
		return optionalString(body, "value", "body.value", errors);
	}

	private static @Nullable String creator(@Nullable JsonNode creator, Map<String, String> errors) {
		JsonNode value = single(creator, "creator", errors);
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			errors.put("creator", "The creator is an object: {\"type\": \"Person\", \"name\": \"...\"}.");
			return null;
		}
		JsonNode type = value.get("type");
		if (type != null && !isString(type, "Person")) {
			errors.put("creator.type", "The creator is a Person.");
			return null;
		}
		return optionalString(value, "name", "creator.name", errors);
	}

	/** A value that may be given as itself or as an array of exactly one. */
	private static @Nullable JsonNode single(@Nullable JsonNode value, String field, Map<String, String> errors) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isArray()) {
			if (value.size() != 1) {
				errors.put(field, "This server takes exactly one " + field + ".");
				return null;
			}
			return value.get(0);
		}
		return value;
	}

	private static @Nullable String optionalString(JsonNode object, String member, String field,
			Map<String, String> errors) {
		JsonNode value = object.get(member);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			errors.put(field, "The " + field + " is a string.");
			return null;
		}
		return value.stringValue();
	}

	private static boolean isString(@Nullable JsonNode node, String expected) {
		return node != null && node.isString() && node.stringValue().equals(expected);
	}

}
