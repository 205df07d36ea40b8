package dev.marginalia.annotations;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.marginalia.anchoring.Selector;
import dev.marginalia.annotations.AnnotationDraft.Imported;
import dev.marginalia.annotations.AnnotationDraft.InReplyTo;
import dev.marginalia.annotations.AnnotationDraft.OnParagraph;
import dev.marginalia.annotations.AnnotationDraft.Target;
import dev.marginalia.annotations.AnnotationDraft.ToAnnotation;
import dev.marginalia.notes.HighlightColour;
import dev.marginalia.notes.NoteTags;
import dev.marginalia.notes.TargetAsSent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads a Web Annotation (compacted JSON-LD with the Web Annotation context, or the same as plain JSON) into an
 * {@link AnnotationDraft}: {@link JsonBinding} binds it to an {@link AnnotationJson}, then this server's rules are
 * applied, every problem collected with the JSON path of its field. Properties we do not know are ignored, as Data
 * Model §6 requires ("Implementations MUST ignore unfamiliar properties"); server-managed ones ({@code created},
 * {@code modified}, {@code generator}, {@code marginalia:writtenOn}, ...) are ignored too, except by an import,
 * which keeps {@code created} and where a note was written ({@link ImportedAnnotationReader}).
 *
 * <p>What we take: {@code body} as one TextualBody (an object, or an array of one) or {@code bodyValue}, and beside
 * it a TextualBody with the purpose {@code tagging} per tag (each checked by {@link NoteTags#problem} at its path);
 * {@code target} as {@code {"source": <article>, "selector": ...}} with any selectors {@link SelectorReader} reads,
 * or {@code "<article>#<paragraph id>"} for a note, or the IRI of an annotation in the same container for a reply;
 * {@code creator.name}; {@code marginalia:visibility}.
 */
@Component
class AnnotationReader {

	private static final Set<String> FORMATS = Set.of("text/markdown", "text/plain");

	/** The properties this server takes one of, which the model lets be an array (of one, here). */
	private static final String ONE_OF = "^(body|target|creator|motivation)\\[0\\]";

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
		Map<String, String> errors = new LinkedHashMap<>();
		AnnotationJson annotation = bind(json, AnnotationJson.class, errors);
		if (errors.containsKey("@context") || !isAnnotationContext(annotation.context())) {
			throw ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"The @context must include " + Vocabulary.ANNO_CONTEXT + ": this server reads Web Annotations.")
				.withHeader("Accept-Post", Vocabulary.ACCEPTED_REQUEST_TYPES);
		}
		AnnotationJson.Target targetJson = one(annotation.target(), "target", AnnotationJson.NOT_A_TARGET, errors);
		Target target = target(targetJson, slug, false, errors);
		AnnotationDraft draft = draft(annotation, target, null, iri(annotation.canonical(), "canonical", errors),
				iri(annotation.via(), "via", errors), errors).withColour(colour(targetJson, errors));
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
		AnnotationJson annotation = bind(json, AnnotationJson.class, errors);
		ManagedJson managed = bind(json, ManagedJson.class, errors);
		if (!isAnnotationContext(annotation.context())) {
			errors.putIfAbsent("@context", AnnotationJson.NOT_ANNOTATION_CONTEXT);
		}
		AnnotationJson.Target targetJson = one(annotation.target(), "target", AnnotationJson.NOT_A_TARGET, errors);
		Target target = target(targetJson, slug, true, errors);
		TargetAsSent asSent = ImportedAnnotationReader.asSent(managed.oneTarget(),
				iri(annotation.canonical(), "canonical", errors), iri(annotation.via(), "via", errors), errors);
		Imported imported = ImportedAnnotationReader.imported(managed, asSent, errors);
		return draft(annotation, target, imported, null, null, errors).withColour(colour(targetJson, errors));
	}

	/**
	 * The highlight colour the target's {@code styleClass} names (Data Model §4.3): one class of the stylesheet this
	 * server serves (the {@code stylesheet} a client sends is not read: the classes are this server's), or a problem
	 * at {@code target.styleClass}. That only a note on a passage has one is the notes' rule.
	 * @return its key, or null without one
	 */
	private @Nullable String colour(AnnotationJson.@Nullable Target target, Map<String, String> errors) {
		if (target == null || target.styleClass() == null) {
			return null;
		}
		Optional<HighlightColour> colour = HighlightColour.ofStyleClass(target.styleClass().strip());
		if (colour.isEmpty()) {
			String sent = target.styleClass().length() > 40 ? target.styleClass().substring(0, 40) + "…"
					: target.styleClass();
			errors.putIfAbsent("target.styleClass", "This server does not know the styleClass “" + sent + "”: its "
					+ "highlight classes are " + String.join(", ", HighlightColour.choices().stream()
						.map(HighlightColour::styleClass).toList())
					+ ", defined in " + links.stylesheet() + ".");
			return null;
		}
		return colour.get().key();
	}

	/** Binds the annotation, each problem at its path as a client wrote it ({@code body.value} in an array of one). */
	private static <T> T bind(JsonNode json, Class<T> type, Map<String, String> errors) {
		Map<String, String> problems = new LinkedHashMap<>();
		T bound = JsonBinding.bind(json, type, "$", problems);
		problems.forEach((path, message) -> errors.putIfAbsent(path.replaceFirst(ONE_OF, "$1"), message));
		if (bound == null) {
			throw new IllegalStateException("An object binds to an annotation");
		}
		return bound;
	}

	private static AnnotationDraft draft(AnnotationJson annotation, @Nullable Target target,
			@Nullable Imported imported, @Nullable String canonical, @Nullable String via, Map<String, String> errors) {
		checkType(annotation.type(), errors);
		String motivation = motivation(
				one(annotation.motivation(), "motivation", AnnotationJson.NOT_A_MOTIVATION, errors), errors);
		List<AnnotationJson.@Nullable Body> bodies = annotation.body();
		String body = body(annotation, bodies == null ? null : bodies.stream().filter(one -> !isTag(one)).toList(), errors);
		List<String> tags = tags(bodies, errors);
		String creator = creator(one(annotation.creator(), "creator", AnnotationJson.NOT_A_CREATOR, errors), errors);
		if (motivation != null && target != null) {
			boolean onArticle = target instanceof OnParagraph || target instanceof AnnotationDraft.Selected;
			if (onArticle && !motivation.equals(AnnotationDraft.COMMENTING)) {
				errors.put("motivation", "A note on a paragraph has the motivation commenting.");
			}
			if (!onArticle && !motivation.equals(AnnotationDraft.REPLYING)) {
				errors.put("motivation", "A reply (a target that is an annotation) has the motivation replying.");
			}
		}
		return new AnnotationDraft(annotation.id(), motivation, target, body, creator, annotation.visibility(), imported,
				canonical, via, tags);
	}

	/** {@code canonical} and {@code via} (Data Model §3.3.2): one IRI each, kept as sent. */
	private static @Nullable String iri(@Nullable String value, String member, Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		if (value.isBlank() || value.length() > TargetAsSent.MAX_IRI || value.chars().anyMatch(c -> c <= ' ')) {
			errors.put(member, "The " + member + " is one IRI of at most " + TargetAsSent.MAX_IRI + " characters.");
			return null;
		}
		try {
			if (new URI(value).isAbsolute()) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// not an IRI either
		}
		errors.put(member, "The " + member + " is an absolute IRI.");
		return null;
	}

	/** Data Model §3.1: the Web Annotation context MUST be one of the @context values (none: plain JSON). */
	private static boolean isAnnotationContext(@Nullable List<@Nullable Object> context) {
		return context == null || context.contains(Vocabulary.ANNO_CONTEXT);
	}

	/** Data Model §3.1: an Annotation MUST have the type Annotation (we also take it left out). */
	private static void checkType(@Nullable List<@Nullable Object> type, Map<String, String> errors) {
		if (type != null && !type.contains("Annotation")) {
			errors.putIfAbsent("type", AnnotationJson.NOT_AN_ANNOTATION);
		}
	}

	private static @Nullable String motivation(@Nullable String motivation, Map<String, String> errors) {
		if (motivation == null) {
			return null;
		}
		String name = motivation.startsWith("oa:") ? motivation.substring(3) : motivation;
		if (!name.equals(AnnotationDraft.COMMENTING) && !name.equals(AnnotationDraft.REPLYING)) {
			errors.put("motivation", "This server keeps notes (commenting) and replies (replying) only.");
			return null;
		}
		return name;
	}

	/**
	 * The annotation's target: the IRI of an annotation or of a paragraph, or the article with its selectors; in an
	 * import, a paragraph named by a FragmentSelector ({@link ImportedAnnotationReader#onParagraph}).
	 */
	private @Nullable Target target(AnnotationJson.@Nullable Target value, String slug, boolean importing,
			Map<String, String> errors) {
		if (value == null) {
			return null;
		}
		if (value.iri() != null) {
			return targetIri(value.iri(), slug, importing, errors);
		}
		if (errors.containsKey("target.source")) {
			errors.put("target.source", notTheArticle(slug)); // a source of the wrong type
			return null;
		}
		if (value.source() == null) {
			if (value.id() instanceof String id) {
				return targetIri(id, slug, importing, errors);
			}
			errors.put("target.source", "The target needs a source: this article's address.");
			return null;
		}
		if (!isArticle(value.source(), slug, importing)) {
			errors.put("target.source", notTheArticle(slug));
			return null;
		}
		if (importing) {
			return ImportedAnnotationReader.onParagraph(value.selectorSent(), errors);
		}
		JsonNode selectors = value.selectorSent();
		if (selectors == null) {
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

	private String notTheArticle(String slug) {
		return "The source must be this article: " + links.article(slug) + ".";
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
	 * The note's text: one TextualBody, as {@code body} (an object, or an array of one beside the tags) or
	 * {@code bodyValue} (Data Model §3.2.5).
	 * @param text the bodies that are not tags; null without {@code body}
	 */
	private static @Nullable String body(AnnotationJson annotation, @Nullable List<AnnotationJson.@Nullable Body> text,
			Map<String, String> errors) {
		if (annotation.bodyValue() != null) {
			if (text != null && !text.isEmpty()) {
				errors.put("bodyValue", "Send either body or bodyValue, not both.");
				return null;
			}
			return annotation.bodyValue();
		}
		if (text != null && text.isEmpty()) {
			return null; // tags alone: the rules say the note needs its text
		}
		AnnotationJson.Body body = one(text, "body", AnnotationJson.NOT_A_BODY, errors);
		if (body == null) {
			return null;
		}
		if (body.iri() != null) {
			errors.put("body", "A string body is the IRI of a resource elsewhere, which this server does not keep: "
					+ "send {\"type\": \"TextualBody\", \"value\": \"...\"} or use bodyValue.");
			return null;
		}
		if (body.type() != null && !body.type().equals("TextualBody")) {
			errors.putIfAbsent("body.type", AnnotationJson.Body.TEXTUAL);
			return null;
		}
		if (body.format() != null && !FORMATS.contains(body.format())) {
			errors.putIfAbsent("body.format", AnnotationJson.Body.FORMAT);
			return null;
		}
		return body.value();
	}

	private static boolean isTag(AnnotationJson.@Nullable Body body) {
		return body != null && body.isTag();
	}

	/**
	 * The tags: the value of each TextualBody with the purpose {@code tagging}, each checked by the rules of tags at
	 * its path ({@code body[2].value}; {@code body.value} when it is the only body). How many a note may have, and
	 * that spellings differing in case are one tag, is the notes' to say.
	 */
	private static List<String> tags(@Nullable List<AnnotationJson.@Nullable Body> bodies, Map<String, String> errors) {
		List<String> tags = new ArrayList<>();
		if (bodies == null) {
			return tags;
		}
		for (int i = 0; i < bodies.size(); i++) {
			AnnotationJson.Body body = bodies.get(i);
			if (!isTag(body)) {
				continue;
			}
			String path = bodies.size() == 1 ? "body" : "body[" + i + "]";
			if (body.type() != null && !body.type().equals("TextualBody")) {
				errors.putIfAbsent(path + ".type", "A tag is a TextualBody.");
			}
			else if (body.format() != null && !FORMATS.contains(body.format())) {
				errors.putIfAbsent(path + ".format", "A tag's format is text/plain.");
			}
			else if (body.value() == null) {
				errors.putIfAbsent(path + ".value", "A tag is the value of a TextualBody with the purpose tagging.");
			}
			else {
				String problem = NoteTags.problem(body.value());
				if (problem != null) {
					errors.putIfAbsent(path + ".value", problem);
				}
				tags.add(body.value());
			}
		}
		return tags;
	}

	private static @Nullable String creator(AnnotationJson.@Nullable Creator creator, Map<String, String> errors) {
		if (creator == null) {
			return null;
		}
		if (creator.type() != null && !creator.type().equals("Person")) {
			errors.putIfAbsent("creator.type", AnnotationJson.Creator.PERSON);
			return null;
		}
		return creator.name();
	}

	/**
	 * A value that may be given as itself or as an array of exactly one.
	 * @param notOne what is wrong with a value that is JSON null (one of the wrong type is reported by its binding)
	 * @return null when it is absent, not exactly one, or not a value (each reported)
	 */
	private static <T> @Nullable T one(@Nullable List<@Nullable T> values, String field, String notOne,
			Map<String, String> errors) {
		if (values == null) {
			return null;
		}
		if (values.size() != 1) {
			errors.keySet().removeIf(path -> JsonBinding.isUnder(path, field)); // what is in them does not matter
			errors.put(field, "This server takes exactly one " + field + ".");
			return null;
		}
		if (values.get(0) == null) {
			errors.putIfAbsent(field, notOne);
		}
		return values.get(0);
	}

}
