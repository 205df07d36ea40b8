package dev.marginalia.annotations;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.marginalia.annotations.AnnotationDraft.Imported;
import dev.marginalia.annotations.AnnotationDraft.InReplyTo;
import dev.marginalia.annotations.AnnotationDraft.OnParagraph;
import dev.marginalia.annotations.AnnotationDraft.Passage;
import dev.marginalia.annotations.AnnotationDraft.Target;
import dev.marginalia.annotations.AnnotationDraft.ToAnnotation;
import dev.marginalia.annotations.AnnotationDraft.WrittenOn;
import dev.marginalia.anchoring.Selector;
import dev.marginalia.notes.NoteImports;
import dev.marginalia.notes.TargetAsSent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a Web Annotation (compacted JSON-LD with the Web Annotation context, or the same as plain JSON) into an
 * {@link AnnotationDraft}, collecting every problem with the JSON path of its field. Properties we do not know
 * are ignored, as Data Model §6 requires ("Implementations MUST ignore unfamiliar properties"); server-managed
 * ones ({@code created}, {@code modified}, {@code generator}, {@code marginalia:writtenOn}, ...) are ignored too,
 * except by an import, which keeps {@code created} and where a note was written.
 *
 * <p>What we take: {@code body} as one TextualBody (an object, or an array of one) or {@code bodyValue};
 * {@code target} as {@code {"source": <article>, "selector": {"type": "FragmentSelector", "value": <paragraph id>}}}
 * or {@code "<article>#<paragraph id>"} for a note, or the IRI of an annotation in the same container for a reply;
 * the FragmentSelector may be {@code refinedBy} a TextQuoteSelector, a TextPositionSelector or an array of both
 * (a passage of the paragraph); {@code creator.name}; {@code marginalia:visibility}.
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
		if (!isAnnotationContext(json.get("@context"))) {
			throw ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The @context must include " + Vocabulary.ANNO_CONTEXT + ": this server reads Web Annotations.")
				.withHeader("Accept-Post", Vocabulary.ACCEPTED_REQUEST_TYPES);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		AnnotationDraft draft = parse(json, slug, false, errors);
		if (!errors.isEmpty()) {
			throw ApiProblem.invalid(errors);
		}
		return draft;
	}

	/**
	 * Reads one annotation of an import file. Its target may also name the article at another address (the same
	 * article exported from another host), and a reply's target is any IRI, for the importer to find in the file or
	 * in the container; {@code created}, {@code marginalia:writtenOn}, {@code marginalia:orphaned} and
	 * {@code marginalia:deleted} are read too.
	 * @param errors where every problem goes, by JSON path inside the annotation ({@code $}: the annotation itself)
	 * @return the draft, or null when the value is not an object
	 */
	@Nullable AnnotationDraft readImported(JsonNode json, String slug, Map<String, String> errors) {
		if (!json.isObject()) {
			errors.put("$", "An annotation is a JSON object.");
			return null;
		}
		if (!isAnnotationContext(json.get("@context"))) {
			errors.put("@context", "The @context must include " + Vocabulary.ANNO_CONTEXT + ".");
		}
		return parse(json, slug, true, errors);
	}

	private AnnotationDraft parse(JsonNode json, String slug, boolean importing, Map<String, String> errors) {
		checkType(json.get("type"), errors);
		String canonical = importing ? null : iri(json, "canonical", errors);
		String via = importing ? null : iri(json, "via", errors);
		String id = optionalString(json, "id", "id", errors);
		String motivation = motivation(json.get("motivation"), errors);
		Target target = target(json.get("target"), slug, importing, errors);
		String body = body(json, errors);
		String creator = creator(json.get("creator"), errors);
		String visibility = optionalString(json, Vocabulary.VISIBILITY, Vocabulary.VISIBILITY, errors);
		if (motivation != null && target != null) {
			boolean onArticle = target instanceof OnParagraph || target instanceof AnnotationDraft.Selected;
			if (onArticle && !motivation.equals(AnnotationDraft.COMMENTING)) {
				errors.put("motivation", "A note on a paragraph has the motivation commenting.");
			}
			if (!onArticle && !motivation.equals(AnnotationDraft.REPLYING)) {
				errors.put("motivation", "A reply (a target that is an annotation) has the motivation replying.");
			}
		}
		Imported imported = importing ? imported(json, errors) : null;
		return new AnnotationDraft(id, motivation, target, body, creator, visibility, imported, canonical, via);
	}

	/** {@code canonical} and {@code via} (Data Model §3.3.2): one IRI each, kept as sent. */
	private static @Nullable String iri(JsonNode json, String member, Map<String, String> errors) {
		String value = optionalString(json, member, member, errors);
		if (value == null) {
			return null;
		}
		if (value.isBlank() || value.length() > TargetAsSent.MAX_IRI || value.chars().anyMatch(c -> c <= ' ')) {
			errors.put(member, "The " + member + " is one IRI of at most " + TargetAsSent.MAX_IRI + " characters.");
			return null;
		}
		try {
			if (!new URI(value).isAbsolute()) {
				errors.put(member, "The " + member + " is an absolute IRI.");
				return null;
			}
		}
		catch (URISyntaxException ex) {
			errors.put(member, "The " + member + " is an absolute IRI.");
			return null;
		}
		return value;
	}

	/** Data Model §3.1: the Web Annotation context MUST be one of the @context values (none: plain JSON). */
	private static boolean isAnnotationContext(@Nullable JsonNode context) {
		if (context == null) {
			return true; // plain JSON: the Web Annotation context is implied
		}
		boolean found = context.isString() && context.stringValue().equals(Vocabulary.ANNO_CONTEXT);
		if (context.isArray()) {
			for (JsonNode value : context) {
				found |= value.isString() && value.stringValue().equals(Vocabulary.ANNO_CONTEXT);
			}
		}
		return found;
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

	private @Nullable Target target(@Nullable JsonNode target, String slug, boolean importing,
			Map<String, String> errors) {
		JsonNode value = single(target, "target", errors);
		if (value == null) {
			return null;
		}
		if (value.isString()) {
			return targetIri(value.stringValue(), slug, importing, errors);
		}
		if (!value.isObject()) {
			errors.put("target", "The target is an object with a source and a selector, or an IRI.");
			return null;
		}
		if (!value.has("source")) {
			JsonNode id = value.get("id");
			if (id != null && id.isString()) {
				return targetIri(id.stringValue(), slug, importing, errors);
			}
			errors.put("target.source", "The target needs a source: this article's address.");
			return null;
		}
		JsonNode source = value.get("source");
		if (!source.isString() || !isArticle(source.stringValue(), slug, importing)) {
			errors.put("target.source", "The source must be this article: " + links.article(slug) + ".");
			return null;
		}
		if (!importing) {
			JsonNode selectors = value.get("selector");
			if (selectors == null || selectors.isNull()) {
				return new AnnotationDraft.Selected(null, null);
			}
			String json = selectors.toString();
			if (json.length() > TargetAsSent.MAX_SELECTOR) {
				errors.put("target.selector", "The selector has at most " + TargetAsSent.MAX_SELECTOR + " characters.");
				return null;
			}
			Selector selector = SelectorReader.read(selectors, "target.selector", errors);
			return selector == null ? null : new AnnotationDraft.Selected(selector, json);
		}
		JsonNode selector = single(exported(value.get("selector")), "target.selector", errors);
		if (selector == null) {
			if (!errors.containsKey("target.selector")) {
				errors.put("target.selector", "Name the paragraph with a FragmentSelector.");
			}
			return null;
		}
		String blockId = paragraph(selector, "target.selector", errors);
		if (blockId == null) {
			return null;
		}
		return new OnParagraph(blockId, passage(selector.get("refinedBy"), "target.selector.refinedBy", errors));
	}

	/**
	 * The selector of a passage note as this server exports it (two alternatives: the paragraph refined by the quote,
	 * and refined by the position), read back as one FragmentSelector refined by both; anything else as it is.
	 */
	private static @Nullable JsonNode exported(@Nullable JsonNode selector) {
		if (selector == null || !selector.isArray() || selector.size() != 2) {
			return selector;
		}
		JsonNode quote = selector.get(0);
		JsonNode position = selector.get(1);
		if (!quote.isObject() || !position.isObject() || !isString(quote.get("type"), Vocabulary.FRAGMENT_SELECTOR)
				|| !isString(position.get("type"), Vocabulary.FRAGMENT_SELECTOR) || quote.get("value") == null
				|| !quote.get("value").equals(position.get("value")) || quote.get("refinedBy") == null
				|| position.get("refinedBy") == null) {
			return selector;
		}
		tools.jackson.databind.node.ObjectNode merged = ((tools.jackson.databind.node.ObjectNode) quote).deepCopy();
		tools.jackson.databind.node.ArrayNode both = merged.arrayNode();
		both.add(quote.get("refinedBy"));
		both.add(position.get("refinedBy"));
		merged.set("refinedBy", both);
		return merged;
	}

	/** The paragraph's id in a FragmentSelector (Data Model §4.2.1), or null after an error. */
	private static @Nullable String paragraph(JsonNode selector, String path, Map<String, String> errors) {
		if (!selector.isObject() || !isString(selector.get("type"), Vocabulary.FRAGMENT_SELECTOR)) {
			errors.put(path + ".type", "The selector is a FragmentSelector naming the paragraph's id.");
			return null;
		}
		JsonNode conformsTo = selector.get("conformsTo");
		if (conformsTo != null && !(conformsTo.isString() && Vocabulary.HTML_FRAGMENT_SPECS.contains(conformsTo.stringValue()))) {
			errors.put(path + ".conformsTo", "A paragraph id is an HTML fragment: " + Vocabulary.HTML_FRAGMENTS + ".");
			return null;
		}
		JsonNode id = selector.get("value");
		if (id == null || !id.isString() || id.stringValue().isBlank()) {
			errors.put(path + ".value", "The selector's value is the paragraph's id, a string.");
			return null;
		}
		if (id.stringValue().length() > NoteImports.MAX_BLOCK_ID) {
			errors.put(path + ".value", "A paragraph id has at most " + NoteImports.MAX_BLOCK_ID + " characters.");
			return null;
		}
		return id.stringValue();
	}

	/**
	 * The passage refining a paragraph's FragmentSelector (Data Model §4.2.9): a TextQuoteSelector, a
	 * TextPositionSelector, or an array of both, which are then alternatives selecting the same text. Only
	 * {@code exact}, {@code start} and {@code end} are used: the server takes prefix and suffix from the paragraph.
	 * @return the passage, or null without one or after an error
	 */
	private static @Nullable Passage passage(@Nullable JsonNode refinedBy, String path, Map<String, String> errors) {
		if (refinedBy == null || refinedBy.isNull()) {
			return null;
		}
		Map<String, JsonNode> selectors = new LinkedHashMap<>();
		if (refinedBy.isObject()) {
			selectors.put(path, refinedBy);
		}
		else if (refinedBy.isArray() && !refinedBy.isEmpty() && refinedBy.size() <= 2) {
			for (int i = 0; i < refinedBy.size(); i++) {
				selectors.put(path + "[" + i + "]", refinedBy.get(i));
			}
		}
		else {
			errors.put(path, "A passage is a TextQuoteSelector, a TextPositionSelector, or an array of both.");
			return null;
		}
		int before = errors.size();
		String exact = null;
		Integer start = null;
		Integer end = null;
		String quotePath = null;
		String positionPath = null;
		for (Map.Entry<String, JsonNode> entry : selectors.entrySet()) {
			String at = entry.getKey();
			JsonNode selector = entry.getValue();
			if (!selector.isObject()) {
				errors.put(at, "A selector is an object with a type.");
				continue;
			}
			if (selector.has("refinedBy")) {
				errors.put(at + ".refinedBy", "A passage's selector is not refined further.");
			}
			JsonNode type = selector.get("type");
			if (isString(type, Vocabulary.TEXT_QUOTE_SELECTOR)) {
				if (quotePath != null) {
					errors.put(at, "Give one TextQuoteSelector.");
					continue;
				}
				quotePath = at;
				exact = exact(selector, at, errors);
			}
			else if (isString(type, Vocabulary.TEXT_POSITION_SELECTOR)) {
				if (positionPath != null) {
					errors.put(at, "Give one TextPositionSelector.");
					continue;
				}
				positionPath = at;
				start = position(selector, "start", at, errors);
				end = position(selector, "end", at, errors);
				if (start != null && end != null && end <= start) {
					errors.put(at + ".end", "The end comes after the start: a passage has at least one character.");
				}
			}
			else {
				errors.put(at + ".type", "A passage is selected by a TextQuoteSelector or a TextPositionSelector.");
			}
		}
		if (errors.size() > before) {
			return null;
		}
		return new Passage(exact, start, end, quotePath == null ? path : quotePath,
				positionPath == null ? path : positionPath);
	}

	private static @Nullable String exact(JsonNode selector, String path, Map<String, String> errors) {
		for (String context : new String[] { "prefix", "suffix" }) {
			JsonNode value = selector.get(context);
			if (value != null && !value.isString()) {
				errors.put(path + "." + context, "The " + context + " is a string (the server takes it from the "
						+ "paragraph).");
			}
		}
		JsonNode exact = selector.get("exact");
		if (exact == null || !exact.isString()) {
			errors.put(path + ".exact", "The exact words of the passage, a string.");
			return null;
		}
		if (Passages.normalise(exact.stringValue()).isEmpty()) {
			errors.put(path + ".exact", "The passage's words cannot be empty.");
			return null;
		}
		return exact.stringValue();
	}

	/** TextPositionSelector (Data Model §4.2.5): start and end are non-negative integers. */
	private static @Nullable Integer position(JsonNode selector, String member, String path,
			Map<String, String> errors) {
		JsonNode value = selector.get(member);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
			errors.put(path + "." + member, "The " + member
					+ " is a whole number from 0: a position in the paragraph's text, in Unicode code points.");
			return null;
		}
		return value.intValue();
	}

	/**
	 * An annotation IRI in this container (a reply), or the article's IRI with the paragraph as its fragment. In an
	 * import, any other IRI is an annotation, for the importer to find.
	 */
	private @Nullable Target targetIri(String iri, String slug, boolean importing, Map<String, String> errors) {
		Optional<String> noteId = links.noteId(slug, iri);
		if (noteId.isPresent() && !importing) {
			return new InReplyTo(noteId.get());
		}
		int hash = iri.indexOf('#');
		if (hash > 0 && hash < iri.length() - 1 && isArticle(iri.substring(0, hash), slug, importing)) {
			String blockId = iri.substring(hash + 1);
			return importing ? new OnParagraph(blockId, null)
					: new AnnotationDraft.Selected(new Selector.Fragment(blockId, null), null);
		}
		if (!importing && isArticle(iri, slug, false)) {
			return new AnnotationDraft.Selected(null, null);
		}
		if (importing) {
			return new ToAnnotation(iri);
		}
		errors.put("target", "The target must be a paragraph of this article (" + links.article(slug)
				+ "#<paragraph id>) or an annotation in this container (" + links.container(slug) + "<id>).");
		return null;
	}

	/**
	 * Whether the IRI names this article: at this site's address, or, in an import, at any http(s) address with
	 * this article's path (the same article exported from another host of this site).
	 */
	private boolean isArticle(String iri, String slug, boolean importing) {
		if (links.articleAliases(slug).contains(iri)) {
			return true;
		}
		if (!importing) {
			return false;
		}
		try {
			URI uri = new URI(iri);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& ("/articles/" + slug).equals(uri.getPath()) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * What an import keeps beyond what a client writes: {@code created} (an xsd:dateTime with its time zone),
	 * {@code marginalia:deleted}, and on the target {@code marginalia:orphaned} and {@code marginalia:writtenOn}.
	 */
	private static Imported imported(JsonNode json, Map<String, String> errors) {
		OffsetDateTime created = null;
		JsonNode createdValue = json.get("created");
		if (createdValue != null && !createdValue.isNull()) {
			try {
				created = createdValue.isString() ? OffsetDateTime.parse(createdValue.stringValue()) : null;
			}
			catch (DateTimeParseException ex) {
				created = null;
			}
			if (created == null) {
				errors.put("created", "The created time is an xsd:dateTime with its time zone, such as "
						+ "2026-01-31T12:00:00Z.");
			}
		}
		boolean deleted = flag(json, Vocabulary.DELETED, Vocabulary.DELETED, errors);
		JsonNode target = json.get("target");
		if (target != null && target.isArray() && target.size() == 1) {
			target = target.get(0);
		}
		boolean orphaned = false;
		WrittenOn writtenOn = null;
		if (target != null && target.isObject()) {
			orphaned = flag(target, Vocabulary.ORPHANED, "target." + Vocabulary.ORPHANED, errors);
			writtenOn = writtenOn(target.get(Vocabulary.WRITTEN_ON), "target." + Vocabulary.WRITTEN_ON, errors);
		}
		// what the client that first wrote the note sent, kept through an export and an import
		String selectorAsSent = null;
		String anchoredBy = null;
		if (target != null && target.isObject()) {
			JsonNode sent = target.get(Vocabulary.SELECTOR_AS_SENT);
			selectorAsSent = sent == null || sent.isNull() || sent.toString().length() > TargetAsSent.MAX_SELECTOR ? null
					: sent.toString();
			anchoredBy = optionalString(target, Vocabulary.ANCHORED_BY, "target." + Vocabulary.ANCHORED_BY, errors);
			if (anchoredBy != null && anchoredBy.length() > 200) {
				errors.put("target." + Vocabulary.ANCHORED_BY, "At most 200 characters.");
			}
		}
		TargetAsSent asSent = new TargetAsSent(selectorAsSent, anchoredBy, iri(json, "canonical", errors),
				iri(json, "via", errors));
		return new Imported(created, writtenOn, orphaned, deleted,
				asSent.selector() == null && asSent.anchoredBy() == null && asSent.canonical() == null
						&& asSent.via() == null ? null : asSent);
	}

	/** The selector a note was written with, and the paragraph's text then. */
	private static @Nullable WrittenOn writtenOn(@Nullable JsonNode value, String path, Map<String, String> errors) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isObject()) {
			errors.put(path, "Where a note was written is a FragmentSelector with the paragraph's text.");
			return null;
		}
		String blockId = paragraph(value, path, errors);
		JsonNode text = value.get(Vocabulary.PARAGRAPH_TEXT);
		if (text == null || !text.isString() || text.stringValue().isBlank()) {
			errors.put(path + "." + Vocabulary.PARAGRAPH_TEXT, "The paragraph's text, a string.");
			return null;
		}
		if (text.stringValue().length() > NoteImports.MAX_BLOCK_TEXT) {
			errors.put(path + "." + Vocabulary.PARAGRAPH_TEXT,
					"A paragraph's text has at most " + NoteImports.MAX_BLOCK_TEXT + " characters.");
			return null;
		}
		JsonNode refinedBy = value.get("refinedBy");
		JsonNode position = value.get(Vocabulary.WRITTEN_POSITION);
		if (refinedBy != null && refinedBy.isObject() && position != null && position.isObject()) {
			tools.jackson.databind.node.ArrayNode both = ((tools.jackson.databind.node.ObjectNode) value).arrayNode();
			both.add(refinedBy);
			both.add(position);
			refinedBy = both;
		}
		Passage passage = passage(refinedBy, path + ".refinedBy", errors);
		return blockId == null ? null : new WrittenOn(blockId, text.stringValue(), passage, path);
	}

	private static boolean flag(JsonNode object, String member, String path, Map<String, String> errors) {
		JsonNode value = object.get(member);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			errors.put(path, "The " + member + " flag is true or false.");
			return false;
		}
		return value.booleanValue();
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
