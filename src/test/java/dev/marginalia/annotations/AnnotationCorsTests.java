package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.SECRET_HEADER;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS on the annotation API over real HTTP: a page on another origin may read public notes and write with a
 * bearer token; credentials (cookies) are never allowed across origins; the site's pages get no CORS headers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AnnotationCorsTests {

	static final String ORIGIN = "http://other.example";

	static final List<String> EXPOSED = List.of("ETag", "Link", "Location", "Allow", "Accept-Post",
			"Content-Location", "Vary", "Preference-Applied", "Retry-After", SECRET_HEADER);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void aCrossOriginReadIsAllowedAndItsProtocolHeadersCanBeRead() {
		ApiClient.Created note = api.note(null, "Readable from elsewhere");
		for (String path : List.of(api.container(), note.path())) {
			HttpResponse<String> read = api.get(path, "Origin", ORIGIN, "Accept", JSON_LD);
			assertThat(read.statusCode()).as(path).isEqualTo(200);
			assertThat(read.headers().allValues("Access-Control-Allow-Origin")).as(path).containsExactly("*");
			assertThat(exposed(read)).as(path).containsAll(lowerCase(EXPOSED));
			assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).as(path).isEmpty();
			// the headers the page is allowed to read are really there
			assertThat(read.headers().firstValue("ETag")).as(path).isPresent();
			assertThat(read.headers().allValues("Link")).as(path).isNotEmpty();
			assertThat(read.headers().firstValue("Allow")).as(path).isPresent();
			assertThat(read.headers().allValues("Vary")).as(path).contains("Origin");
		}
		HttpResponse<String> head = api.send("HEAD", api.container(), new byte[0], "Origin", ORIGIN);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(head.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		HttpResponse<String> sameOrigin = api.get(api.container());
		assertThat(sameOrigin.headers().firstValue("Access-Control-Allow-Origin")).as("no Origin, no CORS").isEmpty();
	}

	@Test
	void aPlainOptionsFromAnotherOriginIsStillTheProtocolsOptions() {
		HttpResponse<String> options = api.send("OPTIONS", api.container(), new byte[0], "Origin", ORIGIN);
		assertThat(options.statusCode()).isEqualTo(204);
		assertThat(options.headers().firstValue("Allow")).hasValue(ProtocolHeaders.CONTAINER_ALLOW);
		assertThat(options.headers().allValues("Link")).hasSize(2);
		assertThat(options.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(options.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void aPreflightForAWriteWithABearerTokenIsAllowed() {
		HttpResponse<String> preflight = preflight(api.container(), "POST", "authorization, content-type, if-match");
		assertThat(preflight.statusCode()).isIn(200, 204);
		assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(list(preflight, "Access-Control-Allow-Methods")).contains("get", "head", "options", "post", "put",
				"delete");
		assertThat(list(preflight, "Access-Control-Allow-Headers")).contains("authorization", "content-type",
				"if-match");
		assertThat(preflight.headers().firstValue("Access-Control-Max-Age")).isPresent();
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		ApiClient.Created note = api.note(null, "To be replaced from elsewhere");
		HttpResponse<String> put = preflight(note.path(), "PUT", "Authorization, Content-Type, If-Match, Prefer");
		assertThat(put.statusCode()).isIn(200, 204);
		assertThat(list(put, "Access-Control-Allow-Methods")).contains("put", "delete");
		assertThat(list(put, "Access-Control-Allow-Headers")).contains("authorization", "content-type", "if-match",
				"prefer");
		assertThat(put.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void aPreflightForAnythingElseIsRefused() {
		HttpResponse<String> header = preflight(api.container(), "POST", "x-forged");
		assertThat(header.statusCode()).isEqualTo(403);
		assertThat(header.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		HttpResponse<String> method = preflight(api.container(), "PATCH", "content-type");
		assertThat(method.statusCode()).isEqualTo(403);
		assertThat(method.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void aCrossOriginWriteWithABearerTokenIsHonoured() {
		String secret = api.note(null, "The author's first note").secret();
		String bearer = "Bearer " + secret;

		HttpResponse<String> created = api.post(api.note("Written from elsewhere"), "Origin", ORIGIN,
				"Authorization", bearer);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(created.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		assertThat(exposed(created)).contains("location", "etag");
		String location = created.headers().firstValue("Location").orElseThrow();
		String etag = created.headers().firstValue("ETag").orElseThrow();
		String path = java.net.URI.create(location).getPath();

		HttpResponse<String> replaced = api.send("PUT", path, api.note("Rewritten from elsewhere"), "Origin", ORIGIN,
				"Content-Type", JSON_LD, "Authorization", bearer, "If-Match", etag);
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(replaced.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(json(replaced).get("body").get("value").stringValue()).isEqualTo("Rewritten from elsewhere");

		HttpResponse<String> deleted = api.send("DELETE", path, new byte[0], "Origin", ORIGIN, "Authorization", bearer,
				"If-Match", replaced.headers().firstValue("ETag").orElseThrow());
		assertThat(deleted.statusCode()).isEqualTo(204);
		assertThat(deleted.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(api.get(path).statusCode()).isEqualTo(404);
	}

	@Test
	void aTooLargeRequestFromAnotherOriginGetsAnAnswerItCanRead() {
		String huge = "{\"bodyValue\": \"" + "x".repeat(70_000) + "\"}";
		HttpResponse<String> response = api.post(huge, "Origin", ORIGIN, "Authorization",
				"Bearer " + api.note(null, "Small").secret());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void aWriteFromAnotherOriginWithoutABearerTokenIsRefusedWithAnAnswerItCanRead() {
		int before = stored();
		for (String[] from : new String[][] { { "Origin", ORIGIN }, { "Sec-Fetch-Site", "cross-site" },
				{ "Sec-Fetch-Site", "same-site" }, { "Origin", "null" } }) {
			HttpResponse<String> refused = api.post(api.note("A first note from elsewhere"), from[0], from[1]);
			assertThat(refused.statusCode()).as(String.join(": ", from)).isEqualTo(403);
			assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).contains("cross-site-write", "Bearer");
			assertThat(refused.headers().firstValue(SECRET_HEADER)).as("no secret given").isEmpty();
			assertThat(refused.headers().allValues("Set-Cookie")).as("no cookie set").isEmpty();
		}
		HttpResponse<String> fromElsewhere = api.post(api.note("A first note from elsewhere"), "Origin", ORIGIN);
		assertThat(fromElsewhere.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(stored()).isEqualTo(before);

		// a program (no Origin) is given its secret, which a page on another origin can then use
		HttpResponse<String> program = api.post(api.note("A first note from a program"));
		assertThat(program.statusCode()).isEqualTo(201);
		String secret = program.headers().firstValue(SECRET_HEADER).orElseThrow();
		HttpResponse<String> withBearer = api.post(api.note("A note from elsewhere, as its author"), "Origin", ORIGIN,
				"Sec-Fetch-Site", "cross-site", "Authorization", "Bearer " + secret);
		assertThat(withBearer.statusCode()).as(withBearer.body()).isEqualTo(201);
		assertThat(withBearer.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(exposed(withBearer)).contains(SECRET_HEADER.toLowerCase(Locale.ROOT));
	}

	@Test
	void aWriteFromThisSitesOwnPagesIsNotRefused() {
		String self = api.base();
		HttpResponse<String> sameOrigin = api.post(api.note("From this site's own page"), "Origin", self,
				"Sec-Fetch-Site", "same-origin");
		assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isEqualTo(201);
	}

	@Test
	void aCrossOriginWriteWithTheCookieAloneIsRefused() {
		String secret = api.note(null, "The cookie's author").secret();
		int before = stored();

		HttpResponse<String> cookie = api.post(api.note("Forged with the cookie"), "Origin", ORIGIN, "Cookie",
				"marginalia_author=" + secret);
		assertThat(cookie.statusCode()).as("no CSRF token").isEqualTo(403);
		assertThat(stored()).isEqualTo(before);

		HttpResponse<String> form = api.send("POST", api.container(), "{}", "Origin", ORIGIN, "Cookie",
				"marginalia_author=" + secret, "Content-Type", "text/plain");
		assertThat(form.statusCode()).isEqualTo(403);
		assertThat(stored()).isEqualTo(before);

		// an Authorization header that is not a bearer token does not stand in for one: the cookie still needs CSRF
		HttpResponse<String> basic = api.post(api.note("Forged with the cookie and Basic"), "Origin", ORIGIN,
				"Cookie", "marginalia_author=" + secret, "Authorization", "Basic YWRtaW46YWRtaW4=");
		assertThat(basic.statusCode()).as(basic.body()).isEqualTo(403);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void aPreflightForACookieCarryingWriteCannotEnableCredentials() {
		String secret = api.note(null, "The cookie's author").secret();
		HttpResponse<String> preflight = api.send("OPTIONS", api.container(), new byte[0], "Origin", ORIGIN,
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type", "Cookie",
				"marginalia_author=" + secret);
		assertThat(preflight.statusCode()).isIn(200, 204);
		// a browser sends credentials only if the answer names the origin and allows credentials: it does neither
		assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		HttpResponse<String> read = api.get(api.container(), "Origin", ORIGIN, "Cookie", "marginalia_author=" + secret);
		assertThat(read.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void pagesGetNoCorsHeaders() {
		String article = "/articles/" + ApiClient.SLUG;
		for (int i = 0; i < 2; i++) {
			// twice: the second answer may be the kept shared page
			HttpResponse<String> page = api.get(article, "Origin", ORIGIN, "Accept", "text/html");
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertCorsFree(page);
		}
		HttpResponse<String> preflight = api.send("OPTIONS", article + "/p/" + ApiClient.PARAGRAPH + "/notes",
				new byte[0], "Origin", ORIGIN, "Access-Control-Request-Method", "POST");
		assertCorsFree(preflight);
	}

	private HttpResponse<String> preflight(String path, String method, String headers) {
		return api.send("OPTIONS", path, new byte[0], "Origin", ORIGIN, "Access-Control-Request-Method", method,
				"Access-Control-Request-Headers", headers);
	}

	private int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	private static void assertCorsFree(HttpResponse<String> response) {
		assertThat(response.headers().map().keySet())
			.noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"));
	}

	private static List<String> exposed(HttpResponse<String> response) {
		return list(response, "Access-Control-Expose-Headers");
	}

	/** The comma-separated values of every line of the header, lower-cased. */
	private static List<String> list(HttpResponse<String> response, String name) {
		return response.headers()
			.allValues(name)
			.stream()
			.flatMap(value -> Arrays.stream(value.split(",")))
			.map(value -> value.strip().toLowerCase(Locale.ROOT))
			.filter(value -> !value.isEmpty())
			.toList();
	}

	private static List<String> lowerCase(List<String> names) {
		return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
	}

}
