package dev.marginalia.live;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.support.Instances;
import dev.marginalia.support.PostgresDatabase;
import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one PostgreSQL database, sharing nothing else: a note written through
 * one reaches a page connected to the other, and a reader's cookies work whichever instance they reach.
 */
@ExtendWith(PostgresDatabase.class)
class TwoInstancesTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static Instances instances;

	@BeforeAll
	static void start() {
		instances = new Instances(2, Map.of());
	}

	@AfterAll
	static void stop() {
		if (instances != null) {
			instances.close();
		}
	}

	@Test
	void aNoteWrittenOnOneInstanceReachesAPageOnTheOtherWithinASecond() {
		WebClient a = instances.web(0);
		WebClient b = instances.web(1);
		List<Long> delays = new ArrayList<>();
		List<Long> afterAcknowledgement = new ArrayList<>();
		try (EventStream page = new EventStream(b.base() + "/api/articles/stability-a-rare-strategic-resource/events", Map.of())) {
			for (int i = 0; i < 100; i++) {
				long sent = System.nanoTime();
				HttpResponse<String> written = a.send(HttpRequest.newBuilder(URI.create(a.base() + ARTICLE + "/p/p-AarAar/notes"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("body=" + URLEncoder.encode("note " + i, StandardCharsets.UTF_8)))
					.build());
				long acknowledged = System.nanoTime();
				assertThat(written.statusCode()).isEqualTo(303);
				String id = written.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
				EventStream.Event event = page.next(Duration.ofSeconds(1));
				assertThat(event).as("note %d reached the other instance within a second", i).isNotNull();
				assertThat(event.data()).contains(id);
				delays.add((event.receivedNanos() - sent) / 1_000);
				afterAcknowledgement.add(Math.max(0, event.receivedNanos() - acknowledged) / 1_000);
			}
		}
		Collections.sort(delays);
		Collections.sort(afterAcknowledgement);
		System.out.printf("LIVE DELAY A->B over %d notes, from the start of the write on A to the event on B: median %.1f ms, "
				+ "worst %.1f ms (after A acknowledged the write: median %.1f ms, worst %.1f ms)%n", delays.size(),
				delays.get(delays.size() / 2) / 1000.0, delays.get(delays.size() - 1) / 1000.0,
				afterAcknowledgement.get(delays.size() / 2) / 1000.0, afterAcknowledgement.get(delays.size() - 1) / 1000.0);
		assertThat(delays.get(delays.size() - 1)).isLessThan(1_000_000);
	}

	@Test
	void aPrivateNoteWrittenOnOneInstanceReachesItsAuthorOnTheOtherAndNobodyElse() {
		WebClient a = instances.web(0);
		WebClient b = instances.web(1);
		HttpResponse<String> first = writeOn(a, "body=mine", null);
		String secret = first.headers().firstValue(AuthorCookie.SECRET_HEADER).orElseThrow();
		String firstId = first.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
		String cookie = AuthorCookie.NAME + "=" + secret;
		// the author's page on B is kept there now, and so is the page of readers without cookies
		assertThat(b.send(HttpRequest.newBuilder(URI.create(b.base() + ARTICLE)).header("Cookie", cookie).GET().build())
			.statusCode()).isEqualTo(200);
		String everyones = b.get(ARTICLE).body();
		try (EventStream own = new EventStream(b.base() + "/api/articles/stability-a-rare-strategic-resource/events",
				Map.of("Cookie", cookie))) {
			String id = writeOn(a, "body=for+my+eyes&visibility=private", secret).headers().firstValue("Location")
				.orElseThrow().replaceAll(".*#note-", "");

			EventStream.Event told = own.nextNotAbout(firstId, Duration.ofSeconds(1));
			assertThat(told).as("the author's stream on the other instance hears of it").isNotNull();
			assertThat(told.data()).contains(id);
			assertThat(told.id()).as("without a public id").isEmpty();
			String authorsPage = b.send(HttpRequest.newBuilder(URI.create(b.base() + ARTICLE)).header("Cookie", cookie)
				.GET().build()).body();
			assertThat(Jsoup.parse(authorsPage).getElementById("note-" + id)).as("on the author's page on B").isNotNull();
			assertThat(b.get(ARTICLE).body()).as("the page of readers without cookies on B").isEqualTo(everyones);
		}
	}

	private static HttpResponse<String> writeOn(WebClient instance, String form, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.base() + ARTICLE + "/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (secret != null) {
			request.header("Authorization", "Bearer " + secret);
		}
		HttpResponse<String> written = instance.send(request.build());
		assertThat(written.statusCode()).isEqualTo(303);
		return written;
	}

	@Test
	void aReadersCookiesAndTokensWorkWhicheverInstanceServesThem() {
		WebClient a = instances.web(0);
		WebClient b = instances.web(1);
		// a page with a form (the article page of a reader without cookies carries no token)
		HttpResponse<String> page = a.send(HttpRequest.newBuilder(URI.create(a.base() + ARTICLE + "/p/p-AarAar/notes"))
			.header("Accept", "text/html").GET().build());
		String csrf = Jsoup.parse(page.body()).selectFirst("meta[name=_csrf]").attr("content");
		String csrfCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
			.map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();

		// the first write, on B, with the CSRF token that A issued
		HttpResponse<String> written = b.send(HttpRequest.newBuilder(URI.create(b.base() + ARTICLE + "/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie)
			.POST(HttpRequest.BodyPublishers.ofString("body=hello&_csrf=" + csrf))
			.build());
		assertThat(written.statusCode()).isEqualTo(303);
		String author = written.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(AuthorCookie.NAME + "="))
			.map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
		String id = written.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");

		// its author edits it on A
		HttpResponse<String> edited = a.send(HttpRequest.newBuilder(URI.create(a.base() + ARTICLE + "/notes/" + id))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie + "; " + author)
			.POST(HttpRequest.BodyPublishers.ofString("body=hello+again&version=1&_csrf=" + csrf))
			.build());
		assertThat(edited.statusCode()).isEqualTo(303);
		String shown = Jsoup.parse(b.send(HttpRequest.newBuilder(URI.create(b.base() + ARTICLE)).GET().build()).body())
			.getElementById("note-" + id).select(".note-body").text();
		assertThat(shown).isEqualTo("hello again");
	}

}
