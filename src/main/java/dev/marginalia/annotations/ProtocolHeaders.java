package dev.marginalia.annotations;

import org.springframework.http.HttpHeaders;

/** The response headers the protocol requires of annotations, containers and pages. */
final class ProtocolHeaders {

	static final String ANNOTATION_ALLOW = "GET,HEAD,OPTIONS,PUT,DELETE";

	static final String CONTAINER_ALLOW = "GET,HEAD,OPTIONS,POST";

	static final String PAGE_ALLOW = "GET,HEAD,OPTIONS";

	/**
	 * The representation depends on who asks (private notes), so caches must key on the credentials too; a
	 * browser may keep a copy but revalidates it with {@code If-None-Match} every time.
	 */
	private static final String CACHE_CONTROL = "private, no-cache";

	private ProtocolHeaders() {
	}

	/**
	 * Protocol §3: a Link of type ldp#Resource (and oa#Annotation, which MAY be added), an ETag, an Allow, and
	 * Vary: Accept since we negotiate the format.
	 */
	static HttpHeaders annotation(String etag) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.LINK, link(Vocabulary.LDP_RESOURCE, "type"));
		headers.add(HttpHeaders.LINK, link(Vocabulary.OA_ANNOTATION, "type"));
		headers.setETag(etag);
		headers.set(HttpHeaders.ALLOW, ANNOTATION_ALLOW);
		headers.set(HttpHeaders.VARY, "Accept, Authorization, Cookie");
		headers.setCacheControl(CACHE_CONTROL);
		return headers;
	}

	/**
	 * Protocol §4.1: Links of type ldp#BasicContainer and ldp#constrainedBy the protocol on all responses, an
	 * Allow, an Accept-Post (SHOULD), and Vary: Accept (and Prefer, which chooses the representation).
	 */
	static HttpHeaders container() {
		HttpHeaders headers = containerLinks();
		headers.set(HttpHeaders.ALLOW, CONTAINER_ALLOW);
		headers.set("Accept-Post", Vocabulary.ACCEPTED_REQUEST_TYPES);
		headers.set(HttpHeaders.VARY, "Accept, Prefer, Authorization, Cookie");
		headers.setCacheControl(CACHE_CONTROL);
		return headers;
	}

	static HttpHeaders containerLinks() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.LINK, link(Vocabulary.LDP_BASIC_CONTAINER, "type"));
		headers.add(HttpHeaders.LINK, link(Vocabulary.PROTOCOL, Vocabulary.LDP_CONSTRAINED_BY));
		return headers;
	}

	/** Protocol §4.3: a page is not a container, so it has no container Links; only GET, HEAD and OPTIONS. */
	static HttpHeaders page() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ALLOW, PAGE_ALLOW);
		headers.set(HttpHeaders.VARY, "Accept, Prefer, Authorization, Cookie");
		headers.setCacheControl(CACHE_CONTROL);
		return headers;
	}

	private static String link(String target, String rel) {
		return "<" + target + ">; rel=\"" + rel + "\"";
	}

}
