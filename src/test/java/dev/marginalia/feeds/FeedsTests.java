package dev.marginalia.feeds;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
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
 * The Atom feeds over real HTTP, each read back with Rome: an article's and a paragraph's public notes (never a
 * private, hidden or deleted one), a reader's replies at the address "My notes" gives them, which a new address or
 * stopping the feed turns into a 404; announced on the pages they belong to; conditional GET.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FeedsTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	static final String OTHER_BLOCK = "p-TwcTwc";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ArticleLibrary library;

	FormClient ada;

	FormClient bob;

	@BeforeEach
	void setUp() {
		TestNotes.deleteAll(jdbc);
		jdbc.sql("DELETE FROM reply_feeds").update();
		ada = new FormClient(port);
		bob = new FormClient(port);
	}

	/** Writes a note through the paragraph's form; returns its id. */
	static String write(FormClient reader, String block, String body, String visibility) {
		reader.page(ARTICLE + "/p/" + block + "/notes");
		HttpResponse<String> response = reader.post(ARTICLE + "/p/" + block + "/notes",
				Map.of("body", body, "authorName", "Writer", "visibility", visibility));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("#note-") + 6);
	}

	/** Writes a public reply through the reply form; returns its id. */
	static String reply(FormClient reader, String noteId, String body, String name) {
		reader.page(ARTICLE + "/notes/" + noteId + "/reply");
		HttpResponse<String> response = reader.post(ARTICLE + "/notes/" + noteId + "/replies",
				Map.of("body", body, "authorName", name, "visibility", "public"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("#note-") + 6);
	}

	Article article() {
		return library.find(ARTICLE.substring("/articles/".length())).orElseThrow();
	}

	/** "paragraph 1": how the article labels a block */
	String label(String block) {
		return article().label(article().block(block).orElseThrow());
	}

	static Feed parse(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/atom+xml"));
		try {
			WireFeed feed = new WireFeedInput().build(new StringReader(response.body()));
			assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
			return (Feed) feed;
		}
		catch (Exception ex) {
			throw new AssertionError("not an Atom feed: " + response.body(), ex);
		}
	}

	static List<String> bodies(Feed feed) {
		return feed.getEntries().stream().map(entry -> entry.getContents().get(0).getValue()).toList();
	}

	static String link(Entry entry) {
		return entry.getAlternateLinks().get(0).getHref();
	}

	@Test
	void theArticleFeedHoldsItsPublicNotesAndRepliesNewestFirst() {
		String first = write(ada, BLOCK, "The first public note", "public");
		write(ada, BLOCK, "A private thought", "private");
		String hidden = write(bob, OTHER_BLOCK, "A note the moderator hides", "public");
		String deleted = write(bob, OTHER_BLOCK, "A note its author deletes", "public");
		String answer = reply(bob, first, "Bob answers <script>alert(1)</script> **boldly**", "Bob");
		FormClient moderator = new FormClient(port).signInAsModerator();
		assertThat(moderator.post("/moderation" + ARTICLE + "/notes/" + hidden + "/hide", Map.of()).statusCode())
			.isEqualTo(303);
		bob.page(ARTICLE + "/notes/" + deleted + "/edit");
		assertThat(bob.post(ARTICLE + "/notes/" + deleted + "/delete", Map.of()).statusCode()).isEqualTo(303);

		HttpResponse<String> response = new FormClient(port).get(ARTICLE + "/notes.atom");
		Feed feed = parse(response);
		assertThat(feed.getTitle()).isEqualTo("Notes on " + article().metadata().quotedTitle());
		assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
			.contains(org.assertj.core.groups.Tuple.tuple("self", "http://localhost:" + port + ARTICLE + "/notes.atom"));
		assertThat(feed.getAlternateLinks().get(0).getHref()).isEqualTo("http://localhost:" + port + ARTICLE);
		assertThat(feed.getEntries()).extracting(FeedsTests::link).containsExactly(
				"http://localhost:" + port + ARTICLE + "/notes/" + answer,
				"http://localhost:" + port + ARTICLE + "/notes/" + first);
		Entry reply = feed.getEntries().get(0);
		assertThat(reply.getTitle()).isEqualTo("Bob replied to Writer on " + label(BLOCK));
		assertThat(reply.getAuthors().get(0).getName()).isEqualTo("Bob");
		assertThat(reply.getPublished()).isNotNull();
		assertThat(reply.getUpdated()).isNotNull();
		String html = reply.getContents().get(0).getValue();
		assertThat(reply.getContents().get(0).getType()).isEqualTo("html");
		assertThat(html).contains("&lt;script&gt;", "<strong>boldly</strong>", "In reply to Writer").doesNotContain("<script");
		assertThat(html).startsWith("<blockquote><p>");
		assertThat(feed.getEntries().get(1).getTitle()).isEqualTo("Writer on " + label(BLOCK));
		assertThat(String.join(" ", bodies(feed)) + response.body()).doesNotContain("A private thought",
				"A note the moderator hides", "A note its author deletes");
	}

	@Test
	void aParagraphFeedHoldsTheNotesOnItAndTheirReplies() {
		String here = write(ada, BLOCK, "On this paragraph", "public");
		write(ada, OTHER_BLOCK, "On another paragraph", "public");
		reply(bob, here, "A reply here", "Bob");
		write(ada, BLOCK, "Private here", "private");

		Feed feed = parse(new FormClient(port).get(ARTICLE + "/p/" + BLOCK + "/notes.atom"));
		assertThat(feed.getTitle()).isEqualTo("Notes on " + label(BLOCK) + " of " + article().metadata().quotedTitle());
		assertThat(bodies(feed)).hasSize(2);
		assertThat(bodies(feed).get(0)).contains("A reply here");
		assertThat(bodies(feed).get(1)).contains("On this paragraph");

		assertThat(new FormClient(port).get(ARTICLE + "/p/p-nothing/notes.atom").statusCode()).isEqualTo(404);
		assertThat(new FormClient(port).get("/articles/no-such-article/notes.atom").statusCode()).isEqualTo(404);
	}

	@Test
	void theFeedsAreAnnouncedOnTheirPages() {
		Document article = new FormClient(port).page(ARTICLE);
		assertThat(article.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
			.containsExactly(ARTICLE + "/notes.atom");
		assertThat(article.select("a.feed-link").eachAttr("href")).containsExactly(ARTICLE + "/notes.atom");
		Document share = new FormClient(port).page(ARTICLE + "/p/" + BLOCK);
		assertThat(share.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
			.containsExactly(ARTICLE + "/p/" + BLOCK + "/notes.atom");
		assertThat(share.select("link[rel=alternate]").attr("title")).isEqualTo(
				"Notes on " + label(BLOCK) + " of " + article().metadata().quotedTitle());
		Document paragraph = new FormClient(port).page(ARTICLE + "/p/" + BLOCK + "/notes");
		assertThat(paragraph.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
			.containsExactly(ARTICLE + "/p/" + BLOCK + "/notes.atom");
	}

	@Test
	void aFeedAnswersIfNoneMatchWithNotModifiedUntilItChanges() {
		write(ada, BLOCK, "One", "public");
		FormClient reader = new FormClient(port);
		HttpResponse<String> first = reader.get(ARTICLE + "/notes.atom");
		String tag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(first.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-cache").doesNotContain("private"));
		assertThat(conditional(ARTICLE + "/notes.atom", tag).statusCode()).isEqualTo(304);
		write(bob, BLOCK, "Two", "public");
		HttpResponse<String> changed = conditional(ARTICLE + "/notes.atom", tag);
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
	}

	HttpResponse<String> conditional(String path, String tag) {
		return new FormClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("If-None-Match", tag)
			.GET());
	}

	/** Ada starts her feed on "My notes"; returns its path. */
	String startFeed(FormClient reader) {
		Document mine = reader.page("/my/notes");
		assertThat(mine.select("link[rel=alternate][type=application/atom+xml]")).isEmpty();
		HttpResponse<String> started = reader.post("/my/replies-feed", Map.of("action", "start"));
		assertThat(started.statusCode()).isEqualTo(303);
		assertThat(started.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).endsWith("/my/notes?feed=started#reply-feed"));
		return feedPath(reader);
	}

	String feedPath(FormClient reader) {
		Document mine = reader.page("/my/notes");
		String announced = mine.select("link[rel=alternate][type=application/atom+xml]").attr("href");
		assertThat(announced).startsWith("/feeds/replies/");
		assertThat(mine.select("#reply-feed a.feed-link").attr("href")).isEqualTo(announced);
		return announced;
	}

	@Test
	void theRepliesFeedHoldsOtherReadersPublicRepliesToMyNotes() {
		String mine = write(ada, BLOCK, "Ada's note", "public");
		String myPrivate = write(ada, OTHER_BLOCK, "Ada's private note", "private");
		String bobs = write(bob, OTHER_BLOCK, "Bob's note", "public");
		String answer = reply(bob, mine, "Bob answers Ada", "Bob");
		reply(ada, mine, "Ada answers herself", "Ada");
		reply(ada, bobs, "Ada answers Bob", "Ada");
		reply(ada, myPrivate, "Ada's private aside", "Ada");
		String path = startFeed(ada);
		assertThat(ada.page("/my/notes?feed=started").select(".flash").text()).contains("Your feed of replies is ready");

		HttpResponse<String> response = new FormClient(port).get(path);
		Feed feed = parse(response);
		assertThat(feed.getTitle()).isEqualTo("Replies to my notes · Marginalia");
		assertThat(feed.getEntries()).extracting(FeedsTests::link)
			.containsExactly("http://localhost:" + port + ARTICLE + "/notes/" + answer);
		assertThat(feed.getEntries().get(0).getTitle()).isEqualTo(
				"Bob replied to your note on " + label(BLOCK) + " of " + article().metadata().quotedTitle());
		assertThat(response.body()).doesNotContain("herself", "Ada answers Bob", "private");
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("private", "no-cache"));

		// Bob's own feed: Ada's reply to him, and nothing of Ada's
		String bobsPath = startFeed(bob);
		assertThat(bobsPath).isNotEqualTo(path);
		assertThat(bodies(parse(new FormClient(port).get(bobsPath)))).singleElement().asString().contains("Ada answers Bob");
	}

	@Test
	void aRenewedOrStoppedAddressAndAnyOtherTokenAre404() {
		String mine = write(ada, BLOCK, "Ada's note", "public");
		reply(bob, mine, "Bob answers Ada", "Bob");
		String old = startFeed(ada);
		assertThat(new FormClient(port).get(old).statusCode()).isEqualTo(200);

		assertThat(ada.post("/my/replies-feed", Map.of("action", "renew")).statusCode()).isEqualTo(303);
		String renewed = feedPath(ada);
		assertThat(renewed).isNotEqualTo(old);
		assertThat(new FormClient(port).get(old).statusCode()).isEqualTo(404);
		assertThat(bodies(parse(new FormClient(port).get(renewed)))).hasSize(1);

		assertThat(ada.post("/my/replies-feed", Map.of("action", "stop")).statusCode()).isEqualTo(303);
		assertThat(new FormClient(port).get(renewed).statusCode()).isEqualTo(404);
		Document page = ada.page("/my/notes");
		assertThat(page.select("link[rel=alternate][type=application/atom+xml]")).isEmpty();
		assertThat(page.select("#reply-feed button[value=start]")).hasSize(1);

		for (String token : List.of("x", "A".repeat(43), "A".repeat(2000))) {
			assertThat(new FormClient(port).get("/feeds/replies/" + token).statusCode()).as(token).isEqualTo(404);
		}
	}

	@Test
	void theFeedFormNeedsItsTokenAndAKnownAction() {
		write(ada, BLOCK, "Ada's note", "public");
		ada.page("/my/notes");
		assertThat(ada.postRaw("/my/replies-feed", Map.of("action", "start")).statusCode()).isEqualTo(403);
		assertThat(ada.post("/my/replies-feed", Map.of("action", "explode")).statusCode()).isEqualTo(400);
		assertThat(ada.post("/my/replies-feed", Map.of()).statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM reply_feeds").query(Integer.class).single()).isZero();
		// a reader without a secret has no feed: back to "My notes", which tells them why
		FormClient stranger = new FormClient(port);
		stranger.page("/my/notes");
		HttpResponse<String> response = stranger.post("/my/replies-feed", Map.of("action", "start"));
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(stranger.page("/my/notes").select("#reply-feed")).isEmpty();
	}

}
