package dev.marginalia.limits;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** One client may write only so fast; over the limit it is told when to try again, and nothing is stored. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "marginalia.limits.writes-per-minute=3", "marginalia.limits.writes-per-day=200" })
class WriteLimitsTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static final String CONTAINER = "/api/articles/stability-a-rare-strategic-resource/annotations/";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WriteLimiter limits;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		limits.forget();
	}

	HttpResponse<String> write(String accept, String path, String contentType, String body) {
		return web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
			.header("Content-Type", contentType)
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	@Test
	void theFourthWriteInAMinuteIsRefusedWithAPageThatSaysWhenToTryAgain() {
		for (int i = 0; i < 3; i++) {
			assertThat(write("text/html", ARTICLE + "/p/p-AarAar/notes", "application/x-www-form-urlencoded", "body=n" + i)
				.statusCode()).isEqualTo(303);
		}
		int before = stored();
		HttpResponse<String> refused = write("text/html", ARTICLE + "/p/p-AarAar/notes", "application/x-www-form-urlencoded", "body=one+too+many");
		assertThat(refused.statusCode()).isEqualTo(429);
		long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 60L);
		var page = Jsoup.parse(refused.body());
		assertThat(page.select("h1").text()).isEqualTo("Please slow down");
		assertThat(page.select("main").text()).contains("try again in " + retryAfter + " seconds");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void theApiAnswersWithProblemDetails() {
		HttpResponse<String> last = null;
		for (int i = 0; i < 4; i++) {
			last = write("application/ld+json", CONTAINER, "application/ld+json", annotation());
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(last.body()).contains("\"status\":429");
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void aPageOnAnotherOriginCanReadWhenToTryAgain() {
		HttpResponse<String> last = null;
		for (int i = 0; i < 4; i++) {
			last = web.send(HttpRequest.newBuilder(URI.create(web.base() + CONTAINER))
				.header("Origin", "http://other.example")
				// a page on another origin writes with a bearer token (without one it is refused before counting)
				.header("Authorization", "Bearer not-a-known-secret")
				.header("Content-Type", "application/ld+json")
				.POST(HttpRequest.BodyPublishers.ofString(annotation()))
				.build());
		}
		assertThat(last.statusCode()).isEqualTo(429);
		assertThat(last.headers().firstValue("Retry-After")).isPresent();
		assertThat(last.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(String.join(",", last.headers().allValues("Access-Control-Expose-Headers")).toLowerCase())
			.contains("retry-after");
		assertThat(last.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	@Test
	void aPreflightIsNotAWrite() {
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> preflight = web.send(HttpRequest.newBuilder(URI.create(web.base() + CONTAINER))
				.header("Origin", "http://other.example")
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "authorization, content-type")
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.build());
			assertThat(preflight.statusCode()).isIn(200, 204);
			assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		}
		for (int i = 0; i < 3; i++) {
			assertThat(write("application/ld+json", CONTAINER, "application/ld+json", annotation()).statusCode())
				.isEqualTo(201);
		}
	}

	@Test
	void colourChangesGoThroughTheSameLimits() {
		String passage = "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\","
				+ "\"bodyValue\":\"hi\",\"target\":{\"source\":\"" + web.base() + ARTICLE + "\",\"styleClass\":\"%s\","
				+ "\"selector\":{\"type\":\"FragmentSelector\",\"value\":\"p-AarAar\",\"refinedBy\":"
				+ "{\"type\":\"TextQuoteSelector\",\"exact\":\"lost its legitimacy\"}}}}";
		HttpResponse<String> created = write("application/ld+json", CONTAINER, "application/ld+json",
				passage.formatted("marginalia-green"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String secret = created.headers().firstValue("Marginalia-Author-Secret").orElseThrow();
		String location = URI.create(web.base()).resolve(created.headers().firstValue("Location").orElseThrow()).toString();
		String etag = created.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> last = null;
		for (String colour : new String[] { "marginalia-blue", "marginalia-pink", "marginalia-purple" }) {
			last = web.send(HttpRequest.newBuilder(URI.create(location))
				.header("Content-Type", "application/ld+json")
				.header("Authorization", "Bearer " + secret)
				.header("If-Match", etag)
				.PUT(HttpRequest.BodyPublishers.ofString(passage.formatted(colour)))
				.build());
			etag = last.headers().firstValue("ETag").orElse(etag);
		}
		assertThat(last.statusCode()).as("the fourth write of the minute").isEqualTo(429);
		assertThat(jdbc.sql("SELECT colour FROM notes WHERE id = :id")
			.param("id", location.substring(location.lastIndexOf('/') + 1))
			.query(String.class)
			.single()).as("the third write's colour")
			.isEqualTo("pink");
	}

	private String annotation() {
		return "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\","
				+ "\"body\":{\"type\":\"TextualBody\",\"value\":\"hi\",\"format\":\"text/markdown\"},"
				+ "\"target\":{\"source\":\"" + web.base() + ARTICLE
				+ "\",\"selector\":{\"type\":\"FragmentSelector\",\"value\":\"p-AarAar\"}}}";
	}

	@Test
	void behindAProxyEachClientIsCountedByTheAddressTheProxyGives() {
		for (int i = 0; i < 3; i++) {
			assertThat(writeVia("203.0.113.7", "body=n" + i).statusCode()).isEqualTo(303);
		}
		assertThat(writeVia("203.0.113.7", "body=one+too+many").statusCode()).isEqualTo(429);
		assertThat(writeVia("203.0.113.8", "body=another+reader").statusCode()).isEqualTo(303);
	}

	private HttpResponse<String> writeVia(String client, String form) {
		return web.send(HttpRequest.newBuilder(URI.create(web.base() + ARTICLE + "/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.header("X-Forwarded-For", client)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	@Test
	void aReactionIsAWriteLikeAnyOther() {
		HttpResponse<String> written = write("text/html", ARTICLE + "/p/p-AarAar/notes",
				"application/x-www-form-urlencoded", "body=Useful+or+not");
		String location = written.headers().firstValue("Location").orElseThrow();
		String useful = ARTICLE + "/notes/" + location.substring(location.indexOf("#note-") + 6) + "/useful";
		// the note's author has a cookie now; these presses come from the same address without one
		for (int i = 0; i < 2; i++) {
			assertThat(write("text/html", useful, "application/x-www-form-urlencoded", "pressed=true").statusCode())
				.isEqualTo(303);
		}
		HttpResponse<String> refused = write("text/html", useful, "application/x-www-form-urlencoded", "pressed=false");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_reactions").query(Integer.class).single())
			.as("the refused press took nothing back").isEqualTo(1);
	}

	@Test
	void readingIsNeverLimited() {
		for (int i = 0; i < 10; i++) {
			assertThat(web.get(ARTICLE).statusCode()).isEqualTo(200);
		}
	}

}
