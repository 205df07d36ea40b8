package dev.marginalia.annotations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container's pages for clients without credentials are kept and compressed once: what is kept must never be
 * out of date, never hold a private note, and be byte for byte what the page is, both ways it is sent.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=shared-api-pages")
class SharedApiPagesTests {

	@LocalServerPort
	int port;

	ApiClient api;

	WebClient web;

	@BeforeEach
	void client() {
		api = new ApiClient(port);
		web = new WebClient(port);
	}

	@Test
	void aNewNoteIsOnTheNextPageServedAtOnce() {
		String page = api.container() + "?iris=1&page=0";
		int before = json(api.get(page)).get("items").size();
		json(api.get(page));
		String iri = api.note(null, "Written after the page was kept").iri();
		JsonNode after = json(api.get(page));
		assertThat(after.get("partOf").get("total").intValue()).isEqualTo(before + 1);
		assertThat(after.toString()).contains(iri);
	}

	@Test
	void aPrivateNoteIsOnItsAuthorsPageAndNeverOnTheKeptOne() {
		ApiClient.Created mine = api.note(null, "Public, so that I have a secret");
		String privateIri = api.create(mine.secret(), api.note(ApiClient.PARAGRAPH, "Private, kept out",
				", \"marginalia:visibility\": \"private\"")).iri();
		String page = api.container() + "?iris=1&page=0";
		String lastPage = json(api.get(page, "Authorization", "Bearer " + mine.secret())).get("partOf").get("last").stringValue();
		assertThat(api.get(lastPage, "Authorization", "Bearer " + mine.secret()).body()).contains(privateIri);
		assertThat(api.get(lastPage).body()).doesNotContain(privateIri);
		// the author's request right after the kept one is still their own page
		assertThat(api.get(lastPage, "Authorization", "Bearer " + mine.secret()).body()).contains(privateIri);
	}

	@Test
	void theGzipBytesAreThePageAndEachWayHasItsOwnTagAnd304() throws IOException {
		api.note(null, "A note so that the page is not empty");
		String page = api.containerIri() + "?iris=0&page=0";
		HttpResponse<String> plain = api.get(page);
		HttpResponse<byte[]> gzip = web.getBytes(page, "Accept-Encoding", "gzip");
		assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes(),
				StandardCharsets.UTF_8)).isEqualTo(plain.body());
		assertThat(String.join(", ", gzip.headers().allValues("Vary"))).contains("Accept-Encoding")
			.contains("Authorization")
			.contains("Cookie");
		assertThat(String.join(", ", plain.headers().allValues("Vary"))).contains("Accept-Encoding");
		String plainTag = header(plain, "ETag");
		String gzipTag = header(gzip, "ETag");
		assertThat(plainTag).startsWith("\"").isNotEqualTo(gzipTag);
		assertThat(api.get(page, "If-None-Match", plainTag).statusCode()).isEqualTo(304);
		assertThat(web.getBytes(page, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode()).isEqualTo(304);
		assertThat(header(plain, "Content-Location")).isEqualTo(page);
	}

	@Test
	void aPageBeyondTheLastIsStillA404Problem() {
		HttpResponse<String> response = api.get(api.container() + "?page=999");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
	}

	private static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
	}

}
