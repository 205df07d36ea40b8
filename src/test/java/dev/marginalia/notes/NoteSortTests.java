package dev.marginalia.notes;

import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sorting the notes (issue 19): by where their passage is now (the default), newest first, or most replies first, on
 * the article page's margin, a paragraph's notes page and the page of all the notes; plain links, kept in the URL and
 * in the paging links. Four threads on one paragraph, at known places, times and reply counts:
 *
 * <pre>
 *   whole  — written 1st, no reply          (Whole old)
 *   whole  — written 2nd, 3 replies         (Whole replied)
 *   "globalization" (start 13) — 4th, 1 reply (Early passage)
 *   "hundreds of millions" (later) — 3rd, 2 replies (Late passage)
 * </pre>
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NoteSortTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	static final String PARAGRAPH = ARTICLE + "/p/" + BLOCK + "/notes";

	static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	WebClient web;

	Author ada;

	@BeforeEach
	void seed() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
		ada = author();
		note("Whole old", null, 1);
		Note wholeReplied = note("Whole replied", null, 2);
		Note latePassage = note("Late passage", "hundreds of millions", 3);
		Note earlyPassage = note("Early passage", "globalization", 4);
		replies(wholeReplied, 3);
		replies(latePassage, 2);
		replies(earlyPassage, 1);
	}

	/** A note by Ada, written {@code minute} minutes after {@link #START}. */
	Note note(String body, @Nullable String quote, int minute) {
		Note note = commands.create(SLUG, BLOCK, new NewNote(body, "Ada", "public", quote, null), ada);
		writtenAt(note.id(), START.plusMinutes(minute));
		return note;
	}

	void replies(Note note, int count) {
		for (int i = 0; i < count; i++) {
			Note reply = commands.reply(SLUG, note.id(), new NewNote("Reply " + i + " to " + note.body(), "Bob", "public"),
					author());
			writtenAt(reply.id(), START.plusHours(1).plusMinutes(i));
		}
	}

	/** Sets when a note was written, in the notes and in their narrow rows (as if written then). */
	void writtenAt(String id, OffsetDateTime time) {
		jdbc.sql("UPDATE notes SET created_at = :time WHERE id = :id").param("time", time).param("id", id).update();
		jdbc.sql("UPDATE note_places SET created_at = :time WHERE note_id = :id").param("time", time).param("id", id)
			.update();
	}

	Author author() {
		return queries.author(AuthorSecrets.newSecret());
	}

	Document page(String path) {
		HttpResponse<String> response = web.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body(), web.base() + path);
	}

	/** The bodies of the threads' notes (not replies) in an element, in the order shown. */
	static List<String> threads(Element within) {
		return within.select("ol.threads > li.thread > .note .note-body").eachText();
	}

	@ParameterizedTest(name = "?sort={0}")
	@CsvSource(delimiter = '|', value = {
			"''       | Whole replied, Early passage, Late passage | 1 earlier note",
			"position | Whole replied, Early passage, Late passage | 1 earlier note",
			"newest   | Early passage, Late passage, Whole replied | 1 older note",
			"replies  | Whole replied, Late passage, Early passage | 1 more note" })
	void theMarginShowsThreeThreadsInTheOrderChosen(String sort, String shown, String others) {
		Document article = page(ARTICLE + (sort.isEmpty() ? "" : "?sort=" + sort));
		Element aside = article.getElementById("notes-" + BLOCK);
		assertThat(threads(aside)).containsExactly(shown.split(", "));
		assertThat(aside.selectFirst(".notes-earlier a").text()).isEqualTo(others);
		String paragraph = sort.isEmpty() || sort.equals("position") ? PARAGRAPH : PARAGRAPH + "?sort=" + sort;
		assertThat(aside.selectFirst(".notes-earlier a").attr("href")).as("the notes page in the same order")
			.isEqualTo(paragraph);
		assertThat(aside.selectFirst(".notes-head a").attr("href")).isEqualTo(paragraph);
	}

	@ParameterizedTest(name = "?sort={0}")
	@CsvSource(delimiter = '|', value = {
			"''       | Whole old, Whole replied, Early passage, Late passage",
			"newest   | Early passage, Late passage, Whole replied, Whole old",
			"replies  | Whole replied, Late passage, Early passage, Whole old" })
	void theParagraphsNotesPageAndThePageOfAllNotesSortAlike(String sort, String order) {
		String query = sort.isEmpty() ? "" : "?sort=" + sort;
		assertThat(threads(page(PARAGRAPH + query))).containsExactly(order.split(", "));
		Element printed = page(ARTICLE + "/notes" + query).select("section.print-notes").stream()
			.filter(notes -> notes.text().contains("Whole old")).findFirst().orElseThrow();
		assertThat(threads(printed)).containsExactly(order.split(", "));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { ARTICLE, PARAGRAPH, ARTICLE + "/notes" })
	void eachPageHasTheSortLinksWithTheCurrentOneMarked(String path) {
		for (String sort : List.of("", "position", "newest", "replies", "useful")) {
			Document html = page(path + (sort.isEmpty() ? "" : "?sort=" + sort));
			Element nav = html.selectFirst("nav.sort-notes");
			assertThat(nav).as(path + " " + sort).isNotNull();
			assertThat(nav.select("a").eachAttr("href")).containsExactly(path, path + "?sort=newest",
					path + "?sort=replies", path + "?sort=useful");
			assertThat(nav.select("a").eachText()).containsExactly("In the order of the text", "Newest first",
					"Most replies", "Most useful");
			assertThat(nav.select("a[aria-current=page]").eachText()).containsExactly(switch (sort) {
				case "newest" -> "Newest first";
				case "replies" -> "Most replies";
				case "useful" -> "Most useful";
				default -> "In the order of the text";
			});
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { ARTICLE, PARAGRAPH, ARTICLE + "/notes" })
	void anUnknownSortIsABadRequestThatSaysWhichSortsThereAre(String path) {
		HttpResponse<String> response = web.get(path + "?sort=%3Cb%3Eoldest");
		assertThat(response.statusCode()).isEqualTo(400);
		Document html = Jsoup.parse(response.body());
		assertThat(html.select("main p").eachText()).contains(
				"The notes cannot be sorted by “<b>oldest”: sort is position, newest, replies or useful.");
		assertThat(html.select("main b")).isEmpty();
		assertThat(web.get(path + "?sort=NEWEST").statusCode()).as("any case").isEqualTo(200);
	}

	@Test
	void theOrphansPageSortsAlikeAndKeepsTheSortInItsLinks() {
		// the four threads' places, as re-anchoring leaves them when their text left the article: orphans (the anchors
		// outlive the notes, so they are put back where they were at the end)
		jdbc.sql("UPDATE anchors SET placed_block_id = NULL, orphaned = TRUE WHERE article_slug = :slug")
			.param("slug", SLUG).update();
		try {
			String orphans = ARTICLE + "/orphans";
			assertThat(threads(page(orphans))).containsExactly("Whole old", "Whole replied", "Early passage",
					"Late passage");
			assertThat(threads(page(orphans + "?sort=newest"))).containsExactly("Early passage", "Late passage",
					"Whole replied", "Whole old");
			assertThat(threads(page(orphans + "?sort=replies"))).containsExactly("Whole replied", "Late passage",
					"Early passage", "Whole old");
			Element nav = page(orphans + "?sort=replies").selectFirst("nav.sort-notes");
			assertThat(nav.select("a").eachAttr("href")).containsExactly(orphans, orphans + "?sort=newest",
					orphans + "?sort=replies", orphans + "?sort=useful");
			assertThat(nav.select("a[aria-current=page]").eachText()).containsExactly("Most replies");
			assertThat(web.get(orphans + "?sort=oldest").statusCode()).isEqualTo(400);
		}
		finally {
			jdbc.sql("UPDATE anchors SET placed_block_id = block_id, orphaned = FALSE WHERE article_slug = :slug")
				.param("slug", SLUG).update();
		}
	}

	@Test
	void theSortIsKeptInThePagingLinks() {
		// 52 threads more, older than the four: two pages of them
		for (int i = 0; i < 52; i++) {
			Note note = commands.create(SLUG, BLOCK, new NewNote("Filler " + i, null, "public"), author());
			writtenAt(note.id(), START.minusDays(1).plusMinutes(i));
		}
		Document first = page(PARAGRAPH + "?sort=newest");
		assertThat(threads(first)).hasSize(NoteQueries.PARAGRAPH_PAGE)
			.startsWith("Early passage", "Late passage", "Whole replied", "Whole old", "Filler 51");
		String next = first.selectFirst(".pager a[rel=next]").attr("href");
		assertThat(next).isEqualTo(PARAGRAPH + "?sort=newest&page=2");
		Document second = page(next);
		assertThat(threads(second)).containsExactly("Filler 5", "Filler 4", "Filler 3", "Filler 2", "Filler 1",
				"Filler 0");
		assertThat(second.selectFirst(".pager a[rel=prev]").attr("href")).isEqualTo(PARAGRAPH + "?sort=newest&page=1");
		assertThat(second.selectFirst("nav.sort-notes a[aria-current]").text()).isEqualTo("Newest first");

		Document byReplies = page(PARAGRAPH + "?sort=replies&page=2");
		assertThat(threads(byReplies)).containsExactly("Filler 5", "Filler 4", "Filler 3", "Filler 2", "Filler 1",
				"Filler 0");
		assertThat(byReplies.selectFirst(".pager a[rel=prev]").attr("href")).isEqualTo(PARAGRAPH + "?sort=replies&page=1");
		assertThat(page(PARAGRAPH).selectFirst(".pager a[rel=next]").attr("href")).as("the default: no sort in the URL")
			.isEqualTo(PARAGRAPH + "?page=2");
	}

	@Test
	void eachOrderIsAPageOfItsOwnKeptUntilTheNotesChange() {
		HttpResponse<String> byText = web.get(ARTICLE);
		HttpResponse<String> newest = web.get(ARTICLE + "?sort=newest");
		assertThat(newest.headers().firstValue("ETag")).isNotEqualTo(byText.headers().firstValue("ETag"));
		assertThat(web.get(ARTICLE + "?sort=newest").headers().firstValue("ETag"))
			.isEqualTo(newest.headers().firstValue("ETag"));
		assertThat(web.get(ARTICLE).headers().firstValue("ETag")).isEqualTo(byText.headers().firstValue("ETag"));
		assertThat(newest.headers().firstValue("Cache-Control")).hasValue("no-cache");

		Note latest = commands.create(SLUG, BLOCK, new NewNote("The very latest", null, "public"), author());
		writtenAt(latest.id(), START.plusDays(1));
		assertThat(threads(page(ARTICLE + "?sort=newest").getElementById("notes-" + BLOCK)))
			.containsExactly("The very latest", "Early passage", "Late passage");
		assertThat(threads(page(ARTICLE).getElementById("notes-" + BLOCK))).as("a note on the whole paragraph comes first")
			.containsExactly("The very latest", "Early passage", "Late passage");
	}

	@Test
	void repliesOnlyTheirWriterSeesCountForThemAlone() {
		FormClient carol = new FormClient(port);
		String lonely = carol.write(ARTICLE, BLOCK, "Carol's note");
		writtenAt(lonely, START);
		carol.page(ARTICLE + "/notes/" + lonely + "/reply");
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> reply = carol.post(ARTICLE + "/notes/" + lonely + "/replies",
					Map.of("body", "Carol's private reply " + i, "visibility", "private"));
			assertThat(reply.statusCode()).isEqualTo(303);
		}

		assertThat(threads(page(ARTICLE + "?sort=replies").getElementById("notes-" + BLOCK)))
			.as("for others, Carol's note has no reply").containsExactly("Whole replied", "Late passage", "Early passage");
		assertThat(threads(carol.page(ARTICLE + "?sort=replies").getElementById("notes-" + BLOCK)))
			.as("for Carol, it has four").containsExactly("Carol's note", "Whole replied", "Late passage");
		assertThat(threads(carol.page(PARAGRAPH + "?sort=replies"))).first().isEqualTo("Carol's note");
		assertThat(threads(page(PARAGRAPH + "?sort=replies"))).last().isEqualTo("Carol's note");
	}

}
