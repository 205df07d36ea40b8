package dev.marginalia.reading;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared article page sent ahead of Spring Security and MVC ({@link SharedPageFilter}) must be what the
 * controller sends: the same status, headers (security headers included) and bytes, for both encodings, for HEAD
 * and for 304; and it must never be sent out of date, to a reader with cookies, or for a path that is not exactly
 * an article's. A query string the controller ignores ({@code ?via=test}) takes the usual way, for comparison.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=shared-page-filter")
class SharedPageFilterTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String USUAL_WAY = ARTICLE + "?via=test";

	@LocalServerPort
	int port;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	@Autowired
	SharedPageFilter filter;

	WebClient web;

	@BeforeEach
	void aNoteChangesThePage() {
		web = new WebClient(port);
		commands.create(SLUG, "p-AarAar", new NewNote("A note written before each test", null, "public"),
				queries.author(AuthorSecrets.newSecret()));
	}

	@Test
	void theFilterSendsWhatTheControllerSendsEachWay() {
		for (Map<String, String> headers : java.util.List.of(Map.<String, String>of(), Map.of("Accept-Encoding", "gzip"))) {
			kept(headers);
			HttpResponse<byte[]> usual = sentTheUsualWay(() -> get("GET", USUAL_WAY, headers));
			HttpResponse<byte[]> fast = sentByTheFilter(() -> get("GET", ARTICLE, headers));
			assertThat(fast.statusCode()).isEqualTo(200);
			assertThat(fields(fast)).as("headers, %s", headers).isEqualTo(fields(usual));
			assertThat(fast.body()).isEqualTo(usual.body());
			assertThat(fields(fast)).containsKeys("content-security-policy", "x-content-type-options", "x-frame-options",
					"referrer-policy", "permissions-policy", "etag", "vary", "cache-control", "link");

			String tag = fast.headers().firstValue("ETag").orElseThrow();
			Map<String, String> conditional = new java.util.HashMap<>(headers);
			conditional.put("If-None-Match", tag);
			HttpResponse<byte[]> usual304 = sentTheUsualWay(() -> get("GET", USUAL_WAY, conditional));
			HttpResponse<byte[]> fast304 = sentByTheFilter(() -> get("GET", ARTICLE, conditional));
			assertThat(fast304.statusCode()).isEqualTo(304);
			assertThat(usual304.statusCode()).isEqualTo(304);
			assertThat(fields(fast304)).as("304 headers, %s", headers).isEqualTo(fields(usual304));
			assertThat(fast304.body()).isEmpty();

			HttpResponse<byte[]> usualHead = sentTheUsualWay(() -> get("HEAD", USUAL_WAY, headers));
			HttpResponse<byte[]> fastHead = sentByTheFilter(() -> get("HEAD", ARTICLE, headers));
			assertThat(fields(fastHead)).as("HEAD headers, %s", headers).isEqualTo(fields(usualHead));
			assertThat(fastHead.body()).isEmpty();
		}
	}

	@Test
	void aNewNoteIsOnTheVeryNextPage() {
		kept(Map.of());
		commands.create(SLUG, "p-AarAar", new NewNote("Written while the page was kept", null, "public"),
				queries.author(AuthorSecrets.newSecret()));
		HttpResponse<byte[]> next = sentTheUsualWay(() -> get("GET", ARTICLE, Map.of()));
		assertThat(new String(next.body(), StandardCharsets.UTF_8)).contains("Written while the page was kept");
	}

	@Test
	void readersWithCookiesOrCredentialsAndOtherPathsGoTheUsualWay() {
		kept(Map.of());
		sentTheUsualWay(() -> get("GET", ARTICLE, Map.of("Cookie", "anything=1")));
		sentTheUsualWay(() -> get("GET", ARTICLE, Map.of("Authorization", "Bearer nobody")));
		sentTheUsualWay(() -> get("GET", ARTICLE + "/", Map.of()));
		sentTheUsualWay(() -> get("GET", ARTICLE + ";x=1", Map.of()));
		sentTheUsualWay(() -> get("GET", "/articles/Stability-A-Rare-Strategic-Resource", Map.of()));
		sentTheUsualWay(() -> get("GET", "/articles/no-such-article", Map.of()));
		sentTheUsualWay(() -> get("GET", ARTICLE + "?done=added", Map.of()));
	}

	@Test
	void theDiscoveryLinkNamesTheAddressOfEachRequest() {
		kept(Map.of());
		HttpResponse<byte[]> local = sentByTheFilter(() -> get("GET", ARTICLE, Map.of()));
		HttpResponse<byte[]> loopback = sentByTheFilter(() -> get("GET", "http://127.0.0.1:" + port + ARTICLE, Map.of()));
		assertThat(local.headers().firstValue("Link").orElseThrow()).startsWith("<http://localhost:" + port + "/api/");
		assertThat(loopback.headers().firstValue("Link").orElseThrow()).startsWith("<http://127.0.0.1:" + port + "/api/");
	}

	/**
	 * Loads the page until the filter sends it: a note written here bumps the article's stamp at its commit and
	 * again when the live fan-out reads its event (a moment later), and a page rendered in between is not kept.
	 */
	private void kept(Map<String, String> headers) {
		await().alias("the filter sends the page")
			.atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				long before = filter.served();
				get("GET", ARTICLE, headers);
				return filter.served() > before;
			});
	}

	private HttpResponse<byte[]> sentByTheFilter(java.util.function.Supplier<HttpResponse<byte[]>> request) {
		long before = filter.served();
		HttpResponse<byte[]> response = request.get();
		assertThat(filter.served()).as("sent by the filter").isEqualTo(before + 1);
		return response;
	}

	private HttpResponse<byte[]> sentTheUsualWay(java.util.function.Supplier<HttpResponse<byte[]>> request) {
		long before = filter.served();
		HttpResponse<byte[]> response = request.get();
		assertThat(filter.served()).as("sent the usual way").isEqualTo(before);
		return response;
	}

	/** The header fields but the date, by lower-case name. */
	private static Map<String, java.util.List<String>> fields(HttpResponse<?> response) {
		Map<String, java.util.List<String>> fields = new TreeMap<>();
		response.headers().map().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("date") && !name.equals(":status")) {
				fields.put(name.toLowerCase(java.util.Locale.ROOT), values);
			}
		});
		return fields;
	}

	/** @param pathOrUrl a path, or the whole URL of another address of the server */
	private HttpResponse<byte[]> get(String method, String pathOrUrl, Map<String, String> headers) {
		HttpRequest.Builder request = web.request(pathOrUrl).method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		return web.sendForBytes(request);
	}

}
