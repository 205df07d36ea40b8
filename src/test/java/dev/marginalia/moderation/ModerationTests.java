package dev.marginalia.moderation;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.identity.ModeratorSignIns;
import dev.marginalia.identity.SignInGuard;
import dev.marginalia.live.EventStream;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moderation over real HTTP, as browsers without JavaScript use it: the moderator's sign-in (wrong password,
 * unknown user, lock-out, session fixation, sign-out), flags, the queue, hiding a note and checking it from a
 * reader's side everywhere, deleting, importing, and every moderator action tried without the sign-in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.moderation.failures-before-lockout=5")
class ModerationTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	static final Duration SECOND = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInGuard guard;

	@BeforeEach
	void setUp() {
		TestNotes.deleteAll(jdbc);
		jdbc.sql("DELETE FROM persistent_logins").update();
		guard.forget();
	}

	FormClient client() {
		return new FormClient(port);
	}

	boolean hidden(String id) {
		return jdbc.sql("SELECT hidden FROM notes WHERE id = :id").param("id", id).query(Boolean.class).single();
	}

	int notes() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	static String action(String id, String what) {
		return "/moderation/articles/" + SLUG + "/notes/" + id + "/" + what;
	}

	@Test
	void theModeratorSignsInWithAFreshStrictHttpOnlyCookieAndSeesTheQueue() {
		FormClient moderator = client();
		HttpResponse<String> response = moderator.signIn(FormClient.MODERATOR, FormClient.PASSWORD);

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/moderation");
		String cookie = response.headers().allValues("Set-Cookie").stream()
			.filter(value -> value.startsWith(ModeratorSignIns.COOKIE + "=")).findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM persistent_logins").query(Integer.class).single()).isEqualTo(1);
		Document queue = moderator.page("/moderation");
		assertThat(queue.select("h1").text()).isEqualTo("Moderation queue");
		assertThat(queue.text()).contains("No note is flagged.", "No note is hidden.");
	}

	@Test
	void aWrongPasswordAndAnUnknownUserGetTheSameAnswerBesideThePasswordField() {
		FormClient wrongPassword = client();
		HttpResponse<String> one = wrongPassword.signIn(FormClient.MODERATOR, "not the password");
		FormClient unknownUser = client();
		HttpResponse<String> two = unknownUser.signIn("somebody", FormClient.PASSWORD);

		for (HttpResponse<String> response : List.of(one, two)) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(ModeratorSignIns.COOKIE));
			Document page = org.jsoup.Jsoup.parse(response.body());
			assertThat(page.select("#password-error").text()).isEqualTo("That username and password do not match.");
			assertThat(page.select("#password").attr("aria-describedby")).isEqualTo("password-error");
			assertThat(page.select("#password").attr("value")).as("the password is never sent back").isEmpty();
		}
		assertThat(wrongPassword.get("/moderation").statusCode()).isEqualTo(303);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM persistent_logins").query(Integer.class).single()).isZero();
	}

	@Test
	void emptyFieldsAreShownBesideTheirField() {
		FormClient reader = client();
		reader.page("/moderation/sign-in");
		HttpResponse<String> response = reader.post("/moderation/sign-in", Map.of("username", " ", "password", ""));

		assertThat(response.statusCode()).isEqualTo(400);
		Document page = org.jsoup.Jsoup.parse(response.body());
		assertThat(page.select("#username-error").text()).startsWith("Enter the moderator's username");
		assertThat(page.select("#password-error").text()).startsWith("Enter the password");
	}

	@Test
	void afterFiveFailuresEvenTheRightPasswordIsRefusedForAWhile() {
		FormClient guesser = client();
		for (int i = 0; i < 5; i++) {
			assertThat(guesser.signIn(FormClient.MODERATOR, "guess " + i).statusCode()).isEqualTo(400);
		}
		HttpResponse<String> locked = guesser.signIn(FormClient.MODERATOR, FormClient.PASSWORD);

		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(locked.headers().firstValue("Retry-After")).isPresent();
		assertThat(org.jsoup.Jsoup.parse(locked.body()).select("#password-error").text())
			.startsWith("Too many failed sign-ins").contains("Try again in 15 minutes.");
		assertThat(locked.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(ModeratorSignIns.COOKIE));
		// the username is locked whatever the address, and the address whatever the username
		assertThat(client().signIn("MODERATOR ", FormClient.PASSWORD).statusCode()).isEqualTo(429);
		assertThat(client().signIn("another-name", "x").statusCode()).isEqualTo(429);
	}

	@Test
	void aCookieSetBeforeSignInIsNotTheOneThatAuthorisesAfterIt() {
		FormClient victim = client();
		String planted = "A".repeat(43);
		victim.cookies.put(ModeratorSignIns.COOKIE, planted);
		victim.page("/moderation/sign-in");
		String csrfBefore = victim.cookies.get("XSRF-TOKEN");
		assertThat(csrfBefore).isNotNull();

		HttpResponse<String> response = victim.post("/moderation/sign-in",
				Map.of("username", FormClient.MODERATOR, "password", FormClient.PASSWORD));

		assertThat(response.statusCode()).isEqualTo(303);
		String minted = victim.cookies.get(ModeratorSignIns.COOKIE);
		assertThat(minted).isNotEqualTo(planted).isNotEmpty();
		assertThat(victim.cookies).as("the CSRF token of before the sign-in is dropped").doesNotContainKey("XSRF-TOKEN");
		assertThat(victim.get("/moderation").statusCode()).isEqualTo(200);
		FormClient attacker = client();
		attacker.cookies.put(ModeratorSignIns.COOKIE, planted);
		assertThat(attacker.get("/moderation").statusCode()).as("the planted cookie authorises nothing").isEqualTo(303);
		assertThat(victim.page("/moderation").selectFirst("meta[name=_csrf]").attr("content")).isNotEqualTo(csrfBefore);
	}

	@Test
	void signingOutEndsTheSignInEvenForACopyOfTheCookie() {
		FormClient moderator = client().signInAsModerator();
		String token = moderator.cookies.get(ModeratorSignIns.COOKIE);

		HttpResponse<String> out = moderator.post("/moderation/sign-out", Map.of());

		assertThat(out.statusCode()).isEqualTo(303);
		assertThat(moderator.cookies).doesNotContainKey(ModeratorSignIns.COOKIE);
		FormClient copy = client();
		copy.cookies.put(ModeratorSignIns.COOKIE, token);
		assertThat(copy.get("/moderation").statusCode()).isEqualTo(303);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM persistent_logins").query(Integer.class).single()).isZero();
	}

	@Test
	void everyModeratorActionWithoutTheSignInChangesNothing() {
		FormClient writer = client();
		String note = writer.write(ARTICLE, BLOCK, "A note nobody may hide but the moderator.");
		writer.page(ARTICLE);
		FormClient anonymous = client();
		// the article page of a reader without cookies carries no token; the paragraph's notes page gives one
		anonymous.page(ARTICLE + "/p/" + BLOCK + "/notes");
		assertThat(anonymous.csrf()).isNotEmpty();

		for (FormClient who : List.of(writer, anonymous)) {
			for (String what : List.of("hide", "unhide", "delete", "dismiss")) {
				HttpResponse<String> response = who.post(action(note, what), Map.of("back", "article"));
				assertThat(response.statusCode()).as(what).isEqualTo(303);
				assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/moderation/sign-in");
			}
			assertThat(who.get("/moderation").statusCode()).isEqualTo(303);
			assertThat(who.get("/moderation/import").statusCode()).isEqualTo(303);
			HttpResponse<String> imported = who.post("/moderation/import",
					Map.of("article", SLUG, "annotations", "[]"));
			assertThat(imported.statusCode()).isEqualTo(303);
		}
		assertThat(hidden(note)).isFalse();
		assertThat(notes()).isEqualTo(1);
		// signed in, but without the CSRF token: refused (403), nothing done
		FormClient moderator = client().signInAsModerator();
		for (String what : List.of("hide", "delete")) {
			assertThat(moderator.postRaw(action(note, what), Map.of()).statusCode()).isEqualTo(403);
			assertThat(moderator.postRaw(action(note, what), Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);
		}
		assertThat(hidden(note)).isFalse();
		assertThat(notes()).isEqualTo(1);
		// a sign-in without a CSRF token is refused too, even from a browser without cookies
		assertThat(client().postRaw("/moderation/sign-in",
				Map.of("username", FormClient.MODERATOR, "password", FormClient.PASSWORD)).statusCode()).isEqualTo(403);
	}

	@Test
	void aFlaggedNoteHiddenByTheModeratorVanishesForReadersEverywhereAndComesBack() throws Exception {
		FormClient writer = client();
		String note = writer.write(ARTICLE, BLOCK, "Buy cheap pills at example dot com");
		writer.page(ARTICLE + "/notes/" + note + "/reply");
		HttpResponse<String> replied = writer.post(ARTICLE + "/notes/" + note + "/replies",
				Map.of("body", "A reply under the spam", "visibility", "public"));
		String reply = replied.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
		FormClient reader = client();
		reader.page(ARTICLE + "/notes/" + note + "/flag");
		assertThat(reader.post(ARTICLE + "/notes/" + note + "/flag", Map.of("reason", "spam", "detail", "An advert"))
			.statusCode()).isEqualTo(303);
		FormClient moderator = client().signInAsModerator();
		Element queued = moderator.page("/moderation").selectFirst(".moderation-list li");
		assertThat(queued.text()).contains("Buy cheap pills", "Flagged once", "Spam or advertising × 1", "An advert");
		assertThat(queued.selectFirst(".paragraph-excerpt a").attr("href")).isEqualTo(ARTICLE + "#" + BLOCK);

		try (EventStream events = new EventStream(reader.base() + "/api/articles/" + SLUG + "/events", Map.of())) {
			HttpResponse<String> hide = moderator.post(action(note, "hide"), Map.of());
			assertThat(hide.statusCode()).isEqualTo(303);
			EventStream.Event event = events.next(SECOND);
			assertThat(event).isNotNull();
			assertThat(event.data()).contains("\"kind\":\"hidden\"", note);

			assertGone(reader, note, "Buy cheap pills");
			assertGone(reader, reply, "A reply under the spam");
			assertGone(writer, note, "Buy cheap pills");

			Document asModerator = moderator.page(ARTICLE);
			Element marked = asModerator.getElementById("note-" + note);
			assertThat(marked).isNotNull();
			assertThat(marked.select(".badge-hidden").text()).startsWith("Hidden");
			assertThat(marked.select("form[action$=/unhide] button").text()).startsWith("Unhide");
			assertThat(moderator.page("/moderation").select("#hidden ~ ol").text()).contains("Buy cheap pills");
			assertThat(api(moderator, "/api/articles/" + SLUG + "/annotations/" + note).statusCode())
				.as("the moderator still reads it in the API").isEqualTo(200);

			moderator.page(ARTICLE);
			assertThat(moderator.post(action(note, "unhide"), Map.of("back", "article")).headers().firstValue("Location")
				.orElseThrow()).endsWith(ARTICLE + "?done=unhide#note-" + note);
			EventStream.Event back = events.next(SECOND);
			assertThat(back).isNotNull();
			assertThat(back.data()).contains("\"kind\":\"unhidden\"", note);
		}
		assertThat(reader.page(ARTICLE).getElementById("note-" + note)).isNotNull();
		assertThat(api(reader, "/api/articles/" + SLUG + "/annotations/" + note).statusCode()).isEqualTo(200);
	}

	/** Neither the note nor its text anywhere a reader can look: page, paragraph page, API, exports, share page. */
	void assertGone(FormClient reader, String id, String text) {
		Document page = reader.page(ARTICLE);
		assertThat(page.getElementById("note-" + id)).isNull();
		assertThat(page.text()).doesNotContain(text);
		assertThat(page.select("#" + BLOCK).first().parent().select(".note-count").text()).contains("Add a note");
		assertThat(reader.page(ARTICLE + "/p/" + BLOCK + "/notes").text()).doesNotContain(text);
		assertThat(api(reader, "/api/articles/" + SLUG + "/annotations/" + id).statusCode()).isEqualTo(404);
		HttpResponse<String> collection = api(reader, "/api/articles/" + SLUG + "/annotations/");
		assertThat(collection.body()).doesNotContain(id).doesNotContain(text).contains("\"total\":0");
		for (String export : List.of("notes.md", "notes.csv", "notes.jsonld")) {
			HttpResponse<String> file = reader.get(ARTICLE + "/" + export);
			assertThat(file.statusCode()).isEqualTo(200);
			assertThat(file.body()).as(export).doesNotContain(text).doesNotContain(id);
		}
		assertThat(reader.get(ARTICLE + "/p/" + BLOCK).body()).doesNotContain(text);
		assertThat(reader.get(ARTICLE + "/notes/" + id + "/reply").statusCode()).isEqualTo(404);
	}

	static HttpResponse<String> api(FormClient client, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path))
			.header("Accept", "application/ld+json");
		String jar = client.cookieHeader();
		if (!jar.isEmpty()) {
			request.header("Cookie", jar);
		}
		return new dev.marginalia.support.WebClient(0).send(request.GET().build());
	}

	@Test
	void aReaderFlagsANoteOnceWithAReason() {
		FormClient writer = client();
		String note = writer.write(ARTICLE, BLOCK, "A note to flag");
		FormClient reader = client();
		Document form = reader.page(ARTICLE + "/notes/" + note + "/flag");
		assertThat(form.select("input[name=reason]")).hasSize(FlagReason.values().length);

		HttpResponse<String> none = reader.post(ARTICLE + "/notes/" + note + "/flag", Map.of("detail", "no reason"));
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(org.jsoup.Jsoup.parse(none.body()).select("#flag-reason-error").text()).isEqualTo("Choose why you flag this note.");
		HttpResponse<String> tooLong = reader.post(ARTICLE + "/notes/" + note + "/flag",
				Map.of("reason", "other", "detail", "x".repeat(501)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(org.jsoup.Jsoup.parse(tooLong.body()).select("#flag-detail-error").text()).contains("500");

		HttpResponse<String> first = reader.post(ARTICLE + "/notes/" + note + "/flag", Map.of("reason", "abuse"));
		assertThat(first.statusCode()).isEqualTo(303);
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("?done=flagged#note-" + note);
		assertThat(reader.page(ARTICLE + "?done=flagged").text()).contains("the moderator will look at that note");
		HttpResponse<String> again = reader.post(ARTICLE + "/notes/" + note + "/flag", Map.of("reason", "spam"));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(org.jsoup.Jsoup.parse(again.body()).select("#flag-reason-error").text())
			.isEqualTo("You have flagged this note already; the moderator will look at it.");
		HttpResponse<String> own = writer.post(ARTICLE + "/notes/" + note + "/flag", Map.of("reason", "spam"));
		assertThat(own.statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_flags").query(Integer.class).single()).isEqualTo(1);
		assertThat(reader.postRaw(ARTICLE + "/notes/" + note + "/flag", Map.of("reason", "spam")).statusCode())
			.as("without the CSRF token").isEqualTo(403);
		assertThat(reader.post(ARTICLE + "/notes/nonexistent/flag", Map.of("reason", "spam")).statusCode()).isEqualTo(404);
	}

	@Test
	void theQueueListsTheMostRecentlyFlaggedFirstWithCounts() {
		FormClient writer = client();
		String older = writer.write(ARTICLE, BLOCK, "Flagged first");
		String newer = writer.write(ARTICLE, BLOCK, "Flagged last");
		flag(older, "spam");
		flag(older, "spam");
		flag(newer, "off-topic");
		jdbc.sql("UPDATE note_flags SET created_at = created_at - INTERVAL '1' HOUR WHERE note_id = :id")
			.param("id", older).update();

		List<Element> items = client().signInAsModerator().page("/moderation").select("#flagged ~ ol > li");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).text()).contains("Flagged last", "Flagged once", "Off-topic × 1");
		assertThat(items.get(1).text()).contains("Flagged first", "Flagged 2 times", "Spam or advertising × 2");
	}

	/** A flag from a new reader: the first with an author cookie, so that each flag is another reader's. */
	void flag(String note, String reason) {
		FormClient reader = client();
		reader.cookies.put(AuthorCookie.NAME, dev.marginalia.identity.AuthorSecrets.newSecret());
		reader.page(ARTICLE + "/notes/" + note + "/flag");
		assertThat(reader.post(ARTICLE + "/notes/" + note + "/flag", Map.of("reason", reason)).statusCode()).isEqualTo(303);
	}

	@Test
	void theModeratorDeletesByTheAuthorsRules() {
		FormClient writer = client();
		String note = writer.write(ARTICLE, BLOCK, "A note with a reply");
		writer.page(ARTICLE + "/notes/" + note + "/reply");
		String reply = writer.post(ARTICLE + "/notes/" + note + "/replies", Map.of("body", "The reply", "visibility", "public"))
			.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
		flag(note, "abuse");
		FormClient moderator = client().signInAsModerator();

		assertThat(moderator.post(action(note, "delete"), Map.of()).statusCode()).isEqualTo(303);
		assertThat(jdbc.sql("SELECT deleted FROM notes WHERE id = :id").param("id", note).query(Boolean.class).single())
			.as("kept as a tombstone for its reply").isTrue();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_flags").query(Integer.class).single()).isZero();
		moderator.page("/moderation");
		assertThat(moderator.post(action(reply, "delete"), Map.of()).statusCode()).isEqualTo(303);
		assertThat(notes()).as("the last reply takes the tombstone with it").isZero();
		moderator.page("/moderation");
		assertThat(moderator.post(action(reply, "delete"), Map.of()).statusCode()).isEqualTo(404);
		assertThat(moderator.post(action("not-a-note", "hide"), Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void theModeratorNeverSeesNorTouchesSomeoneElsesPrivateNote() {
		FormClient writer = client();
		writer.page(ARTICLE + "/p/" + BLOCK + "/notes");
		String location = writer.post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", "My private thought", "visibility", "private")).headers().firstValue("Location").orElseThrow();
		String note = location.replaceAll(".*#note-", "");
		FormClient moderator = client().signInAsModerator();

		assertThat(moderator.page(ARTICLE).text()).doesNotContain("My private thought");
		assertThat(moderator.post(action(note, "hide"), Map.of()).statusCode()).isEqualTo(404);
		assertThat(hidden(note)).isFalse();
	}

	@Test
	void theModeratorImportsAPastedFileAndSeesTheReport() {
		FormClient writer = client();
		writer.write(ARTICLE, BLOCK, "A note to carry over");
		String file = writer.get(ARTICLE + "/notes.jsonld").body();
		TestNotes.deleteAll(jdbc);
		FormClient moderator = client().signInAsModerator();
		Document form = moderator.page("/moderation/import");
		assertThat(form.select("select#article option")).isNotEmpty();

		HttpResponse<String> response = moderator.post("/moderation/import", Map.of("article", SLUG, "annotations", file));

		assertThat(response.statusCode()).isEqualTo(200);
		Document report = org.jsoup.Jsoup.parse(response.body());
		assertThat(report.select("#report-heading").text()).isEqualTo("Imported 1 notes and 0 replies");
		assertThat(report.select(".import-report tbody tr")).hasSize(1);
		assertThat(notes()).isEqualTo(1);

		moderator.page("/moderation/import");
		HttpResponse<String> broken = moderator.post("/moderation/import", Map.of("article", SLUG, "annotations", "{not json"));
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(org.jsoup.Jsoup.parse(broken.body()).select("#annotations-error").text()).contains("not well-formed JSON");
		HttpResponse<String> noArticle = moderator.post("/moderation/import", Map.of("article", "nope", "annotations", file));
		assertThat(noArticle.statusCode()).isEqualTo(400);
		assertThat(notes()).isEqualTo(1);
	}

	@Test
	void theImportApiIsTheModeratorsAlone() {
		FormClient reader = client();
		String secret = dev.marginalia.identity.AuthorSecrets.newSecret();
		HttpResponse<String> response = reader.send(HttpRequest.newBuilder(
				URI.create(reader.base() + "/api/articles/" + SLUG + "/annotations/import"))
			.header("Content-Type", "application/ld+json")
			.header("Authorization", "Bearer " + secret)
			.POST(HttpRequest.BodyPublishers.ofString("[]")));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("Only the moderator can import notes");
	}

}
