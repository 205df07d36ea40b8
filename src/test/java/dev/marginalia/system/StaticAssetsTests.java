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
import org.springframework.util.DigestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CSS and scripts under content-hashed URLs (Spring's resource chain: the MD5 of each file in its name), cached for a
 * year and gzipped; the plain URLs still answer, revalidated, and the modules the script imports are fetched there.
 */
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
		assertThat(css).matches("/css/site-[0-9a-f]{32}\\.css");
		assertThat(js).matches("/js/site-[0-9a-f]{32}\\.js");
		assertThat(version(css)).as("the MD5 of the file").isEqualTo(md5(web.getBytes("/css/site.css").body()));
		assertThat(version(js)).as("the MD5 of the file").isEqualTo(md5(web.getBytes("/js/site.js").body()));
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

	/**
	 * The script's relative imports ({@code ./notes.js}) name the modules' plain URLs, beside the versioned script:
	 * each is revalidated by an ETag of its content, so that a changed module is fetched again even where the script
	 * that imports it did not change (Spring versions each file by its own bytes).
	 */
	@Test
	void everyModuleTheScriptImportsIsServedBesideItAndRevalidated() {
		String site = web.page(ARTICLE).html().selectFirst("script[type=module]").attr("src");
		assertThat(web.getBytes(site).headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
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
			if (!url.equals(site)) {
				assertThat(module.headers().firstValue("Cache-Control").orElseThrow()).as(url).contains("no-cache");
				String tag = module.headers().firstValue("ETag").orElseThrow();
				assertThat(web.getBytes(url, "If-None-Match", tag).statusCode()).as(url).isEqualTo(304);
			}
			String body = new String(module.headers().firstValue("Content-Encoding").isPresent()
					? gunzip(module.body()) : module.body(), StandardCharsets.UTF_8);
			Matcher imports = RELATIVE_IMPORT.matcher(body);
			while (imports.find()) {
				toFetch.add(folder + imports.group(1).substring(2));
			}
		}
		assertThat(seen).as("site.js and the eight modules it imports").hasSize(9);
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
		assertThat(web.getBytes("/css/site-" + "0".repeat(32) + ".css").statusCode()).isEqualTo(404);
		assertThat(web.getBytes("/js/site-" + "0".repeat(32) + ".js").statusCode()).isEqualTo(404);
	}

	private static String version(String url) {
		return url.substring(url.lastIndexOf('-') + 1, url.lastIndexOf('.'));
	}

	private static String md5(byte[] bytes) {
		return DigestUtils.md5DigestAsHex(bytes);
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
