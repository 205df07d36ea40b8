package dev.marginalia.notes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "My notes" (issue 19), through the pages as a browser without JavaScript uses them: every note and reply a reader
 * wrote, across two articles, newest first, private ones for them alone; nothing of it for anyone else; each note's
 * link to where it is shown.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MyNotesTests {

	static final Path FOLDER = folder();

	static final String ONE = "/articles/first-article";

	static final String TWO = "/articles/second-article";

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("marginalia.content.dir", FOLDER::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	@Autowired
	dev.marginalia.content.ArticleLibrary library;

	FormClient ada;

	FormClient bob;

	@BeforeEach
	void setUp() {
		TestNotes.deleteAll(jdbc);
		ada = new FormClient(port);
		bob = new FormClient(port);
	}

	static Path folder() {
		try {
			Path folder = Files.createTempDirectory("marginalia-my-notes");
			Files.writeString(folder.resolve("first-article.md"), "---\ntitle: The first article\n---\n"
					+ "Opening words of the first article, about rivers and the towns along them.\n\n"
					+ "A second paragraph of the first article, about bridges and who pays for them.\n");
			Files.writeString(folder.resolve("second-article.md"), "---\ntitle: The second article\n---\n"
					+ "Opening words of the second article, about orchards in the spring.\n\n"
					+ "A second paragraph of the second article, about the apples that come later.\n");
			StringBuilder long_ = new StringBuilder("---\ntitle: A long article\n---\n");
			for (int i = 1; i <= 25; i++) {
				long_.append("Paragraph number ").append(i).append(" of the long article says something of its own.\n\n");
			}
			Files.writeString(folder.resolve("long-article.md"), long_);
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String block(String article, int index) {
		return library.find(article.substring("/articles/".length())).orElseThrow().blocks().get(index).id();
	}

	/** Writes a note through the paragraph's form; returns its id. */
	static String write(FormClient reader, String article, String block, String body, String visibility) {
		reader.page(article + "/p/" + block + "/notes");
		HttpResponse<String> response = reader.post(article + "/p/" + block + "/notes",
				Map.of("body", body, "authorName", "Writer", "visibility", visibility));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("#note-") + 6);
	}

	/** Writes a reply through the reply form; returns its id. */
	static String reply(FormClient reader, String article, String noteId, String body) {
		reader.page(article + "/notes/" + noteId + "/reply");
		HttpResponse<String> response = reader.post(article + "/notes/" + noteId + "/replies",
				Map.of("body", body, "visibility", "public"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("#note-") + 6);
	}

	static List<String> bodies(Document page) {
		return page.select("ol.my-notes .note-body").eachText();
	}

	@Test
	void aReaderSeesTheirNotesAndRepliesAcrossArticlesNewestFirst() {
		String bobs = write(bob, ONE, block(ONE, 1), "Bob on the first", "public");
		String first = write(ada, ONE, block(ONE, 0), "Ada on the first", "public");
		String secret = write(ada, TWO, block(TWO, 1), "Ada's private thought on the second", "private");
		String answer = reply(ada, ONE, bobs, "Ada answers Bob");

		HttpResponse<String> response = ada.get("/my/notes");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("private", "no-store"));
		Document page = ada.page("/my/notes");
		assertThat(bodies(page)).containsExactly("Ada answers Bob", "Ada's private thought on the second",
				"Ada on the first");
		assertThat(page.select("ol.my-notes .my-note-where").eachText()).containsExactly(
				"The first article: a reply on paragraph 2", "The second article: a note on paragraph 2",
				"The first article: a note on paragraph 1");
		assertThat(page.select("ol.my-notes .my-note-where a").eachAttr("href")).containsExactly(ONE, TWO, ONE);
		assertThat(page.select("ol.my-notes a:contains(Show it in place)").eachAttr("href")).containsExactly(
				ONE + "/notes/" + answer, TWO + "/notes/" + secret, ONE + "/notes/" + first);
		Element privateOne = page.getElementById("mine-" + secret);
		assertThat(privateOne.select(".badge").text()).isEqualTo("Private");
		assertThat(page.getElementById("mine-" + first).select(".badge")).isEmpty();
		assertThat(page.select("ol.my-notes time[datetime]")).hasSize(3);
		assertThat(page.select("a[href=/my/notes.jsonld]")).hasSize(1);
		assertThat(page.text()).doesNotContain("Bob on the first");
	}

	@Test
	void anotherReaderSeesNoneOfIt() {
		write(ada, ONE, block(ONE, 0), "Ada's public note", "public");
		write(ada, TWO, block(TWO, 0), "Ada's private note", "private");
		write(bob, TWO, block(TWO, 0), "Bob's own note", "public");

		assertThat(bodies(bob.page("/my/notes"))).containsExactly("Bob's own note");

		Document stranger = new FormClient(port).page("/my/notes");
		assertThat(bodies(stranger)).isEmpty();
		assertThat(stranger.select("main").text()).contains("You have not written anything in this browser yet.",
				"your notes are tied to this browser");

		FormClient unknown = new FormClient(port);
		unknown.cookies.put(AuthorCookie.NAME, AuthorSecrets.newSecret());
		Document none = unknown.page("/my/notes");
		assertThat(bodies(none)).isEmpty();
		assertThat(none.select("main").text()).contains("You have no notes or replies here");
	}

	@Test
	void deletedNotesAndWhatTheModeratorHidAreLeftOut() {
		String kept = write(ada, ONE, block(ONE, 0), "Kept", "public");
		String deleted = write(ada, ONE, block(ONE, 0), "Deleted", "public");
		String hidden = write(ada, TWO, block(TWO, 0), "Hidden by the moderator", "public");
		ada.page(ONE + "/notes/" + deleted + "/edit");
		assertThat(ada.post(ONE + "/notes/" + deleted + "/delete", Map.of()).statusCode()).isEqualTo(303);
		FormClient moderator = new FormClient(port).signInAsModerator();
		assertThat(moderator.post("/moderation" + TWO + "/notes/" + hidden + "/hide", Map.of()).statusCode())
			.isEqualTo(303);

		Document page = ada.page("/my/notes");
		assertThat(bodies(page)).containsExactly("Kept");
		assertThat(page.getElementById("mine-" + kept)).isNotNull();
		assertThat(page.select("main p").first().text()).isEqualTo("The one note you wrote in this browser.");
	}

	@Test
	void manyNotesArePagedFiftyAtATime() {
		Author author = queries.author(ada.cookies.computeIfAbsent(AuthorCookie.NAME, name -> AuthorSecrets.newSecret()));
		for (int i = 0; i < MyNotes.PAGE_SIZE + 2; i++) {
			String article = i % 2 == 0 ? "first-article" : "second-article";
			String block = library.find(article).orElseThrow().blocks().get(i / 2 % 2).id();
			commands.create(article, block, new NewNote("Note " + i, null, "public"), author);
		}
		Document first = ada.page("/my/notes");
		assertThat(bodies(first)).hasSize(MyNotes.PAGE_SIZE).startsWith("Note 51", "Note 50");
		assertThat(first.select("main > p").first().text()).startsWith("The 52 notes and replies you wrote");
		assertThat(first.selectFirst(".pager a[rel=next]").attr("href")).isEqualTo("/my/notes?page=2");
		Document second = ada.page("/my/notes?page=2");
		assertThat(bodies(second)).containsExactly("Note 1", "Note 0");
		assertThat(second.selectFirst(".pager a[rel=prev]").attr("href")).isEqualTo("/my/notes?page=1");
		assertThat(bodies(ada.page("/my/notes?page=99"))).as("past the last: the last").containsExactly("Note 1", "Note 0");
	}

	@Test
	void anAuthorOfMoreNotesThanAreCountedIsToldSoAndPagesOnToTheEnd() {
		Author author = queries.author(ada.cookies.computeIfAbsent(AuthorCookie.NAME, name -> AuthorSecrets.newSecret()));
		List<dev.marginalia.content.Block> blocks = library.find("long-article").orElseThrow().blocks();
		for (int i = 0; i <= MyNotes.COUNTED; i++) {
			commands.create("long-article", blocks.get(i % blocks.size()).id(), new NewNote("Note " + i, null, "public"),
					author);
		}
		Document first = ada.page("/my/notes");
		assertThat(first.select("main > p").first().text()).startsWith("More than 1,000 notes and replies you wrote");
		assertThat(first.select(".pager span").text()).isEqualTo("Page 1");
		int last = MyNotes.COUNTED / MyNotes.PAGE_SIZE + 1;
		Document end = ada.page("/my/notes?page=" + last);
		assertThat(bodies(end)).containsExactly("Note 0");
		assertThat(end.select(".pager a[rel=next]")).isEmpty();
		assertThat(end.select(".pager span").text()).isEqualTo("Page " + last);
		Document past = ada.page("/my/notes?page=" + (last + 1));
		assertThat(bodies(past)).isEmpty();
		assertThat(past.select("main").text()).contains("There are no notes on this page");

		String json = ada.get("/my/notes.jsonld").body();
		assertThat(json).doesNotContain("\"total\"").doesNotContain("\"last\"")
			.contains("\"next\":\"" + ada.base() + "/my/notes.jsonld?page=1\"");
	}

	@Test
	void aNotesLinkLeadsToItInPlaceOnThePageOfItsParagraphThatHoldsIt() {
		String paragraph = block(ONE, 0);
		String notes = ONE + "/p/" + paragraph + "/notes";
		String oldest = write(ada, ONE, paragraph, "The oldest", "public");
		for (int i = 0; i < NoteQueries.PARAGRAPH_PAGE; i++) {
			commands.create("first-article", paragraph, new NewNote("Filler " + i, null, "public"),
					queries.author(AuthorSecrets.newSecret()));
		}
		String newest = write(ada, ONE, paragraph, "The newest", "public");
		String answer = reply(ada, ONE, oldest, "An answer to the oldest");
		String secret = write(ada, ONE, paragraph, "Ada's private one", "private");

		assertThat(inPlace(ada, ONE + "/notes/" + oldest)).isEqualTo(notes + "#note-" + oldest);
		assertThat(inPlace(ada, ONE + "/notes/" + answer)).isEqualTo(notes + "#note-" + answer);
		assertThat(inPlace(ada, ONE + "/notes/" + newest)).isEqualTo(notes + "?page=2#note-" + newest);
		assertThat(inPlace(ada, ONE + "/notes/" + secret)).isEqualTo(notes + "?page=2#note-" + secret);
		Document second = ada.page(notes + "?page=2");
		assertThat(second.getElementById("note-" + newest)).isNotNull();
		assertThat(second.getElementById("note-" + secret)).isNotNull();
		assertThat(ada.page(notes).getElementById("note-" + answer)).isNotNull();

		assertThat(bob.get(ONE + "/notes/" + secret).statusCode()).as("not Bob's to see").isEqualTo(404);
		assertThat(bob.get(ONE + "/notes/" + newest).statusCode()).isEqualTo(303);
		assertThat(bob.get(TWO + "/notes/" + newest).statusCode()).as("not on that article").isEqualTo(404);
		assertThat(bob.get(ONE + "/notes/no-such-note").statusCode()).isEqualTo(404);
	}

	static String inPlace(FormClient reader, String path) {
		HttpResponse<String> response = reader.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(303);
		return response.headers().firstValue("Location").orElseThrow().replaceFirst("^http://localhost:\\d+", "");
	}

	@Test
	void everyPageLinksToMyNotesTheArticlePageAsEveryoneGetsItToo() {
		for (String path : List.of("/", ONE, ONE + "/p/" + block(ONE, 0) + "/notes", "/my/notes")) {
			assertThat(new FormClient(port).page(path).select("header nav a").eachAttr("href")).as(path)
				.containsExactly("/my/notes");
		}
	}

}
