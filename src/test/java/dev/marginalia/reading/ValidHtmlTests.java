package dev.marginalia.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.HtmlChecker;
import dev.marginalia.support.HtmlChecker.Message;
import dev.marginalia.support.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of HTML page the site serves, as served (over HTTP, from the running server) with a realistic set of
 * notes, passes the W3C's Nu Html Checker without an error: the index, the article for a reader without cookies
 * and for an author (edit controls, a private note), the share page, a paragraph's notes page (and its form with
 * errors), the article with every note to print, the orphaned notes, the reply, edit and flag forms, the
 * moderator's sign-in and queue. The notes: public notes on several paragraphs, more on one than the margin shows,
 * a passage note, a private note, a reply, an edited note, a flagged note, a hidden one and an orphan. Warnings are
 * printed, not failed.
 *
 * <p>The article is the one in {@code content/}, copied into a folder of this test's own (its title is in quotes),
 * so that one of its paragraphs can be taken out to orphan the note on it. The checker is {@link HtmlChecker}: where
 * it is not installed this test is skipped, with the reason, unless npm packages are required (CI), then it fails.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "dev.marginalia.support.HtmlChecker#installedOrRequired",
		disabledReason = "the Nu Html Checker (npm vnu-jar) is not installed: npm ci --prefix src/test/js")
class ValidHtmlTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	/** A paragraph of the article that this test takes out, orphaning the note written on it. */
	static final String TAKEN_OUT = "> The world can no longer afford such an approach.\n>\n";

	/** The words of a passage note, once in the article. */
	static final String PASSAGE = "gradually lost its legitimacy";

	/** A page that must have one error: it shows that the checker, as run here, finds errors at all. */
	static final String CONTROL = "control-microseconds";

	static final Path FOLDER = copyOfTheArticle();

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("marginalia.content.dir", FOLDER::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleLibrary library;

	/** The pages checked, by name, as served. */
	final Map<String, String> pages = new LinkedHashMap<>();

	static Path copyOfTheArticle() {
		try {
			Path folder = Files.createTempDirectory("marginalia-valid-html");
			String text = Files.readString(Path.of("content", SLUG + ".md"));
			assertThat(text).contains(TAKEN_OUT);
			Files.writeString(folder.resolve(SLUG + ".md"), text);
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeAll
	void writeNotesAndFetchThePages() throws IOException {
		List<Block> blocks = library.find(SLUG).orElseThrow().blocks();
		String first = blocks.get(1).id();
		String busy = blocks.get(2).id();
		String other = blocks.stream().filter(block -> block.text().contains(PASSAGE)).findFirst().orElseThrow().id();
		String doomed = blocks.stream().filter(block -> block.text().equals("The world can no longer afford such an approach."))
			.findFirst().orElseThrow().id();

		FormClient ada = new FormClient(port);
		String adasNote = ada.write(ARTICLE, first, "A note on the **first** paragraph, with [a link](https://example.org).");
		for (int i = 1; i <= 5; i++) {
			ada.write(ARTICLE, busy, "Note " + i + " on a paragraph with more notes than the margin shows");
		}
		ada.write(ARTICLE, other, "A public note on another paragraph");
		ada.page(ARTICLE + "/p/" + other + "/notes");
		assertThat(ada.post(ARTICLE + "/p/" + other + "/notes", Map.of("body", "On a passage", "authorName", "Ada",
				"visibility", "public", "quote", PASSAGE))
			.statusCode()).isEqualTo(303);
		ada.page(ARTICLE + "/p/" + other + "/notes");
		assertThat(ada.post(ARTICLE + "/p/" + other + "/notes",
				Map.of("body", "Only Ada reads this", "authorName", "Ada", "visibility", "private", "tags", "mine, energy"))
				.statusCode())
			.isEqualTo(303);
		ada.write(ARTICLE, doomed, "A note on a paragraph that will be taken out");

		Document edit = ada.page(ARTICLE + "/notes/" + adasNote + "/edit");
		assertThat(ada.post(ARTICLE + "/notes/" + adasNote, Map.of("body", "An edited note on the first paragraph",
				"authorName", "Ada", "visibility", "public", "version", edit.selectFirst("input[name=version]").val(),
				"tags", "energy, trade <policy>"))
			.statusCode()).isEqualTo(303);

		FormClient bob = new FormClient(port);
		bob.page(ARTICLE + "/notes/" + adasNote + "/reply");
		assertThat(bob.post(ARTICLE + "/notes/" + adasNote + "/replies",
				Map.of("body", "Bob replies", "authorName", "Bob", "visibility", "public")).statusCode()).isEqualTo(303);
		// three readers on the passage: a top passage (issue 20)
		for (FormClient reader : List.of(bob, new FormClient(port))) {
			reader.page(ARTICLE + "/p/" + other + "/notes");
			assertThat(reader.post(ARTICLE + "/p/" + other + "/notes", Map.of("body", "On the passage too", "visibility",
					"public", "quote", PASSAGE)).statusCode()).isEqualTo(303);
		}
		String bobsNote = bob.write(ARTICLE, other, "Bob's note, hidden by the moderator");
		String flagged = bob.write(ARTICLE, busy, "Bob's note that is flagged");
		assertThat(ada.post(ARTICLE + "/notes/" + flagged + "/flag", Map.of("reason", "spam", "detail", "Looks like spam"))
			.statusCode()).isEqualTo(303);
		FormClient moderator = new FormClient(port).signInAsModerator();
		assertThat(moderator.post("/moderation/articles/" + SLUG + "/notes/" + bobsNote + "/hide", Map.of()).statusCode())
			.isEqualTo(303);

		Path file = FOLDER.resolve(SLUG + ".md");
		Files.writeString(file, Files.readString(file).replace(TAKEN_OUT, ""));

		WebClient anyone = new WebClient(port);
		fetch("index", anyone.get("/"), 200);
		fetch("article", anyone.get(ARTICLE), 200);
		assertThat(pages.get("article")).as("the seeded notes are all there")
			.contains("id=\"orphans-heading\"", "earlier note", "Bob replies", "(edited)", "<mark class=\"passage",
					"class=\"tag\"", "class=\"top-passages\"", "class=\"density-strip\"")
			.containsPattern("<mark class=\"passage( overlap)? top marginalia-[a-z]+\"");
		fetch("article-author", ada.get(ARTICLE), 200);
		assertThat(pages.get("article-author")).contains("Only Ada reads this", "data-action=\"edit\"");
		fetch("share", anyone.get(ARTICLE + "/p/" + first), 200);
		fetch("paragraph-notes", ada.get(ARTICLE + "/p/" + busy + "/notes"), 200);
		ada.page(ARTICLE + "/p/" + busy + "/notes");
		fetch("paragraph-notes-errors", ada.post(ARTICLE + "/p/" + busy + "/notes", Map.of("body", " ", "visibility", "public",
				"tags", "x".repeat(41))), 400);
		assertThat(pages.get("paragraph-notes-errors")).contains("id=\"new-tags-error\"");
		fetch("print-with-notes", ada.get(ARTICLE + "/notes"), 200);
		assertThat(pages.get("print-with-notes")).contains("class=\"tag-list\"");
		fetch("orphans", anyone.get(ARTICLE + "/orphans"), 200);
		assertThat(pages.get("orphans")).contains("A note on a paragraph that will be taken out");
		fetch("reply", anyone.get(ARTICLE + "/notes/" + adasNote + "/reply"), 200);
		fetch("edit", ada.get(ARTICLE + "/notes/" + adasNote + "/edit"), 200);
		fetch("flag", anyone.get(ARTICLE + "/notes/" + adasNote + "/flag"), 200);
		fetch("sign-in", anyone.get("/moderation/sign-in"), 200);
		fetch("moderation-queue", moderator.get("/moderation"), 200);
		assertThat(pages.get("moderation-queue")).contains("Bob's note that is flagged", "Bob's note, hidden by the moderator");
		fetch("article-sorted", anyone.get(ARTICLE + "?sort=replies"), 200);
		fetch("paragraph-notes-sorted", anyone.get(ARTICLE + "/p/" + busy + "/notes?sort=newest"), 200);
		fetch("my-notes", ada.get("/my/notes"), 200);
		assertThat(pages.get("my-notes")).contains("Only Ada reads this", "Private");
		fetch("my-notes-none", anyone.get("/my/notes"), 200);
		ada.page("/my/notes");
		assertThat(ada.post("/my/replies-feed", Map.of("action", "start")).statusCode()).isEqualTo(303);
		fetch("my-notes-with-feed", ada.get("/my/notes?feed=started"), 200);
		assertThat(pages.get("my-notes-with-feed")).contains("/feeds/replies/", "Give the feed a new address");
		fetch("unknown-sort", anyone.get(ARTICLE + "?sort=oldest"), 400);
	}

	void fetch(String name, HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(name + ": " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(name).startsWith("text/html");
		pages.put(name, response.body());
	}

	@Test
	void everyPageIsValidHtml() {
		// a control, checked in the same run: the article as it was served before, with a datetime to the microsecond
		String article = pages.get("article");
		Matcher datetime = Pattern.compile("datetime=\"([^\"]+)Z\"").matcher(article);
		assertThat(datetime.find()).as("the article has a note's time").isTrue();
		String control = article.substring(0, datetime.start(1)) + datetime.group(1) + ".022012"
				+ article.substring(datetime.end(1));
		Map<String, String> checked = new LinkedHashMap<>(pages);
		checked.put(CONTROL, control);

		Map<String, List<Message>> messages = HtmlChecker.check(checked);

		assertThat(messages.remove(CONTROL)).as("the control is refused for its datetime alone")
			.filteredOn(Message::isError).singleElement().asString().contains("datetime", ".022012Z");

		messages.forEach((page, found) -> {
			long errors = found.stream().filter(Message::isError).count();
			System.out.println("Nu Html Checker: " + page + ": " + errors + " errors, "
					+ found.stream().filter(Message::isWarning).count() + " warnings");
			found.stream().filter(message -> !message.isError()).forEach(message -> System.out.println("  " + message));
		});
		Map<String, String> errors = new LinkedHashMap<>();
		messages.forEach((page, found) -> {
			String listed = found.stream().filter(Message::isError).map(Message::toString).collect(Collectors.joining("\n  "));
			if (!listed.isEmpty()) {
				errors.put(page, listed);
			}
		});
		assertThat(messages).as("every page was checked").containsOnlyKeys(pages.keySet());
		assertThat(errors).as(() -> "errors of the Nu Html Checker:\n" + errors.entrySet().stream()
			.map(page -> page.getKey() + ":\n  " + page.getValue()).collect(Collectors.joining("\n"))).isEmpty();
	}

}
