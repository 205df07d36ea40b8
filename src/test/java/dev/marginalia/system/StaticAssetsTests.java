package dev.marginalia.system;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import dev.marginalia.support.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** CSS and scripts under content-hashed URLs, cached for a year and gzipped; the plain URLs still answer. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class StaticAssetsTests {

	private static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	private static final Pattern RELATIVE_IMPORT = Pattern.compile("(?m)^import\\s+(?:[^'\"]*from\\s+)?'(\\./[^']+)'");

	@LocalServerPort
	int port;

	WebClient web;

	@BeforeEach
	void client() {
		web = new WebClient(port);
	}

	@Test
	void pagesLinkTheVersionedStylesheetAndScript() {
		Document page = web.page(ARTICLE).html();
		String css = page.selectFirst("link[rel=stylesheet]").attr("href");
		String js = page.selectFirst("script[type=module]").attr("src");
		assertThat(css).matches("/css/[0-9a-f]{12}/site\\.css");
		assertThat(js).matches("/js/[0-9a-f]{12}/site\\.js");
		assertThat(version(css)).isEqualTo(version(js));
		assertThat(page.selectFirst("link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
	}

	@Test
	void versionedFilesAreImmutableForAYearGzippedAndTheSameBytesAsThePlainOnes() {
		String css = web.page(ARTICLE).html().selectFirst("link[rel=stylesheet]").attr("href");
		HttpResponse<byte[]> versioned = web.getBytes(css, "Accept-Encoding", "gzip");
		assertThat(versioned.statusCode()).isEqualTo(200);
		assertThat(versioned.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=31536000")
			.contains("immutable");
		assertThat(versioned.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(versioned.headers().firstValue("Content-Encoding")).hasValue("gzip");
		HttpResponse<byte[]> plain = web.getBytes("/css/site.css");
		assertThat(plain.statusCode()).isEqualTo(200);
		assertThat(gunzip(versioned.body())).isEqualTo(plain.body());
	}

	@Test
	void everyModuleTheScriptImportsIsServedFromTheSameVersionedFolder() {
		String site = web.page(ARTICLE).html().selectFirst("script[type=module]").attr("src");
		String folder = site.substring(0, site.lastIndexOf('/') + 1);
		List<String> seen = new ArrayList<>();
		List<String> toFetch = new ArrayList<>(List.of(site));
		while (!toFetch.isEmpty()) {
			String url = toFetch.remove(0);
			if (seen.contains(url)) {
				continue;
			}
			seen.add(url);
			HttpResponse<byte[]> module = web.getBytes(url, "Accept-Encoding", "gzip");
			assertThat(module.statusCode()).as(url).isEqualTo(200);
			assertThat(module.headers().firstValue("Content-Type").orElseThrow()).as(url).contains("javascript");
			assertThat(module.headers().firstValue("Cache-Control").orElseThrow()).as(url).contains("immutable");
			String body = new String(module.headers().firstValue("Content-Encoding").isPresent()
					? gunzip(module.body()) : module.body(), StandardCharsets.UTF_8);
			Matcher imports = RELATIVE_IMPORT.matcher(body);
			while (imports.find()) {
				toFetch.add(folder + imports.group(1).substring(2));
			}
		}
		assertThat(seen).as("site.js and the twelve modules it imports").hasSize(13);
	}

	@Test
	void plainUrlsStillAnswerAndAreRevalidatedOnEveryUse() {
		for (String path : List.of("/css/site.css", "/js/notes.js", "/favicon.svg")) {
			HttpResponse<byte[]> plain = web.getBytes(path);
			assertThat(plain.statusCode()).as(path).isEqualTo(200);
			assertThat(plain.headers().firstValue("Cache-Control").orElseThrow()).as(path).contains("no-cache")
				.doesNotContain("immutable");
		}
	}

	@Test
	void anOldOrMadeUpVersionIsNotFound() {
		assertThat(web.getBytes("/css/000000000000/site.css").statusCode()).isEqualTo(404);
		assertThat(web.getBytes("/js/000000000000/site.js").statusCode()).isEqualTo(404);
	}

	private static String version(String url) {
		return url.split("/")[2];
	}

	private static byte[] gunzip(byte[] gzipped) {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
