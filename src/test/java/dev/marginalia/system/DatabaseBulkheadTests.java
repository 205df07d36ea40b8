package dev.marginalia.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.marginalia.support.WebClient;
import dev.marginalia.database.DatabaseUnavailableAnswer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulkhead full (here: no request may use the database at all): what needs the database is answered 503 with
 * {@code Retry-After} at once, as a page or as problem details that a page on another origin can read, and nothing is
 * stored; what needs no database (static files, health) passes by it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.database.max-concurrent-requests=0")
class DatabaseBulkheadTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
	}

	@Test
	void aPageThatNeedsTheDatabaseSaysWhenToTryAgainAndItsStylesheetStillLoads() {
		WebClient.Page page = web.page(ARTICLE + "/p/p-AarAar/notes");
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.response().headers().firstValue("Retry-After")).hasValue("5");
		assertThat(page.response().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		// the page went through Spring Security like any other
		assertThat(page.response().headers().firstValue("Content-Security-Policy")).isPresent();
		Document html = page.html();
		assertThat(html.select("h1").text()).isEqualTo("The notes are unavailable for a moment");
		assertThat(html.select("main").text()).contains("Nothing saved before is lost").contains("try again in 5 seconds");
		String stylesheet = html.selectFirst("link[rel=stylesheet]").attr("href");
		assertThat(stylesheet).matches("/css/[0-9a-f]{12}/site\\.css");
		assertThat(web.get(stylesheet).statusCode()).isEqualTo(200);
		assertThat(web.get("/css/site.css").statusCode()).isEqualTo(200);
		assertThat(web.get("/favicon.svg").statusCode()).isEqualTo(200);
	}

	@Test
	void aFormPostIsRefusedWithThePageAndNothingIsStored() {
		int before = stored();
		HttpResponse<String> refused = web.send(HttpRequest.newBuilder(URI.create(web.base() + ARTICLE + "/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=not+now"))
			.build());
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(Jsoup.parse(refused.body()).select("main").text()).contains("it was not saved");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void theApiAnswersWithProblemDetailsThatAnotherOriginCanRead() {
		HttpResponse<String> refused = web.send(HttpRequest.newBuilder(URI.create(web.base()
				+ "/api/articles/stability-a-rare-strategic-resource/annotations/"))
			.header("Origin", "http://other.example")
			.header("Accept", "application/ld+json")
			.GET()
			.build());
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(refused.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
				+ "\"detail\":\"" + DatabaseUnavailableAnswer.DETAIL + "\","
				+ "\"instance\":\"/api/articles/stability-a-rare-strategic-resource/annotations/\",\"retryAfter\":5}");
		assertThat(refused.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(String.join(",", refused.headers().allValues("Access-Control-Expose-Headers")).toLowerCase())
			.contains("retry-after");
	}

	@Test
	void healthNeedsNoPermit() {
		assertThat(web.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(web.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

}
