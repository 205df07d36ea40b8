package dev.marginalia.reading;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
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
 * The article page served from what was rendered before: what one reader's page holds never reaches another,
 * every change shows on the next load, revalidation and compression.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ArticlePageCacheTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	WebClient web;

	@BeforeEach
	void clear() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
	}

	@Test
	void aReaderWithoutCookiesGetsTheSharedPageWithNoTokenAndNoCookie() {
		HttpResponse<byte[]> first = get(ARTICLE, Map.of());
		HttpResponse<byte[]> second = get(ARTICLE, Map.of());
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(text(first)).doesNotContain("_csrf").doesNotContain(ArticlePages.TOKEN_PLACEHOLDER)
			.doesNotContain(ArticlePages.FLASH_MARKER);
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(first.headers().allValues("Vary").toString()).contains("Cookie").contains("Accept-Encoding");
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
	}

	@Test
	void theGzipBytesAreTheIdentityBytesCompressed() throws IOException {
		HttpResponse<byte[]> identity = get(ARTICLE, Map.of());
		HttpResponse<byte[]> gzip = get(ARTICLE, Map.of("Accept-Encoding", "br;q=1, gzip;q=0.8"));
		assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(gzip.body().length).isLessThan(identity.body().length / 2);
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(identity.body());
		}
		assertThat(gzip.headers().firstValue("ETag")).isNotEqualTo(identity.headers().firstValue("ETag"));
		assertThat(get(ARTICLE, Map.of("Accept-Encoding", "gzip;q=0")).headers().firstValue("Content-Encoding")).isEmpty();
	}

	@Test
	void aConditionalGetWithTheCurrentTagIsAnswered304AndANewNoteChangesTheTag() {
		String tag = get(ARTICLE, Map.of()).headers().firstValue("ETag").orElseThrow();
		HttpResponse<byte[]> notModified = get(ARTICLE, Map.of("If-None-Match", tag));
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		assertThat(notModified.headers().firstValue("ETag")).hasValue(tag);
		String gzipTag = get(ARTICLE, Map.of("Accept-Encoding", "gzip")).headers().firstValue("ETag").orElseThrow();
		assertThat(get(ARTICLE, Map.of("Accept-Encoding", "gzip", "If-None-Match", gzipTag)).statusCode()).isEqualTo(304);
		assertThat(get(ARTICLE, Map.of("If-None-Match", gzipTag)).statusCode()).as("another representation").isEqualTo(200);

		commands.create(SLUG, BLOCK, new NewNote("A new public note", null, "public"), author());
		HttpResponse<byte[]> changed = get(ARTICLE, Map.of("If-None-Match", tag));
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(text(changed)).contains("A new public note");
	}

	@Test
	void theSharePageIsTheSameForEveryReaderAndRevalidates() {
		String share = "/articles/" + SLUG + "/p/" + BLOCK;
		HttpResponse<byte[]> page = get(share, Map.of());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(text(page)).doesNotContain("_csrf");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String tag = page.headers().firstValue("ETag").orElseThrow();
		assertThat(get(share, Map.of("If-None-Match", tag)).statusCode()).isEqualTo(304);
		assertThat(get(share, Map.of("If-None-Match", tag, "Cookie", "XSRF-TOKEN=x")).statusCode()).isEqualTo(304);
	}

	@Test
	void aReadersPageRevalidatesPrivatelyWithTheirToken() {
		Reader ada = Reader.writing(this, "Ada's public note", "public");
		HttpResponse<byte[]> page = ada.get(ARTICLE);
		assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("private").contains("no-cache");
		String tag = page.headers().firstValue("ETag").orElseThrow();
		assertThat(ada.get(ARTICLE, Map.of("If-None-Match", tag)).statusCode()).isEqualTo(304);
		// the same page with another token is another representation
		HttpResponse<byte[]> otherToken = get(ARTICLE, Map.of("Cookie", "marginalia_author=" + ada.secret
				+ "; XSRF-TOKEN=another-token", "If-None-Match", tag));
		assertThat(otherToken.statusCode()).isEqualTo(200);
		assertThat(text(otherToken)).contains("content=\"another-token\"");
	}

	@Test
	void privateNotesAndTokensNeverReachAnotherReader() {
		Reader ada = Reader.writing(this, "Ada's private thought", "private");
		Reader bob = Reader.writing(this, "Bob's public note", "public");
		for (int round = 0; round < 2; round++) {
			// in either order, from a cold and from a warm cache
			Document adas = ada.page(ARTICLE);
			Document bobs = bob.page(ARTICLE);
			Document anonymous = Jsoup.parse(text(get(ARTICLE, Map.of())));
			Document cookieOnly = Jsoup.parse(text(get(ARTICLE, Map.of("Cookie", "XSRF-TOKEN=carols-token"))));

			assertThat(adas.text()).contains("Ada's private thought", "Bob's public note");
			assertThat(bobs.text()).contains("Bob's public note").doesNotContain("Ada's private thought");
			assertThat(anonymous.text()).contains("Bob's public note").doesNotContain("Ada's private thought");
			assertThat(cookieOnly.text()).doesNotContain("Ada's private thought");

			assertThat(tokens(adas)).containsOnly(ada.token);
			assertThat(tokens(bobs)).containsOnly(bob.token);
			assertThat(tokens(cookieOnly)).containsOnly("carols-token");
			assertThat(tokens(anonymous)).isEmpty();
			assertThat(ada.token).isNotEqualTo(bob.token);
			// only the writer may edit or delete: the controls are on their page alone
			assertThat(adas.select("form[data-action=delete]")).hasSize(1);
			assertThat(bobs.select("form[data-action=delete]")).hasSize(1);
			assertThat(anonymous.select("form[data-action=delete]")).isEmpty();
		}
	}

	@Test
	void aNoteShowsOnTheNextLoadForEveryone() {
		Reader ada = Reader.writing(this, "First note", "public");
		Reader bob = Reader.writing(this, "Bob was here", "public");
		assertThat(text(get(ARTICLE, Map.of()))).contains("First note");
		assertThat(ada.page(ARTICLE).text()).contains("Bob was here");
		String body = "Written after the pages were kept";
		bob.post("/articles/" + SLUG + "/p/" + BLOCK + "/notes", Map.of("body", body, "visibility", "public"));
		assertThat(text(get(ARTICLE, Map.of()))).contains(body);
		assertThat(ada.page(ARTICLE).text()).contains(body);
		assertThat(bob.page(ARTICLE + "?done=added").select(".flash").text()).isEqualTo("Your note was added.");
	}

	@Test
	void theFirstWriteNeedsNoTokenAndThePageAfterItCarriesTheWritersToken() {
		HttpResponse<byte[]> written = post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "From a page without a token", "visibility", "public"), Map.of());
		assertThat(written.statusCode()).isEqualTo(303);
		String cookie = written.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		HttpResponse<byte[]> next = get(written.headers().firstValue("Location").orElseThrow(), Map.of("Cookie", cookie));
		String xsrf = next.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		Document page = Jsoup.parse(text(next));
		assertThat(page.selectFirst("meta[name=_csrf]").attr("content")).isEqualTo(xsrf.substring(xsrf.indexOf('=') + 1));
		assertThat(page.select("form[data-action=delete] input[name=_csrf]").eachAttr("value"))
			.containsOnly(xsrf.substring(xsrf.indexOf('=') + 1)).hasSize(1);
	}

	@Test
	void aParagraphWithManyNotesShowsTheNewestFewAndPagesTheRest() {
		for (int i = 1; i <= 60; i++) {
			commands.create(SLUG, BLOCK, new NewNote("Note number " + i + ".", null, "public"), author());
		}
		Document page = Jsoup.parse(text(get(ARTICLE, Map.of())));
		var aside = page.getElementById("notes-" + BLOCK);
		assertThat(aside.select("ol.threads > li.thread")).hasSize(3);
		assertThat(aside.select(".note-body").eachText()).containsExactly("Note number 58.", "Note number 59.",
				"Note number 60.");
		assertThat(aside.selectFirst(".notes-earlier a").text()).isEqualTo("57 earlier notes");
		assertThat(page.selectFirst("[data-notes-toggle=notes-" + BLOCK + "]").text()).contains("60 notes");

		String paragraph = "/articles/" + SLUG + "/p/" + BLOCK + "/notes";
		Document first = Jsoup.parse(text(get(paragraph, Map.of())));
		assertThat(first.select("ol.threads > li.thread")).hasSize(NoteQueries.PARAGRAPH_PAGE);
		assertThat(first.select("ol.threads .note-body").first().text()).isEqualTo("Note number 1.");
		String next = first.selectFirst(".pager a[rel=next]").attr("href");
		assertThat(next).isEqualTo(paragraph + "?page=2");
		Document second = Jsoup.parse(text(get(next, Map.of())));
		assertThat(second.select("ol.threads .note-body").eachText()).hasSize(10).first().isEqualTo("Note number 51.");
		assertThat(second.selectFirst(".pager a[rel=prev]").attr("href")).isEqualTo(paragraph + "?page=1");
		assertThat(second.select(".pager a[rel=next]")).isEmpty();
		assertThat(get(paragraph + "?page=99", Map.of()).statusCode()).isEqualTo(200);
	}

	private Author author() {
		return queries.author(AuthorSecrets.newSecret());
	}

	private static List<String> tokens(Document page) {
		List<String> tokens = new ArrayList<>(page.select("meta[name=_csrf]").eachAttr("content"));
		tokens.addAll(page.select("input[name=_csrf]").eachAttr("value"));
		return tokens;
	}

	HttpResponse<byte[]> get(String path, Map<String, String> headers) {
		HttpRequest.Builder request = web.request(path).GET();
		headers.forEach(request::header);
		return web.sendForBytes(request);
	}

	HttpResponse<byte[]> post(String path, Map<String, String> form, Map<String, String> headers) {
		String body = form.entrySet().stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = web.request(path)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		headers.forEach(request::header);
		return web.sendForBytes(request);
	}

	static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	/** A browser: its author cookie and its CSRF cookie, sent with everything. */
	static final class Reader {

		final ArticlePageCacheTests test;

		final String secret;

		final String token;

		private Reader(ArticlePageCacheTests test, String secret, String token) {
			this.test = test;
			this.secret = secret;
			this.token = token;
		}

		/** A reader whose first act is to write a note (no cookies: no token needed). */
		static Reader writing(ArticlePageCacheTests test, String body, String visibility) {
			HttpResponse<byte[]> written = test.post(ARTICLE + "/p/" + BLOCK + "/notes",
					Map.of("body", body, "visibility", visibility), Map.of());
			assertThat(written.statusCode()).isEqualTo(303);
			String secret = written.headers().firstValue("Marginalia-Author-Secret").orElseThrow();
			HttpResponse<byte[]> page = test.get(ARTICLE, Map.of("Cookie", "marginalia_author=" + secret));
			String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
			return new Reader(test, secret, cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';')));
		}

		HttpResponse<byte[]> get(String path) {
			return get(path, Map.of());
		}

		HttpResponse<byte[]> get(String path, Map<String, String> headers) {
			Map<String, String> all = new java.util.HashMap<>(headers);
			all.put("Cookie", "marginalia_author=" + secret + "; XSRF-TOKEN=" + token);
			return test.get(path, all);
		}

		Document page(String path) {
			HttpResponse<byte[]> response = get(path);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
			return Jsoup.parse(text(response));
		}

		void post(String path, Map<String, String> form) {
			Map<String, String> all = new java.util.HashMap<>(form);
			all.put("_csrf", token);
			HttpResponse<byte[]> response = test.post(path, all,
					Map.of("Cookie", "marginalia_author=" + secret + "; XSRF-TOKEN=" + token));
			assertThat(response.statusCode()).isEqualTo(303);
		}

	}

}
