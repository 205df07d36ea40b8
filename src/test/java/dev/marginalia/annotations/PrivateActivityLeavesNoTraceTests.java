package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.live.EventStream;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.PARAGRAPH;
import static dev.marginalia.annotations.ApiClient.SLUG;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing about a reader's private notes shows to anyone else: everything another reader can observe (a reader
 * without cookies, and Bob with his own) is recorded, Ada writes, edits, answers and deletes private notes over the
 * forms and over the API, and every observation is the same byte for byte; the event streams open meanwhile are sent
 * nothing, and the next public note takes the next public event id. Then a public note does change them: the
 * observations can tell. Its own application context, so its own database (the event replay starts at 0).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=private-activity")
class PrivateActivityLeavesNoTraceTests {

	static final String ARTICLE = "/articles/" + SLUG;

	static final String PARAGRAPH_NOTES = ARTICLE + "/p/" + PARAGRAPH + "/notes";

	/** Another paragraph of the article. */
	static final String ELSEWHERE = "p-KwbTws";

	static final Duration SECOND = Duration.ofSeconds(1);

	/**
	 * What changes with a public note: everything observed (the home page counts it and shows its time) but the
	 * orphans and the absent dates.
	 */
	static final List<String> CHANGED_BY_A_PUBLIC_NOTE = List.of("article page", "article page ETag", "Bob's page",
			"Bob's page ETag", "home page", "paragraph notes", "Bob's paragraph notes", "container", "container ETag",
			"container page 0", "container page 0 ETag", "Bob's container", "Bob's container ETag", "notes.md",
			"notes.csv", "notes.jsonld", "Bob's notes.jsonld", "events since 0");

	@LocalServerPort
	int port;

	WebClient web;

	ApiClient api;

	/** Writes the private notes. */
	FormClient ada;

	/** Another reader, with cookies of his own. */
	FormClient bob;

	String bobsNote;

	@BeforeEach
	void twoReadersWithPublicNotes() {
		web = new WebClient(port);
		api = new ApiClient(port);
		ada = new FormClient(port);
		bob = new FormClient(port);
		bobsNote = bob.write(ARTICLE, PARAGRAPH, "Bob's public note");
		ada.write(ARTICLE, PARAGRAPH, "Ada's public note");
		bob.page(ARTICLE);
	}

	@Test
	void privateNotesWrittenEditedAnsweredAndDeletedChangeNothingAnotherReaderObserves() {
		Map<String, String> before = observe();
		long lastPublicId = lastEventId(before);
		try (EventStream anonymous = stream(Map.of());
				EventStream bobs = stream(Map.of("Cookie", bob.cookieHeader()));
				EventStream adas = stream(Map.of("Cookie", ada.cookieHeader()))) {
			String privateNote = privatelyOverTheForm();
			privatelyOverTheApi();

			assertThat(differences(before, observe())).as("what others observe after Ada's private notes").isEmpty();
			EventStream.Event own = adas.next(SECOND);
			assertThat(own).as("Ada's own stream hears of her private note").isNotNull();
			assertThat(own.data()).contains("\"kind\":\"added\"", privateNote);
			assertThat(own.id()).as("without an id: private events take none of the public ids").isEmpty();

			String publicNote = ada.write(ARTICLE, PARAGRAPH, "Now a public one");

			for (EventStream other : List.of(anonymous, bobs)) {
				EventStream.Event first = other.next(SECOND);
				assertThat(first).as("the public note reaches the others").isNotNull();
				assertThat(first.data()).as("the first event they get is the public note").contains(publicNote);
				assertThat(first.id()).as("the next public id, none skipped").isEqualTo(Long.toString(lastPublicId + 1));
			}
		}
		Map<String, String> after = observe();
		assertThat(differences(before, after)).as("a public note changes what the others observe")
			.extracting(difference -> difference.substring(0, difference.indexOf(':')))
			.containsExactlyElementsOf(CHANGED_BY_A_PUBLIC_NOTE);
		assertThat(lastEventId(after)).isEqualTo(lastPublicId + 1);
	}

	@Test
	void aPrivateAnswerToANoteDeletedSinceLeavesNoTraceOfItselfInTheDeletedNotesPlace() {
		String bobsThread = bob.write(ARTICLE, PARAGRAPH, "Bob's note that Ada answers privately");
		String answer = posted(ada.post(ARTICLE + "/notes/" + bobsThread + "/replies",
				Map.of("body", "A private aside", "visibility", "private")));
		bob.page(ARTICLE);
		assertThat(bob.post(ARTICLE + "/notes/" + bobsThread + "/delete", Map.of("version", "1")).statusCode())
			.isEqualTo(303);
		// kept for Ada's answer: to everyone else it is gone, and its place is not counted either
		Map<String, String> before = observe();
		List<String> paragraphBefore = paragraphAsOthersSeeIt();

		assertThat(ada.post(ARTICLE + "/notes/" + answer + "/delete", Map.of("version", "1")).statusCode())
			.isEqualTo(303);

		assertThat(differences(before, observe())).as("the answer's deletion takes the deleted note with it, unseen")
			.isEmpty();
		bob.write(ARTICLE, ELSEWHERE, "A public note on another paragraph: the pages are rendered again");
		assertThat(paragraphAsOthersSeeIt()).as("rendered again, the paragraph is as it was").isEqualTo(paragraphBefore);
	}

	/** @return the paragraph of the private notes, with its notes, as a reader without cookies and Bob see it */
	private List<String> paragraphAsOthersSeeIt() {
		return List.of(web.page(ARTICLE).html().getElementById(PARAGRAPH).parent().outerHtml(),
				Jsoup.parse(bob.get(ARTICLE).body()).getElementById(PARAGRAPH).parent().outerHtml());
	}

	/** Over the forms: a private note, edited, answered (the form asking for a public answer), and deleted. */
	private String privatelyOverTheForm() {
		String note = posted(ada.post(PARAGRAPH_NOTES, Map.of("body", "For my eyes", "visibility", "private")));
		posted(ada.post(ARTICLE + "/notes/" + note, Map.of("body", "For my eyes, edited", "visibility", "private",
				"version", "1")));
		String answer = posted(ada.post(ARTICLE + "/notes/" + note + "/replies",
				Map.of("body", "Answering myself", "visibility", "public")));
		String path = api.container() + answer;
		assertThat(api.get(path).statusCode()).as("a reply to a private note is private").isEqualTo(404);
		assertThat(json(api.get(path, "Authorization", "Bearer " + secret())).get("marginalia:visibility").stringValue())
			.isEqualTo("private");
		posted(ada.post(ARTICLE + "/notes/" + bobsNote + "/replies",
				Map.of("body", "A private aside to Bob's note, kept", "visibility", "private")));
		posted(ada.post(ARTICLE + "/notes/" + answer + "/delete", Map.of("version", "1")));
		posted(ada.post(ARTICLE + "/notes/" + note + "/delete", Map.of("version", "2")));
		ada.post(PARAGRAPH_NOTES, Map.of("body", "Another, kept", "visibility", "private"));
		return note;
	}

	/** Over the API: a private note, replaced, answered (private without saying so), both deleted; one more kept. */
	private void privatelyOverTheApi() {
		String bearer = "Bearer " + secret();
		String privately = ", \"marginalia:visibility\": \"private\"";
		ApiClient.Created note = api.create(secret(), api.note(PARAGRAPH, "Private over the API", privately));
		HttpResponse<String> replaced = api.send("PUT", note.path(), api.note(PARAGRAPH, "Private, replaced", privately),
				"Content-Type", JSON_LD, "Authorization", bearer, "If-Match", note.etag());
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		ApiClient.Created answer = api.create(secret(), api.reply(note.iri(), "An answer", ""));
		assertThat(answer.json().get("marginalia:visibility").stringValue()).isEqualTo("private");
		assertThat(api.send("DELETE", answer.path(), new byte[0], "Authorization", bearer).statusCode()).isEqualTo(204);
		assertThat(api.send("DELETE", note.path(), new byte[0], "Authorization", bearer).statusCode()).isEqualTo(204);
		api.create(secret(), api.note(PARAGRAPH, "Private over the API, kept", privately));
	}

	/**
	 * Everything another reader can observe of the article's notes: pages with their ETag and Last-Modified (the
	 * CSRF token of a reader without cookies, new on every request, left out), the annotation container, its first
	 * page and its ETags, the exports, and the public events since the first.
	 */
	private Map<String, String> observe() {
		Map<String, String> seen = new LinkedHashMap<>();
		HttpResponse<String> page = web.page(ARTICLE).response();
		seen.put("article page", page.body());
		seen.put("article page ETag", header(page, "ETag"));
		seen.put("article page Last-Modified", header(page, "Last-Modified"));
		HttpResponse<String> bobs = bob.get(ARTICLE);
		seen.put("Bob's page", bobs.body());
		seen.put("Bob's page ETag", header(bobs, "ETag"));
		seen.put("Bob's page Last-Modified", header(bobs, "Last-Modified"));
		seen.put("home page", withoutTokens(web.page("/").response().body()));
		seen.put("paragraph notes", withoutTokens(web.page(PARAGRAPH_NOTES).response().body()));
		seen.put("Bob's paragraph notes", bob.get(PARAGRAPH_NOTES).body());
		seen.put("Bob's own notes", bob.get("/my/notes").body());
		seen.put("orphans", withoutTokens(web.page(ARTICLE + "/orphans").response().body()));
		observeApi(seen, "container", api.get(api.container()));
		observeApi(seen, "container page 0", api.get(api.container() + "?page=0"));
		observeApi(seen, "Bob's container", api.get(api.container(), "Authorization",
				"Bearer " + bob.cookies.get(AuthorCookie.NAME)));
		for (String export : List.of("notes.md", "notes.csv", "notes.jsonld")) {
			seen.put(export, web.get(ARTICLE + "/" + export).body());
		}
		seen.put("Bob's notes.jsonld", bob.get(ARTICLE + "/notes.jsonld").body());
		seen.put("events since 0", eventsSince(0));
		return seen;
	}

	/** @return each observation that differs, with where it starts to */
	private static List<String> differences(Map<String, String> before, Map<String, String> after) {
		List<String> differences = new ArrayList<>();
		before.forEach((name, was) -> {
			String is = after.get(name);
			if (!was.equals(is)) {
				int at = 0;
				while (at < Math.min(was.length(), is.length()) && was.charAt(at) == is.charAt(at)) {
					at++;
				}
				differences.add(name + ": …" + around(was, at) + "… became …" + around(is, at) + "…");
			}
		});
		return differences;
	}

	private static String around(String text, int at) {
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60));
	}

	private static void observeApi(Map<String, String> seen, String name, HttpResponse<String> response) {
		assertThat(response.statusCode()).as(name).isEqualTo(200);
		seen.put(name, response.body());
		seen.put(name + " ETag", header(response, "ETag"));
		seen.put(name + " Last-Modified", header(response, "Last-Modified"));
	}

	/** The events a stream reconnecting with this Last-Event-ID is sent, up to now, with their ids. */
	private String eventsSince(long lastEventId) {
		List<String> events = new ArrayList<>();
		try (EventStream replay = stream(Map.of("Last-Event-ID", Long.toString(lastEventId)))) {
			for (EventStream.Event event = replay.next(SECOND); event != null; event = replay.next(SECOND)) {
				events.add(event.id() + " " + event.name() + " " + event.data());
			}
		}
		assertThat(events).as("public events to replay").isNotEmpty();
		return String.join("\n", events);
	}

	private EventStream stream(Map<String, String> headers) {
		return new EventStream(web.base() + "/api/articles/" + SLUG + "/events", headers);
	}

	/** @return where the page a reader without cookies was sent starts its live stream */
	private static long lastEventId(Map<String, String> observed) {
		return Long.parseLong(Jsoup.parse(observed.get("article page")).selectFirst("meta[name=marginalia-last-event]")
			.attr("content"));
	}

	private String secret() {
		return ada.cookies.get(AuthorCookie.NAME);
	}

	/** @return the id of the note a form wrote (its redirect names it), checking the form was taken */
	private static String posted(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.contains("#note-") ? location.substring(location.indexOf("#note-") + 6) : location;
	}

	private static String header(HttpResponse<String> response, String name) {
		return response.headers().firstValue(name).orElse("(none)");
	}

	/** The page without its CSRF tokens: a reader without cookies is given a new one with every page. */
	private static String withoutTokens(String html) {
		Document page = Jsoup.parse(html);
		page.select("meta[name=_csrf], input[name=_csrf]").remove();
		return page.outerHtml();
	}

}
