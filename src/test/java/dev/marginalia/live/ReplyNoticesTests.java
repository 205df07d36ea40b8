package dev.marginalia.live;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.support.WebClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reply notices over the event stream: a public reply to a reader's note reaches that reader's open streams as a
 * {@code reply} event (after the reply's {@code note} event), decided by the server for each stream; nobody else's
 * stream gets one, nor the writer of the reply, nor its author when they answer their own note.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReplyNoticesTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final Duration SECOND = Duration.ofSeconds(1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
	}

	EventStream stream(@Nullable String secret) {
		return new EventStream(web.base() + "/api/articles/" + SLUG + "/events",
				secret == null ? Map.of() : Map.of("Authorization", "Bearer " + secret));
	}

	/** Writes a note (or, with a parent, a reply) through the plain forms; returns {secret, id}. */
	String[] write(@Nullable String parent, String body, String name, String visibility, @Nullable String secret) {
		String path = parent == null ? "/articles/" + SLUG + "/p/p-AarAar/notes" : "/articles/" + SLUG + "/notes/" + parent + "/replies";
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(web.base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode(body, StandardCharsets.UTF_8)
					+ "&authorName=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&visibility=" + visibility));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		HttpResponse<String> response = web.send(request.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		return new String[] { response.headers().firstValue(AuthorCookie.SECRET_HEADER).orElse(secret),
				response.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "") };
	}

	/** @return the events the stream gets until none comes for half a second */
	static List<EventStream.Event> drain(EventStream stream) {
		List<EventStream.Event> events = new ArrayList<>();
		EventStream.Event event = stream.next(SECOND);
		while (event != null) {
			events.add(event);
			event = stream.next(Duration.ofMillis(500));
		}
		return events;
	}

	static List<String> names(List<EventStream.Event> events, String noteId) {
		return events.stream().filter(event -> event.data().contains("\"note\":\"" + noteId + "\""))
			.map(EventStream.Event::name).toList();
	}

	@Test
	void aReplyToMyNoteIsNoticedOnMyStreamAlone() {
		String[] ada = write(null, "Ada's note", "Ada", "public", null);
		String[] bob = write(null, "Bob's note", "Bob", "public", null);
		try (EventStream adas = stream(ada[0]); EventStream bobs = stream(bob[0]); EventStream anyone = stream(null)) {
			String reply = write(ada[1], "Bob <answers> Ada", "Bob & co", "public", bob[0])[1];

			List<EventStream.Event> toAda = drain(adas);
			assertThat(names(toAda, reply)).as("the reply, then its notice").containsExactly("note", "reply");
			EventStream.Event notice = toAda.stream().filter(event -> event.name().equals("reply")).findFirst().orElseThrow();
			assertThat(notice.data()).contains("\"note\":\"" + reply + "\"", "\"parent\":\"" + ada[1] + "\"",
					"\"block\":\"p-AarAar\"", "\"author\":\"Bob & co\"",
					"\"href\":\"/articles/" + SLUG + "/notes/" + reply + "\"");
			assertThat(notice.data()).as("no author's hash goes out").doesNotContain("hash", "Hash");

			assertThat(names(drain(bobs), reply)).as("the reply's writer is not told").containsExactly("note");
			assertThat(names(drain(anyone), reply)).as("nor anyone else").containsExactly("note");
		}
	}

	@Test
	void answeringMyOwnNoteOrAPrivateReplyIsNoNotice() {
		String[] ada = write(null, "Ada's note", "Ada", "public", null);
		String[] secret = write(null, "Ada's private note", "Ada", "private", ada[0]);
		try (EventStream adas = stream(ada[0])) {
			String own = write(ada[1], "Ada adds to her note", "Ada", "public", ada[0])[1];
			String aside = write(secret[1], "A private aside", "Ada", "private", ada[0])[1];
			List<EventStream.Event> events = drain(adas);
			assertThat(names(events, own)).containsExactly("note");
			assertThat(names(events, aside)).containsExactly("note");
		}
	}

	@Test
	void aStreamThatReconnectsIsToldOfTheRepliesItMissed() {
		String[] ada = write(null, "Ada's note", "Ada", "public", null);
		long before = jdbc.sql("SELECT MAX(id) FROM note_events").query(Long.class).single();
		String[] bob = write(ada[1], "Bob answers while Ada is away", "Bob", "public", null);
		try (EventStream adas = new EventStream(web.base() + "/api/articles/" + SLUG + "/events",
				Map.of("Authorization", "Bearer " + ada[0], "Last-Event-ID", Long.toString(before)))) {
			assertThat(names(drain(adas), bob[1])).as("the missed reply and its notice").startsWith("note", "reply");
		}
	}

}
