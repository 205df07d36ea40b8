package dev.marginalia.live;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The event stream of an article, over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LiveEventsTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final Duration SECOND = Duration.ofSeconds(1);

	@LocalServerPort
	int port;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
	}

	EventStream stream(Map<String, String> headers) {
		return new EventStream(web.base() + "/api/articles/" + SLUG + "/events", headers);
	}

	/** Writes a note through the plain form; returns {secret, note id}. */
	String[] write(String body, String visibility, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.base() + "/articles/" + SLUG + "/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode(body, StandardCharsets.UTF_8)
					+ "&visibility=" + visibility));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		HttpResponse<String> response = web.send(request.build());
		assertThat(response.statusCode()).isEqualTo(303);
		return new String[] { response.headers().firstValue(AuthorCookie.SECRET_HEADER).orElse(secret),
				response.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "") };
	}

	@Test
	void aNewNoteReachesAnOpenPageWithinASecond() {
		try (EventStream page = stream(Map.of())) {
			assertThat(page.status()).isEqualTo(200);
			String id = write("live!", "public", null)[1];
			EventStream.Event event = page.next(SECOND);
			assertThat(event).as("event within a second").isNotNull();
			assertThat(event.name()).isEqualTo("note");
			assertThat(event.data()).contains("\"kind\":\"added\"", "\"note\":\"" + id + "\"", "\"block\":\"p-AarAar\"");
			assertThat(Long.parseLong(event.id())).isPositive();
		}
	}

	@Test
	void editsAndDeletionsAreSentToo() {
		String[] note = write("first", "public", null);
		try (EventStream page = stream(Map.of())) {
			HttpResponse<String> edited = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/articles/" + SLUG + "/notes/" + note[1]))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", "Bearer " + note[0])
				.POST(HttpRequest.BodyPublishers.ofString("body=second&version=1"))
				.build());
			assertThat(edited.statusCode()).isEqualTo(303);
			assertThat(page.next(SECOND).data()).contains("\"kind\":\"edited\"", note[1]);
			HttpResponse<String> deleted = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/articles/" + SLUG + "/notes/" + note[1] + "/delete"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Authorization", "Bearer " + note[0])
				.POST(HttpRequest.BodyPublishers.ofString("version=2"))
				.build());
			assertThat(deleted.statusCode()).isEqualTo(303);
			assertThat(page.next(SECOND).data()).contains("\"kind\":\"deleted\"", note[1]);
		}
	}

	@Test
	void privateNotesReachOnlyTheirAuthor() {
		String[] before = write("a public one first", "public", null);
		String secret = before[0];
		try (EventStream stranger = stream(Map.of());
				EventStream author = stream(Map.of("Cookie", AuthorCookie.NAME + "=" + secret))) {
			String id = write("for my eyes", "private", secret)[1];
			EventStream.Event own = author.nextNotAbout(before[1], SECOND);
			assertThat(own.data()).contains(id);
			assertThat(own.id()).as("no public id: a private event has none").isEmpty();
			String publicId = write("for everyone", "public", secret)[1];
			EventStream.Event first = stranger.nextNotAbout(before[1], SECOND);
			assertThat(first.data()).as("the stranger's first event is the public note").contains(publicId)
				.doesNotContain(id);
		}
	}

	@Test
	void aReconnectingPageGetsWhatItMissedSinceItsLastEventId() {
		String lastSeen;
		try (EventStream page = stream(Map.of())) {
			write("seen", "public", null);
			lastSeen = page.next(SECOND).id();
		}
		String missed1 = write("missed one", "public", null)[1];
		String missed2 = write("missed two", "public", null)[1];
		Map<String, String> headers = new HashMap<>();
		headers.put("Last-Event-ID", lastSeen);
		try (EventStream again = stream(headers)) {
			EventStream.Event one = again.next(SECOND);
			EventStream.Event two = again.next(SECOND);
			assertThat(one.data()).contains(missed1);
			assertThat(two.data()).contains(missed2);
			assertThat(Long.parseLong(one.id())).isGreaterThan(Long.parseLong(lastSeen));
			assertThat(again.next(Duration.ofMillis(300))).as("nothing more").isNull();
		}
	}

	@Test
	void aPageStartsItsStreamWhereItWasRenderedSoNothingInBetweenIsLost() {
		String position = org.jsoup.Jsoup.parse(web.page("/articles/" + SLUG).response().body())
			.selectFirst("meta[name=marginalia-last-event]").attr("content");
		String writtenBeforeTheStreamOpened = write("in between", "public", null)[1];
		try (EventStream page = new EventStream(web.base() + "/api/articles/" + SLUG + "/events?lastEventId=" + position, Map.of())) {
			assertThat(page.next(SECOND).data()).contains(writtenBeforeTheStreamOpened);
		}
	}

	@Test
	void anUnknownArticleHasNoStream() {
		var response = web.get("/api/articles/no-such-article/events");
		assertThat(response.statusCode()).isEqualTo(404);
	}

}
