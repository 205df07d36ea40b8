package dev.marginalia.notes;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.identity.ReaderKey;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
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

/**
 * "Useful" through the plain forms, as a browser without JavaScript sends them, over real HTTP: a reader presses it
 * once and again to take it back, counted once per reader (their secret, or their address without one), shown as a
 * count to everyone and as pressed to the reader alone; refused on the reader's own note, not found on what they may
 * not see (private, hidden, deleted); the most useful first when asked; the kept page rebuilt; the exports counting.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NoteReactionsTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	static final String PARAGRAPH = ARTICLE + "/p/" + BLOCK + "/notes";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	@Autowired
	NoteModeration moderation;

	@Autowired
	NoteReactions reactions;

	WebClient web;

	Author ada;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
		ada = queries.author(AuthorSecrets.newSecret());
	}

	Note adasNote(String body) {
		return commands.create(SLUG, BLOCK, new NewNote(body, "Ada", "public"), ada);
	}

	int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM note_reactions").query(Integer.class).single();
	}

	/** A reader with a secret of their own (given by a note they wrote on another paragraph). */
	FormClient readerWithASecret() {
		FormClient reader = new FormClient(port);
		reader.write(ARTICLE, "p-TloTio", "A note of my own elsewhere");
		return reader;
	}

	/** The "Useful" form of a note on a page: its action and its fields (the token is the client's). */
	static Map.Entry<String, Map<String, String>> form(Document page, String noteId) {
		Element form = page.selectFirst("#note-" + noteId + " form.useful");
		assertThat(form).as("the Useful form of " + noteId).isNotNull();
		Map<String, String> fields = new LinkedHashMap<>();
		form.select("input[type=hidden]").stream().filter(input -> !input.attr("name").equals("_csrf"))
			.forEach(input -> fields.put(input.attr("name"), input.attr("value")));
		return Map.entry(form.attr("action"), fields);
	}

	/** Presses the button as the page shows it, and follows nothing. */
	static HttpResponse<String> press(FormClient reader, String path, String noteId) {
		Map.Entry<String, Map<String, String>> form = form(reader.page(path), noteId);
		return reader.post(form.getKey(), form.getValue());
	}

	/** A reader without cookies or secret, known by the address their proxy gives, sends the form. */
	HttpResponse<String> pressFrom(String address, String noteId, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return web.send(web.request(ARTICLE + "/notes/" + noteId + "/useful", "Content-Type",
				"application/x-www-form-urlencoded", "Accept", "text/html", "X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static Element button(Document page, String noteId) {
		return page.selectFirst("#note-" + noteId + " button.useful-button");
	}

	Document shared(String path) {
		HttpResponse<String> response = web.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body(), web.base() + path);
	}

	@Test
	void aReaderWithoutASecretPressesUsefulAndPressesAgainToTakeItBack() {
		Note note = adasNote("Worth reading");
		Element before = button(shared(ARTICLE), note.id());
		assertThat(before.selectFirst(".useful-count").text()).isEqualTo("0");
		assertThat(before.text()).as("its name, for a screen reader").startsWith("Useful")
			.endsWith(", 0 readers found the note by Ada useful");
		assertThat(before.hasAttr("aria-pressed")).as("the shared page cannot know who pressed").isFalse();
		Map<String, String> fields = form(shared(ARTICLE), note.id()).getValue();
		assertThat(fields).containsEntry("back", ARTICLE).doesNotContainKey("pressed");

		HttpResponse<String> pressed = pressFrom("198.51.100.7", note.id(), fields);
		assertThat(pressed.statusCode()).isEqualTo(303);
		assertThat(pressed.headers().firstValue("Location").orElseThrow())
			.endsWith(ARTICLE + "?done=useful#note-" + note.id());
		assertThat(button(shared(ARTICLE), note.id()).selectFirst(".useful-count").text()).isEqualTo("1");
		assertThat(shared(ARTICLE + "?done=useful").select("p.flash").text()).isEqualTo("You marked the note useful.");

		HttpResponse<String> again = pressFrom("198.51.100.7", note.id(), fields);
		assertThat(again.headers().firstValue("Location").orElseThrow())
			.endsWith(ARTICLE + "?done=unuseful#note-" + note.id());
		assertThat(button(shared(ARTICLE), note.id()).selectFirst(".useful-count").text()).isEqualTo("0");
		assertThat(stored()).isZero();
	}

	@Test
	void eachReaderCountsOnceAndSeesTheirOwnPressOnTheirPages() {
		Note note = adasNote("Worth reading");
		FormClient bob = readerWithASecret();
		FormClient carol = readerWithASecret();
		Element unpressed = button(bob.page(PARAGRAPH), note.id());
		assertThat(unpressed.attr("aria-pressed")).isEqualTo("false");

		assertThat(press(bob, PARAGRAPH, note.id()).headers().firstValue("Location").orElseThrow())
			.as("back to the page it was pressed on, at the note").endsWith(PARAGRAPH + "#note-" + note.id());
		assertThat(press(carol, ARTICLE, note.id()).statusCode()).isEqualTo(303);
		pressFrom("198.51.100.8", note.id(), Map.of("pressed", "true"));

		Document bobs = bob.page(PARAGRAPH);
		assertThat(button(bobs, note.id()).attr("aria-pressed")).isEqualTo("true");
		assertThat(button(bobs, note.id()).selectFirst(".useful-count").text()).isEqualTo("3");
		assertThat(form(bobs, note.id()).getValue()).as("the next press takes it back").containsEntry("pressed", "false");
		assertThat(button(bob.page(ARTICLE), note.id()).attr("aria-pressed")).as("in Bob's own article page too")
			.isEqualTo("true");
		FormClient dan = readerWithASecret();
		assertThat(button(dan.page(ARTICLE), note.id()).attr("aria-pressed")).isEqualTo("false");

		// asked for what is so already (a page from before, a second tab): nothing changes
		Map<String, String> on = new LinkedHashMap<>(form(bobs, note.id()).getValue());
		on.put("pressed", "true");
		bob.post(ARTICLE + "/notes/" + note.id() + "/useful", on);
		assertThat(stored()).isEqualTo(3);
		assertThat(queries.find(SLUG, note.id(), null).orElseThrow().useful()).isEqualTo(3);
	}

	@Test
	void theSharedPageShowsTheCountButNeverWhoPressed() {
		Note note = adasNote("Worth reading");
		FormClient bob = readerWithASecret();
		String etag = web.get(ARTICLE).headers().firstValue("ETag").orElseThrow();
		press(bob, ARTICLE, note.id());

		HttpResponse<String> after = web.get(ARTICLE);
		assertThat(after.headers().firstValue("ETag").orElseThrow()).as("the kept page is built again").isNotEqualTo(etag);
		Document page = Jsoup.parse(after.body());
		assertThat(button(page, note.id()).selectFirst(".useful-count").text()).isEqualTo("1");
		assertThat(page.select("[aria-pressed]")).isEmpty();
		assertThat(bob.get(ARTICLE + "/reactions/mine").body()).contains(note.id());
		HttpResponse<String> someoneElse = web.send(web.request(ARTICLE + "/reactions/mine", "X-Forwarded-For",
				"198.51.100.9").GET().build());
		assertThat(someoneElse.body()).isEqualTo("{\"useful\":[]}");
		assertThat(someoneElse.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store", "private");
	}

	@Test
	void theReadersOwnNoteShowsItsCountButIsNotTheirsToFindUseful() {
		FormClient bob = readerWithASecret();
		String own = bob.write(ARTICLE, BLOCK, "My own point");
		pressFrom("198.51.100.10", own, Map.of("pressed", "true"));
		Document page = bob.page(PARAGRAPH);
		assertThat(page.select("#note-" + own + " form.useful")).isEmpty();
		assertThat(page.select("#note-" + own + " .useful-count-only").text()).isEqualTo("1 reader found this useful");

		HttpResponse<String> refused = bob.post(ARTICLE + "/notes/" + own + "/useful", Map.of("pressed", "true"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(refused.body()).select("main p").eachText())
			.contains("This is your own note: it is for other readers to find it useful.");
		assertThat(stored()).isEqualTo(1);
	}

	@Test
	void aPrivateNoteIsNotFoundToAnyoneButItsAuthorWhoIsToldItTakesNone() {
		FormClient bob = readerWithASecret();
		bob.page(PARAGRAPH);
		HttpResponse<String> written = bob.post(PARAGRAPH, Map.of("body", "Mine alone", "visibility", "private"));
		String location = written.headers().firstValue("Location").orElseThrow();
		String hidden = location.substring(location.indexOf("#note-") + 6);

		assertThat(pressFrom("198.51.100.11", hidden, Map.of()).statusCode()).isEqualTo(404);
		FormClient carol = readerWithASecret();
		carol.page(ARTICLE);
		assertThat(carol.post(ARTICLE + "/notes/" + hidden + "/useful", Map.of()).statusCode()).isEqualTo(404);
		HttpResponse<String> own = bob.post(ARTICLE + "/notes/" + hidden + "/useful", Map.of());
		assertThat(own.statusCode()).isEqualTo(409);
		assertThat(own.body()).contains("A private note takes no reactions.");
		assertThat(stored()).isZero();
	}

	@Test
	void aHiddenNoteIsNotFoundToAnyoneButTheModeratorWhoIsToldItTakesNone() {
		Note note = adasNote("Hidden soon");
		moderation.setHidden(SLUG, note.id(), true);
		assertThat(pressFrom("198.51.100.12", note.id(), Map.of()).statusCode()).isEqualTo(404);
		FormClient moderator = new FormClient(port).signInAsModerator();
		HttpResponse<String> refused = moderator.post(ARTICLE + "/notes/" + note.id() + "/useful", Map.of());
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("A hidden note takes no reactions");
		assertThat(stored()).isZero();
	}

	@Test
	void aDeletedNoteOrOneThatNeverWasIsNotFound() {
		Note note = adasNote("Soon a tombstone");
		commands.reply(SLUG, note.id(), new NewNote("A reply keeps it", null, "public"), queries.author(AuthorSecrets.newSecret()));
		pressFrom("198.51.100.13", note.id(), Map.of("pressed", "true"));
		commands.delete(SLUG, note.id(), null, ada);
		assertThat(stored()).as("a tombstone keeps no reactions").isZero();
		assertThat(pressFrom("198.51.100.13", note.id(), Map.of()).statusCode()).isEqualTo(404);
		assertThat(pressFrom("198.51.100.13", "AAAAAAAAAAAAAAAAAAAAAA", Map.of()).statusCode()).isEqualTo(404);
		assertThat(web.send(web.request("/articles/no-such-article/notes/" + note.id() + "/useful", "Content-Type",
				"application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("")).build()).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aFormSentWithCookiesButWithoutItsTokenIsRefused() {
		Note note = adasNote("Worth reading");
		FormClient bob = readerWithASecret();
		bob.page(ARTICLE);
		HttpResponse<String> forged = bob.postRaw(ARTICLE + "/notes/" + note.id() + "/useful", Map.of("pressed", "true"));
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(stored()).isZero();
	}

	@Test
	void whereTheFormCameFromDecidesWhereItLeadsBackButNeverOffTheArticle() {
		Note note = adasNote("Worth reading");
		for (String back : List.of("https://evil.example/", "//evil.example/x", "/articles/another/notes",
				"/articles/" + SLUG + "@evil.example")) {
			HttpResponse<String> response = pressFrom("198.51.100.14", note.id(), Map.of("back", back));
			assertThat(response.statusCode()).isEqualTo(303);
			assertThat(response.headers().firstValue("Location").orElseThrow()).as(back)
				.matches(".*" + ARTICLE + "\\?done=(un)?useful#note-" + note.id());
		}
		HttpResponse<String> sorted = pressFrom("198.51.100.14", note.id(),
				Map.of("back", PARAGRAPH + "?sort=useful&page=1"));
		assertThat(sorted.headers().firstValue("Location").orElseThrow())
			.endsWith(PARAGRAPH + "?sort=useful&page=1#note-" + note.id());
	}

	@Test
	void theMostUsefulComeFirstWhenAsked() {
		OffsetDateTime start = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);
		List<String> bodies = List.of("None found it useful", "Three found it useful", "One found it useful",
				"Two found it useful");
		List<Note> notes = new ArrayList<>();
		for (int i = 0; i < bodies.size(); i++) {
			Note note = adasNote(bodies.get(i));
			jdbc.sql("UPDATE notes SET created_at = :time WHERE id = :id").param("time", start.plusMinutes(i))
				.param("id", note.id()).update();
			jdbc.sql("UPDATE note_places SET created_at = :time WHERE note_id = :id").param("time", start.plusMinutes(i))
				.param("id", note.id()).update();
			notes.add(note);
		}
		int[] presses = { 0, 3, 1, 2 };
		for (int i = 0; i < presses.length; i++) {
			for (int reader = 0; reader < presses[i]; reader++) {
				reactions.useful(SLUG, notes.get(i).id(), Viewer.ANONYMOUS, ReaderKey.of(null, "203.0.113." + reader),
						NoteReactions.Press.ON);
			}
		}

		Element margin = shared(ARTICLE + "?sort=useful").getElementById("notes-" + BLOCK);
		assertThat(NoteSortTests.threads(margin)).containsExactly("Three found it useful", "Two found it useful",
				"One found it useful");
		assertThat(margin.selectFirst(".notes-earlier a").text()).isEqualTo("1 other note");
		assertThat(margin.selectFirst(".notes-earlier a").attr("href")).isEqualTo(PARAGRAPH + "?sort=useful");
		assertThat(NoteSortTests.threads(shared(PARAGRAPH + "?sort=useful"))).containsExactly("Three found it useful",
				"Two found it useful", "One found it useful", "None found it useful");
		assertThat(NoteSortTests.threads(shared(ARTICLE + "/notes?sort=useful").selectFirst("section.print-notes")))
			.containsExactly("Three found it useful", "Two found it useful", "One found it useful", "None found it useful");
		assertThat(form(shared(PARAGRAPH + "?sort=useful"), notes.get(1).id()).getValue())
			.as("a press leads back to the page in its order").containsEntry("back", PARAGRAPH + "?sort=useful");
	}

	@Test
	void pressesAtTheSameMomentCountOnce() throws Exception {
		Note note = adasNote("Pressed twice at once");
		ReaderKey bob = ReaderKey.of(null, "198.51.100.15");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<NoteReactions.State>> presses = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				presses.add(pool.submit(() -> {
					start.await();
					return reactions.useful(SLUG, note.id(), Viewer.ANONYMOUS, bob, NoteReactions.Press.ON);
				}));
			}
			start.countDown();
			int changed = 0;
			for (Future<NoteReactions.State> press : presses) {
				changed += press.get().changed() ? 1 : 0;
			}
			assertThat(changed).as("one press stored it; the others found it there").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stored()).isEqualTo(1);
		assertThat(reactions.state(SLUG, note.id(), Viewer.ANONYMOUS, bob)).isEqualTo(
				new NoteReactions.State(note.id(), 1, true, false));
	}

	@Test
	void theDownloadsCountTheReadersWhoFoundEachNoteUseful() {
		Note note = adasNote("Counted in the downloads");
		reactions.useful(SLUG, note.id(), Viewer.ANONYMOUS, ReaderKey.of(null, "198.51.100.16"), NoteReactions.Press.ON);
		reactions.useful(SLUG, note.id(), Viewer.ANONYMOUS, ReaderKey.of(null, "198.51.100.17"), NoteReactions.Press.ON);
		assertThat(web.get(ARTICLE + "/notes.md").body()).contains("Counted in the downloads")
			.contains("*2 readers found this useful.*");
		List<String> csv = web.get(ARTICLE + "/notes.csv").body().lines().toList();
		assertThat(csv.get(0)).endsWith(",tags,useful,colour");
		// a note on the whole paragraph: no colour after its count
		assertThat(csv).anySatisfy(row -> assertThat(row).startsWith(note.id()).endsWith(",2,"));
	}

}
