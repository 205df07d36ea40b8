package dev.marginalia.notes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
import dev.marginalia.support.WebClient.Page;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Notes through the plain HTML forms, as a browser without JavaScript sends them, over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotePagesTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
		jdbc.sql("DELETE FROM authors").update();
	}

	int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	/** A reader with their own cookie jar, who loads pages and sends forms with the page's CSRF token. */
	final class Reader {

		final Map<String, String> cookies = new LinkedHashMap<>();

		String csrf = "";

		Document page(String path) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET());
			Document html = Jsoup.parse(response.body(), web.base() + path);
			Element meta = html.selectFirst("meta[name=_csrf]");
			if (meta != null) {
				csrf = meta.attr("content");
			}
			return html;
		}

		HttpResponse<String> post(String path, Map<String, String> fields) {
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", csrf);
			return postRaw(path, all);
		}

		HttpResponse<String> postRaw(String path, Map<String, String> fields) {
			String form = fields.entrySet().stream()
				.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		HttpResponse<String> send(HttpRequest.Builder request) {
			request.header("Accept", "text/html");
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
					.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> response = web.send(request.build());
			for (String header : response.headers().allValues("Set-Cookie")) {
				String pair = header.split(";", 2)[0];
				cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
			return response;
		}

		/** Writes a note from the paragraph's notes page, as a reader does, and returns its id. */
		String write(String body, String name, String visibility) {
			page(ARTICLE + "/p/" + BLOCK + "/notes");
			HttpResponse<String> response = post(ARTICLE + "/p/" + BLOCK + "/notes",
					Map.of("body", body, "authorName", name, "visibility", visibility));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
			String location = response.headers().firstValue("Location").orElseThrow();
			return location.substring(location.indexOf("#note-") + 6);
		}

	}

	URI uri(String path) {
		return URI.create(web.base() + path);
	}

	@Test
	void aReaderWithoutJavaScriptAddsANoteAndSeesItBesideTheParagraph() {
		Reader ada = new Reader();
		ada.page(ARTICLE);
		HttpResponse<String> response = ada.post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "A *fair* point.", "authorName", "Ada", "visibility", "public"));

		assertThat(response.statusCode()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*" + ARTICLE + "\\?done=added#note-[A-Za-z0-9_-]{22}");
		String cookie = response.headers().allValues("Set-Cookie").stream()
			.filter(value -> value.startsWith(AuthorCookie.NAME + "=")).findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly", "SameSite=Lax", "Path=/");

		String id = location.substring(location.indexOf("#note-") + 6);
		Document article = ada.page(ARTICLE + "?done=added");
		Element note = article.getElementById("note-" + id);
		assertThat(note).isNotNull();
		assertThat(note.closest("aside.notes").id()).isEqualTo("notes-" + BLOCK);
		assertThat(note.closest(".block").child(0).id()).isEqualTo(BLOCK);
		assertThat(note.select(".note-body em").text()).isEqualTo("fair");
		assertThat(note.select(".note-author").text()).isEqualTo("Ada");
		assertThat(article.select(".flash").text()).isEqualTo("Your note was added.");
		assertThat(article.select("#notes-" + BLOCK).first().parent().selectFirst(".note-count").text())
			.startsWith("✎ 1 note");
		assertThat(note.select("a[data-action=edit], form[data-action=delete]")).hasSize(2);
	}

	@Test
	void aFormSentWithTheReadersCookiesButWithoutTheTokenIsRefused() {
		Reader ada = new Reader();
		ada.write("first", "Ada", "public");
		int before = stored();
		HttpResponse<String> forged = ada.postRaw(ARTICLE + "/p/" + BLOCK + "/notes", Map.of("body", "forged"));
		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<String> wrongToken = ada.postRaw(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "forged", "_csrf", "not-the-token"));
		assertThat(wrongToken.statusCode()).isEqualTo(403);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void badInputShowsTheFormAgainWithTheMessageBesideTheFieldAndStoresNothing() {
		Reader ada = new Reader();
		ada.page(ARTICLE + "/p/" + BLOCK + "/notes");
		int before = stored();

		HttpResponse<String> empty = ada.post(ARTICLE + "/p/" + BLOCK + "/notes", Map.of("body", "   ", "authorName", "Ada"));
		assertThat(empty.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(empty.body());
		Element body = form.getElementById("new-body");
		assertThat(body.attr("aria-invalid")).isEqualTo("true");
		assertThat(form.getElementById("new-body-error").text()).contains("cannot be empty");
		assertThat(body.attr("aria-describedby")).contains("new-body-error");
		assertThat(form.getElementById("new-name").val()).isEqualTo("Ada");
		assertThat(form.select(".form-errors a[href=#new-body]")).hasSize(1);

		String tooLong = "y".repeat(10_001);
		HttpResponse<String> longBody = ada.post(ARTICLE + "/p/" + BLOCK + "/notes", Map.of("body", tooLong));
		assertThat(longBody.statusCode()).isEqualTo(400);
		Document again = Jsoup.parse(longBody.body());
		assertThat(again.getElementById("new-body-error").text()).contains("at most 10000");
		assertThat(again.getElementById("new-body").text()).as("what was typed is kept").isEqualTo(tooLong);

		HttpResponse<String> longName = ada.post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "fine", "authorName", "n".repeat(81)));
		assertThat(longName.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(longName.body()).getElementById("new-name-error").text()).contains("80");

		HttpResponse<String> visibility = ada.post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "fine", "visibility", "everyone-and-their-dog"));
		assertThat(visibility.statusCode()).isEqualTo(400);

		HttpResponse<String> control = ada.post(ARTICLE + "/p/" + BLOCK + "/notes", Map.of("body", "bell \u0007 here"));
		assertThat(control.statusCode()).isEqualTo(400);

		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void unknownArticlesParagraphsAndNotesAreNotFound() {
		Reader ada = new Reader();
		// a page with a form (the article page of a reader without cookies has no token: see ArticlePageCacheTests)
		ada.page(ARTICLE + "/p/" + BLOCK + "/notes");
		assertThat(ada.send(HttpRequest.newBuilder(uri(ARTICLE + "/p/p-nothere/notes")).GET()).statusCode()).isEqualTo(404);
		assertThat(ada.send(HttpRequest.newBuilder(uri("/articles/nothing/p/" + BLOCK + "/notes")).GET()).statusCode()).isEqualTo(404);
		assertThat(ada.post(ARTICLE + "/p/p-nothere/notes", Map.of("body", "x")).statusCode()).isEqualTo(404);
		assertThat(ada.send(HttpRequest.newBuilder(uri(ARTICLE + "/notes/nosuchnote/reply")).GET()).statusCode()).isEqualTo(404);
		assertThat(ada.post(ARTICLE + "/notes/nosuchnote/replies", Map.of("body", "x")).statusCode()).isEqualTo(404);
		assertThat(stored()).isZero();
	}

	@Test
	void oversizedAndBadlyEncodedRequestsAreClientErrors() {
		int before = stored();
		HttpResponse<String> huge = web.send(HttpRequest.newBuilder(uri(ARTICLE + "/p/" + BLOCK + "/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("body=" + "z".repeat(70_000)))
			.build());
		assertThat(huge.statusCode()).isEqualTo(413);
		HttpResponse<String> invalidUtf8 = web.send(HttpRequest.newBuilder(uri(ARTICLE + "/p/" + BLOCK + "/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] { 'b', 'o', 'd', 'y', '=', '%', 'C', '3', '%', '2', '8', (byte) 0xFF }))
			.build());
		assertThat(invalidUtf8.statusCode()).isBetween(400, 499);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void twoReadersCannotTouchEachOthersNotes() {
		Reader ada = new Reader();
		Reader bob = new Reader();
		String id = ada.write("Ada's note", "Ada", "public");

		Document bobsView = bob.page(ARTICLE);
		Element note = bobsView.getElementById("note-" + id);
		assertThat(note.select(".note-body").text()).isEqualTo("Ada's note");
		assertThat(note.select("a[data-action=edit], form[data-action=delete]")).isEmpty();
		assertThat(note.select("a[data-action=reply]")).hasSize(1);

		assertThat(bob.send(HttpRequest.newBuilder(uri(ARTICLE + "/notes/" + id + "/edit")).GET()).statusCode()).isEqualTo(403);
		bob.write("Bob's own", "Bob", "public");
		assertThat(bob.post(ARTICLE + "/notes/" + id, Map.of("body", "defaced", "version", "1")).statusCode()).isEqualTo(403);
		assertThat(bob.post(ARTICLE + "/notes/" + id + "/delete", Map.of("version", "1")).statusCode()).isEqualTo(403);
		Reader stranger = new Reader();
		assertThat(stranger.postRaw(ARTICLE + "/notes/" + id + "/delete", Map.of()).statusCode()).isEqualTo(403);

		Element after = ada.page(ARTICLE).getElementById("note-" + id);
		assertThat(after.select(".note-body").text()).isEqualTo("Ada's note");
		assertThat(after.select(".edited")).isEmpty();
	}

	@Test
	void theAuthorEditsAndDeletesTheirNote() {
		Reader ada = new Reader();
		String id = ada.write("first draft", "Ada", "public");
		Document editPage = ada.page(ARTICLE + "/notes/" + id + "/edit");
		assertThat(editPage.getElementById("edit-body").text()).isEqualTo("first draft");
		assertThat(editPage.select("input[name=version]").val()).isEqualTo("1");

		HttpResponse<String> saved = ada.post(ARTICLE + "/notes/" + id,
				Map.of("body", "second draft", "authorName", "Ada", "visibility", "public", "version", "1"));
		assertThat(saved.statusCode()).isEqualTo(303);
		Element note = ada.page(ARTICLE).getElementById("note-" + id);
		assertThat(note.select(".note-body").text()).isEqualTo("second draft");
		assertThat(note.select(".edited").text()).isEqualTo("(edited)");

		HttpResponse<String> emptied = ada.post(ARTICLE + "/notes/" + id, Map.of("body", "  ", "version", "2"));
		assertThat(emptied.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(emptied.body()).getElementById("edit-body-error").text()).contains("cannot be empty");

		HttpResponse<String> stale = ada.post(ARTICLE + "/notes/" + id,
				Map.of("body", "from an old tab", "version", "1"));
		assertThat(stale.statusCode()).isEqualTo(409);
		Document conflict = Jsoup.parse(stale.body());
		assertThat(conflict.getElementById("edit-body-error").text()).contains("changed since you opened it");
		assertThat(conflict.getElementById("edit-body").text()).isEqualTo("from an old tab");
		assertThat(conflict.select("input[name=version]").val()).isEqualTo("2");

		HttpResponse<String> deleted = ada.post(ARTICLE + "/notes/" + id + "/delete", Map.of("version", "2"));
		assertThat(deleted.statusCode()).isEqualTo(303);
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("?done=deleted#" + BLOCK);
		assertThat(ada.page(ARTICLE).getElementById("note-" + id)).isNull();
	}

	@Test
	void privateNotesAreShownToTheirAuthorAloneAndMarked() {
		Reader ada = new Reader();
		Reader bob = new Reader();
		String id = ada.write("just for me", "Ada", "private");
		Element mine = ada.page(ARTICLE).getElementById("note-" + id);
		assertThat(mine.hasClass("is-private")).isTrue();
		assertThat(mine.select(".badge").text()).contains("Private");

		for (Document page : new Document[] { bob.page(ARTICLE), new Reader().page(ARTICLE),
				bob.page(ARTICLE + "/p/" + BLOCK + "/notes"), bob.page(ARTICLE + "/p/" + BLOCK) }) {
			assertThat(page.getElementById("note-" + id)).isNull();
			assertThat(page.outerHtml()).doesNotContain("just for me");
		}
		assertThat(bob.send(HttpRequest.newBuilder(uri(ARTICLE + "/notes/" + id + "/reply")).GET()).statusCode()).isEqualTo(404);
		Element count = bob.page(ARTICLE).getElementById(BLOCK).parent().selectFirst(".note-count");
		assertThat(count.text()).startsWith("✎ Add a note");
	}

	@Test
	void aReplyJoinsTheThreadOfTheNoteItAnswers() {
		Reader ada = new Reader();
		Reader bob = new Reader();
		String id = ada.write("a question?", "Ada", "public");
		Document replyPage = bob.page(ARTICLE + "/notes/" + id + "/reply");
		assertThat(replyPage.select("#note-" + id + " .note-body").text()).isEqualTo("a question?");
		HttpResponse<String> reply = bob.post(ARTICLE + "/notes/" + id + "/replies",
				Map.of("body", "an answer.", "authorName", "Bob"));
		assertThat(reply.statusCode()).isEqualTo(303);
		String replyId = reply.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");

		Element thread = ada.page(ARTICLE).getElementById("note-" + id).parent();
		assertThat(thread.select("ol.replies #note-" + replyId + " .note-body").text()).isEqualTo("an answer.");
		assertThat(thread.select("ol.replies #note-" + replyId + " a[data-action=reply]")).as("one level only").isEmpty();

		HttpResponse<String> emptyReply = bob.post(ARTICLE + "/notes/" + id + "/replies", Map.of("body", ""));
		assertThat(emptyReply.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(emptyReply.body()).getElementById("reply-body-error")).isNotNull();
	}

	@Test
	void hostileBodiesAndNamesAreShownAsText() {
		Reader mallory = new Reader();
		String[] payloads = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
				"[click](javascript:alert(1))", "<a href=\"javascript:alert(1)\">x</a>", "\"><svg onload=alert(1)>",
				"<iframe src=//evil.example></iframe>", "<style>*{display:none}</style>" };
		for (String payload : payloads) {
			mallory.write(payload, payload.length() > 80 ? payload.substring(0, 80) : payload, "public");
		}
		Document page = new Reader().page(ARTICLE + "/p/" + BLOCK + "/notes");
		Element notes = page.selectFirst("ol.threads");
		assertThat(notes.select("script, img, svg, iframe, style, [onerror], [onload]")).isEmpty();
		assertThat(notes.select("a[href^=javascript]")).isEmpty();
		assertThat(page.select("script")).allSatisfy(script -> assertThat(script.attr("src")).startsWith("/"));
		assertThat(notes.select(".note-author").eachText()).contains("<script>alert(1)</script>", "\"><svg onload=alert(1)>");
		assertThat(notes.select(".note-body").eachText()).contains("<img src=x onerror=alert(1)>");
	}

	@Test
	void theNotesPageShowsEveryThreadWhileTheMarginShowsTheNewestThree() {
		Reader ada = new Reader();
		for (int i = 1; i <= 5; i++) {
			ada.write("note " + i, "Ada", "public");
		}
		Element aside = ada.page(ARTICLE).getElementById("notes-" + BLOCK);
		assertThat(aside.select("ol.threads > li .note-body").eachText()).containsExactly("note 3", "note 4", "note 5");
		assertThat(aside.select(".notes-earlier a").text()).isEqualTo("2 earlier notes");
		Page all = web.page(ARTICLE + "/p/" + BLOCK + "/notes");
		assertThat(all.html().select("ol.threads > li .note-body").eachText()).hasSize(5);
	}

	@Test
	void printWithNotesIsTheArticleWithEveryNoteUnderItsParagraph() {
		Reader ada = new Reader();
		for (int i = 1; i <= 5; i++) {
			ada.write("note " + i, "Ada", "public");
		}
		ada.write("only mine", "Ada", "private");
		Document article = new Reader().page(ARTICLE);
		assertThat(article.select(".exports a:contains(Print with notes)").attr("href")).isEqualTo(ARTICLE + "/notes");
		assertThat(article.select("#notes-" + BLOCK + " .note")).as("the margin: the newest three").hasSize(3);

		Element block = new Reader().page(ARTICLE + "/notes").getElementById(BLOCK).parent();
		assertThat(block.select("> .print-notes .note-body").eachText()).containsExactly("note 1", "note 2", "note 3",
				"note 4", "note 5");
		assertThat(ada.page(ARTICLE + "/notes").getElementById(BLOCK).parent().select("> .print-notes .note-body").eachText())
			.as("the reader's own private note too").contains("only mine").hasSize(6);
	}

	@Test
	void everyPageDescribesItselfForSearchEngines() {
		Reader ada = new Reader();
		String note = ada.write("A note", "Ada", "public");
		Map<String, String> descriptions = new LinkedHashMap<>();
		for (String path : new String[] { "/", ARTICLE, ARTICLE + "/p/" + BLOCK + "/notes", ARTICLE + "/orphans",
				ARTICLE + "/notes/" + note + "/reply", ARTICLE + "/notes/" + note + "/edit",
				ARTICLE + "/notes/" + note + "/flag", ARTICLE + "/notes", "/moderation/sign-in" }) {
			Document page = ada.page(path);
			assertThat(page.select("head meta[name=description]")).as(path).hasSize(1);
			descriptions.put(path, page.selectFirst("head meta[name=description]").attr("content"));
		}
		assertThat(descriptions.values()).as("each its own").doesNotContain("").doesNotHaveDuplicates();
		assertThat(descriptions.get(ARTICLE + "/p/" + BLOCK + "/notes")).isEqualTo("Readers’ notes on paragraph 5 of "
				+ "“The world is entering an era where stability has become one of the rare strategic resources”, and a "
				+ "form to add one.");
	}

	@Test
	void paragraphsAreNumberedFromTheFirstAfterTheTitle() {
		// p-AarAar is the sixth block: the title, the lede (paragraph 1), then four quoted paragraphs
		Document notes = new Reader().page(ARTICLE + "/p/" + BLOCK + "/notes");
		assertThat(notes.selectFirst("h1").text()).isEqualTo("Notes on paragraph 5");
		assertThat(notes.title()).startsWith("Notes on paragraph 5 · ");

		Document article = new Reader().page(ARTICLE);
		String title = article.selectFirst("h1[id]").id();
		String lede = article.selectFirst("p.lede").id();
		assertThat(article.select("a.permalink[data-anchor=" + title + "] .visually-hidden").text())
			.isEqualTo("Link to heading 1");
		assertThat(article.select("a.permalink[data-anchor=" + lede + "] .visually-hidden").text())
			.isEqualTo("Link to paragraph 1");
		assertThat(article.getElementById(BLOCK).parent().select("> .note-count .visually-hidden").text())
			.isEqualTo("on paragraph 5");
	}

	@Test
	void theWayBackQuotesTheTitleOnceWhenItIsAQuotationItself() {
		Reader ada = new Reader();
		String note = ada.write("A note", "Ada", "public");
		String title = "“The world is entering an era where stability has become one of the rare strategic resources”";
		for (String path : new String[] { "/p/" + BLOCK + "/notes", "/orphans", "/notes/" + note + "/reply",
				"/notes/" + note + "/edit", "/notes/" + note + "/flag" }) {
			assertThat(ada.page(ARTICLE + path).select(".kicker a").text()).as(path).isEqualTo("Back to " + title);
		}
	}


	@Test
	void aNoteOnAPassageIsHighlightedInItsParagraphAndPointsBackToIt() {
		Reader ada = new Reader();
		ada.page(ARTICLE + "/p/" + BLOCK + "/notes");
		HttpResponse<String> response = ada.post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "Whose legitimacy?", "quote", "lost its  legitimacy"));
		assertThat(response.statusCode()).isEqualTo(303);
		String id = response.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");

		Document article = new Reader().page(ARTICLE);
		Element paragraph = article.getElementById(BLOCK);
		Element mark = paragraph.selectFirst("mark.passage");
		assertThat(mark.text()).isEqualTo("lost its legitimacy");
		assertThat(mark.attr("data-notes")).isEqualTo(id);
		assertThat(paragraph.text()).as("the text is unchanged").isEqualTo(
				"As a result, globalization has gradually lost its legitimacy in the eyes of hundreds of millions of people around the world.");
		assertThat(paragraph.getElementById("passage-" + id)).isNotNull();
		Element note = article.getElementById("note-" + id);
		// the anchor, and the passage as a text directive (in context) that a browser finds without the anchor
		assertThat(note.select(".note-quote a").attr("href")).isEqualTo(ARTICLE + "#passage-" + id
				+ ":~:text=globalization%20has%20gradually-,lost%20its%20legitimacy,-in%20the%20eyes%20of%20hundreds%20of");
		assertThat(note.select(".note-quote").text()).as("the passage and, for a screen reader, its colour")
			.isEqualTo("“lost its legitimacy” (highlighted yellow)");
	}

	@Test
	void aPassageMustBeInTheParagraphAndTheChosenOccurrenceIsKept() {
		Reader ada = new Reader();
		ada.page(ARTICLE + "/p/p-HotIti/notes");
		HttpResponse<String> missing = ada.post(ARTICLE + "/p/p-HotIti/notes",
				Map.of("body", "hm", "quote", "words that are not there"));
		assertThat(missing.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(missing.body());
		assertThat(form.getElementById("new-quote-error").text()).contains("not in this paragraph");
		assertThat(form.getElementById("new-quote").text()).isEqualTo("words that are not there");
		assertThat(stored()).isZero();

		String text = ada.page(ARTICLE).getElementById("p-HotIti").text();
		int second = text.indexOf("without", text.indexOf("without") + 1);
		HttpResponse<String> chosen = ada.post(ARTICLE + "/p/p-HotIti/notes",
				Map.of("body", "the second one", "quote", "without", "quoteStart", String.valueOf(second)));
		assertThat(chosen.statusCode()).isEqualTo(303);
		String id = chosen.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
		Element anchor = ada.page(ARTICLE).getElementById("passage-" + id);
		assertThat(anchor.nextElementSibling().text()).isEqualTo("without");
		assertThat(anchor.parent().html().substring(0, anchor.parent().html().indexOf("passage-" + id)))
			.contains("freedom");
	}

	@Test
	void overlappingPassagesAreBothHighlighted() {
		Reader ada = new Reader();
		ada.page(ARTICLE + "/p/" + BLOCK + "/notes");
		ada.post(ARTICLE + "/p/" + BLOCK + "/notes", Map.of("body", "one", "quote", "gradually lost its legitimacy"));
		ada.post(ARTICLE + "/p/" + BLOCK + "/notes", Map.of("body", "two", "quote", "its legitimacy in the eyes"));
		Element paragraph = ada.page(ARTICLE).getElementById(BLOCK);
		assertThat(paragraph.select("mark").eachText()).containsExactly("gradually lost", "its legitimacy", "in the eyes");
		assertThat(paragraph.select("mark.overlap").text()).isEqualTo("its legitimacy");
		assertThat(paragraph.select("mark.overlap").attr("data-notes").split(" ")).hasSize(2);
	}

	@Test
	void notesAreInTheOrderOfTheTextNotTheOrderTheyWereWritten() {
		Reader ada = new Reader();
		String notes = ARTICLE + "/p/" + BLOCK + "/notes";
		ada.page(notes);
		ada.post(notes, Map.of("body", "on the end", "quote", "around the world"));
		ada.post(notes, Map.of("body", "on the middle", "quote", "lost its legitimacy"));
		ada.post(notes, Map.of("body", "on the whole paragraph"));
		ada.post(notes, Map.of("body", "on the start", "quote", "As a result"));
		assertThat(BlockNotes.SHOWN).isEqualTo(3);
		assertThat(ada.page(ARTICLE).getElementById("notes-" + BLOCK).select("ol.threads > li .note-body").eachText())
			.as("the margin: the newest three, in the order of the text")
			.containsExactly("on the whole paragraph", "on the start", "on the middle");
		assertThat(ada.page(notes).select("ol.threads > li .note-body").eachText())
			.as("the paragraph's notes page: all of them")
			.containsExactly("on the whole paragraph", "on the start", "on the middle", "on the end");
	}

	@Test
	void aFormSentFromAnotherSiteIsRefusedAndSetsNoCookie() {
		String path = ARTICLE + "/p/" + BLOCK + "/notes";
		String[][] fromElsewhere = { { "Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site" },
				{ "Origin", "http://evil.example" }, { "Sec-Fetch-Site", "cross-site" }, { "Sec-Fetch-Site", "same-site" },
				{ "Origin", "null" } };
		for (String[] headers : fromElsewhere) {
			HttpResponse<String> refused = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
				.headers(headers)
				.header("Accept", "text/html")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("body=x"))
				.build());
			assertThat(refused.statusCode()).as(String.join(" ", headers)).isEqualTo(403);
			assertThat(refused.headers().allValues("Set-Cookie")).as("no cookie").noneMatch(c -> c.startsWith("marginalia_author"));
			assertThat(refused.body()).contains("You cannot do that");
		}
		assertThat(stored()).isZero();
		HttpResponse<String> ownPage = web.send(HttpRequest.newBuilder(URI.create(web.base() + path))
			.header("Origin", web.base())
			.header("Sec-Fetch-Site", "same-origin")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=From+this+site"))
			.build());
		assertThat(ownPage.statusCode()).as("a newcomer's first note from the site's own page").isEqualTo(303);
		assertThat(stored()).isOne();
	}

}
