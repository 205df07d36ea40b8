package dev.marginalia.annotations;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.marginalia.support.FormClient;
import dev.marginalia.support.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP against the running test server's annotation API, with JSON bodies parsed by Jackson. */
final class ApiClient {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String PARAGRAPH = "p-AarAar";

	static final String CONTAINER = "/api/articles/" + SLUG + "/annotations/";

	static final String JSON_LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

	static final String SECRET_HEADER = "Marginalia-Author-Secret";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebClient web;

	private final String base;

	private final String slug;

	private String[] moderator;

	ApiClient(int port) {
		this(port, SLUG);
	}

	/** A client of another article's container. */
	ApiClient(int port, String slug) {
		this.web = new WebClient(port);
		this.base = web.base();
		this.slug = slug;
	}

	String base() {
		return base;
	}

	String articleUrl() {
		return base + "/articles/" + slug;
	}

	/** The path of the container. */
	String container() {
		return "/api/articles/" + slug + "/annotations/";
	}

	String containerIri() {
		return base + container();
	}

	/** @param headers name, value, name, value... */
	HttpResponse<String> send(String method, String pathOrUrl, byte[] body, String... headers) {
		HttpRequest request = web.request(pathOrUrl, headers)
			.method(method, body.length == 0 && !method.equals("POST") && !method.equals("PUT")
					? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))
			.build();
		return web.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/**
	 * @return the headers of the signed-in moderator (their cookie, and the CSRF token in its cookie and header),
	 * then the given ones: the import is the moderator's alone
	 */
	String[] asModerator(String... headers) {
		if (moderator == null) {
			FormClient client = new FormClient(URI.create(base).getPort())
				.signInAsModerator();
			moderator = new String[] { "Cookie", client.cookieHeader(), "X-XSRF-TOKEN", client.csrf() };
		}
		return with(moderator, headers);
	}

	HttpResponse<String> send(String method, String pathOrUrl, String body, String... headers) {
		return send(method, pathOrUrl, body.getBytes(StandardCharsets.UTF_8), headers);
	}

	HttpResponse<String> get(String pathOrUrl, String... headers) {
		return send("GET", pathOrUrl, new byte[0], headers);
	}

	HttpResponse<String> post(String json, String... headers) {
		return send("POST", container(), json, with(headers, "Content-Type", JSON_LD));
	}

	/** Creates a note on the paragraph as the author with this secret (null: a new author) and checks the 201. */
	Created create(String secret, String json) {
		HttpResponse<String> response = secret == null ? post(json) : post(json, "Authorization", "Bearer " + secret);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		String issued = response.headers().firstValue(SECRET_HEADER).orElse(secret);
		return new Created(json(response), response.headers().firstValue("ETag").orElseThrow(), issued, response);
	}

	Created note(String secret, String text) {
		return create(secret, note(text));
	}

	/** A note on {@link #PARAGRAPH}, as a Web Annotation. */
	String note(String text) {
		return note(PARAGRAPH, text, "");
	}

	/** @param extra more members, with a leading comma */
	String note(String paragraph, String text, String extra) {
		return """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting",
				 "body": {"type": "TextualBody", "value": %s, "format": "text/markdown"},
				 "target": {"source": %s, "selector": {"type": "FragmentSelector", "value": %s,
				   "conformsTo": "http://tools.ietf.org/rfc/rfc3986"}}%s}
				""".formatted(quote(text), quote(articleUrl()), quote(paragraph), extra);
	}

	String reply(String parentIri, String text, String extra) {
		return """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "replying",
				 "body": {"type": "TextualBody", "value": %s}, "target": %s%s}
				""".formatted(quote(text), quote(parentIri), extra);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	static String quote(String text) {
		return JSON.writeValueAsString(text);
	}

	static String[] with(String[] headers, String... more) {
		List<String> all = new java.util.ArrayList<>(List.of(headers));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	/** A created annotation, the ETag it came with, and the secret of its author. */
	record Created(JsonNode json, String etag, String secret, HttpResponse<String> response) {

		String iri() {
			return json.get("id").stringValue();
		}

		String path() {
			return URI.create(iri()).getPath();
		}

	}

}
