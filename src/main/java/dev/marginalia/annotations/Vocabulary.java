package dev.marginalia.annotations;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;

/** The IRIs, media types and JSON-LD contexts of the Web Annotation Protocol, LDP and our one extension. */
final class Vocabulary {

	static final String ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

	static final String LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";

	/** Our extension's namespace: the terms below, documented in the OpenAPI description. */
	static final String NAMESPACE = "https://marginalia.dev/ns#";

	/** On an annotation: {@code public} or {@code private}. */
	static final String VISIBILITY = "marginalia:visibility";

	/**
	 * On a note's target: {@code true} when the paragraph it was written on is no longer in the article (its
	 * selector is then the one it was written with); absent otherwise.
	 */
	static final String ORPHANED = "marginalia:orphaned";

	/**
	 * On a note's target: the selector the note was written with (the paragraph's id then, refined by the passage
	 * then), with {@value #PARAGRAPH_TEXT}; the target's own selector says where the note is now.
	 */
	static final String WRITTEN_ON = "marginalia:writtenOn";

	/**
	 * On a note's target: the selector the client sent when it wrote the note, as it sent it (absent for notes
	 * written through the pages' forms), so that a round trip loses nothing.
	 */
	static final String SELECTOR_AS_SENT = "marginalia:selectorAsSent";

	/** On a note's target: which of the sent selectors decided where the note went (a chain of selector types). */
	static final String ANCHORED_BY = "marginalia:anchoredBy";

	/** On {@value #WRITTEN_ON} of a passage note: the passage's TextPositionSelector then. */
	static final String WRITTEN_POSITION = "marginalia:position";

	/** On {@value #WRITTEN_ON}: the paragraph's text when the note was written. */
	static final String PARAGRAPH_TEXT = "marginalia:paragraphText";

	/**
	 * On an annotation of an export: {@code true} for a deleted note kept (without body or creator) because it has
	 * replies.
	 */
	static final String DELETED = "marginalia:deleted";

	/**
	 * On a public annotation: how many readers found it useful (a number, 0 or more); a program says it did with
	 * {@code PUT .../reactions/useful} (see {@code AnnotationReactionController}).
	 */
	static final String USEFUL = "marginalia:useful";

	/** Maps the {@code marginalia:} prefix, so that the extension property is a full IRI to a JSON-LD processor. */
	static final Map<String, String> EXTENSION_CONTEXT = Map.of("marginalia", NAMESPACE);

	/** An annotation's context: the Web Annotation context first, extensions after it (Data Model §6). */
	static final List<Object> ANNOTATION_CONTEXT = List.of(ANNO_CONTEXT, EXTENSION_CONTEXT);

	/** A container's context: both the annotation and the LDP contexts (Protocol §4.1). */
	static final List<Object> CONTAINER_CONTEXT = List.of(ANNO_CONTEXT, LDP_CONTEXT, EXTENSION_CONTEXT);

	static final String LDP_BASIC_CONTAINER = "http://www.w3.org/ns/ldp#BasicContainer";

	static final String LDP_RESOURCE = "http://www.w3.org/ns/ldp#Resource";

	static final String LDP_CONSTRAINED_BY = "http://www.w3.org/ns/ldp#constrainedBy";

	static final String OA_ANNOTATION = "http://www.w3.org/ns/oa#Annotation";

	static final String PROTOCOL = "http://www.w3.org/TR/annotation-protocol/";

	static final String PREFER_MINIMAL_CONTAINER = "http://www.w3.org/ns/ldp#PreferMinimalContainer";

	static final String PREFER_CONTAINED_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";

	static final String PREFER_CONTAINED_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

	static final String FRAGMENT_SELECTOR = "FragmentSelector";

	static final String TEXT_QUOTE_SELECTOR = "TextQuoteSelector";

	static final String TEXT_POSITION_SELECTOR = "TextPositionSelector";

	/** What a FragmentSelector on an HTML document conforms to (Data Model §4.2.1, its table of specifications). */
	static final String HTML_FRAGMENTS = "http://tools.ietf.org/rfc/rfc3236";

	/** Taken from clients: the HTML one, and the generic URI syntax this server served before. */
	static final java.util.Set<String> HTML_FRAGMENT_SPECS = java.util.Set.of(HTML_FRAGMENTS,
			"http://tools.ietf.org/rfc/rfc3986");

	/** The media type the protocol requires servers to support (Protocol §2). */
	static final MediaType ANNOTATION_JSON_LD = MediaType
		.parseMediaType("application/ld+json; profile=\"" + ANNO_CONTEXT + "\"");

	/**
	 * JSON-LD whatever its profile, as the mappings name it ({@code consumes}, {@code produces}, beside
	 * {@code application/json}): Spring answers 415 and 406 for anything else; the profile of a request body is
	 * checked as the body is read, and the answers carry {@link #ANNOTATION_JSON_LD}.
	 */
	static final String JSON_LD_VALUE = "application/ld+json";

	static final MediaType JSON_LD = MediaType.parseMediaType(JSON_LD_VALUE);

	/** What a client may POST to a container, or PUT to an annotation. */
	static final String ACCEPTED_REQUEST_TYPES = ANNOTATION_JSON_LD + ", " + MediaType.APPLICATION_JSON_VALUE;

	private Vocabulary() {
	}

}
