package dev.marginalia.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.marginalia.identity.ModeratorSignIns;
import dev.marginalia.live.EventStream;
import dev.marginalia.support.Instances;
import dev.marginalia.support.PostgresDatabase;
import dev.marginalia.support.TcpRelay;
import dev.marginalia.support.WebClient;
import dev.marginalia.system.DatabaseBulkhead;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running instance and comes back: PostgreSQL, reached through a relay that the test
 * cuts (connecting is refused, open connections break) and restores. While it is away, every answer comes within
 * seconds: 503 with {@code Retry-After} (a page, or problem details on the API) where the database is needed, and what
 * is kept in memory elsewhere (the article page of readers without cookies, the last one rendered even when a note came
 * after it, static files, liveness); liveness answers
 * in milliseconds while 250 requests that need the database are in flight. When it is back, writes succeed again
 * within seconds, every note acknowledged before, during and after is stored, and an open page gets live updates
 * again, with no restart. The figures are printed ("DATABASE OUTAGE").
 */
@ExtendWith(PostgresDatabase.class)
class DatabaseOutagePostgresTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String PARAGRAPH_NOTES = ARTICLE + "/p/p-AarAar/notes";

	static final String CONTAINER = "/api/articles/" + SLUG + "/annotations/";

	/** The longest any answer may take while the database is away. */
	static final Duration WITHIN = Duration.ofSeconds(5);

	static final int CONCURRENT = 250;

	static TcpRelay relay;

	static Instances app;

	static WebClient web;

	/** Threads that ask questions at the same time. */
	static final ExecutorService asking = Executors.newCachedThreadPool();

	@BeforeAll
	static void start() throws IOException {
		relay = TcpRelay.to(PostgresDatabase.address());
		relay.open();
		app = Instances.through(relay, Map.of());
		web = app.web(0);
	}

	@AfterAll
	static void stop() {
		asking.shutdownNow();
		if (app != null) {
			app.close();
		}
		if (relay != null) {
			relay.close();
		}
	}

	/** Each test leaves the database reachable, whatever it asserted. */
	@AfterEach
	void databaseBack() throws IOException {
		relay.open();
	}

	@Test
	void whileTheDatabaseIsAwayEveryAnswerComesWithinSecondsAndLivenessInMilliseconds() throws Exception {
		// the article page of readers without cookies, rendered and kept; then a note makes it out of date
		String keptTag = await().atMost(Duration.ofSeconds(10))
			.until(() -> stableTag(ARTICLE), tag -> tag != null);
		String note;
		try (EventStream page = new EventStream(web.base() + "/api/articles/" + SLUG + "/events", Map.of())) {
			note = idOf(send(apiWrite("read during the outage")));
			awaitEvent(page, note);
		}
		assertThat(web.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		relay.cut();
		// each asked on its own connection, all at once (each may wait for the database's connection timeout)
		Map<String, CompletableFuture<Timed>> asked = new LinkedHashMap<>();
		asked.put("a page that needs the database (GET a paragraph's notes)", timeAsync(page(PARAGRAPH_NOTES)));
		asked.put("an API read (GET an annotation)", timeAsync(apiRead(note)));
		asked.put("an API write (POST an annotation)", timeAsync(apiWrite("written during the outage")));
		asked.put("a form POST (a note without JavaScript)", timeAsync(formWrite("written during the outage")));
		CompletableFuture<Timed> readinessAsked = timeAsync(plain("/actuator/health/readiness"));
		Timed kept = time(page(ARTICLE));
		Timed css = time(plain("/css/site.css"));
		// the page's files asked for with a moderator's sign-in cookie, as a signed-in moderator's browser does: the
		// sign-in is not looked up for them
		Timed cssSignedIn = time(HttpRequest.newBuilder(URI.create(web.base() + "/css/site.css"))
			.header("Cookie", ModeratorSignIns.COOKIE + "=" + Base64.getEncoder()
				.encodeToString("a-series:a-token".getBytes(StandardCharsets.US_ASCII)))
			.GET().build());
		Map<String, Timed> answers = new LinkedHashMap<>();
		for (Map.Entry<String, CompletableFuture<Timed>> question : asked.entrySet()) {
			answers.put(question.getKey(), question.getValue().get(30, TimeUnit.SECONDS));
		}
		Timed readiness = readinessAsked.get(30, TimeUnit.SECONDS);

		for (Map.Entry<String, Timed> answer : answers.entrySet()) {
			Timed timed = answer.getValue();
			assertThat(timed.response().statusCode()).as(answer.getKey()).isEqualTo(503);
			assertThat(timed.response().headers().firstValue("Retry-After")).as(answer.getKey()).hasValue("5");
			assertThat(timed.millis()).as(answer.getKey()).isLessThan(WITHIN.toMillis());
		}
		assertUnavailablePage(answers.get("a page that needs the database (GET a paragraph's notes)").response());
		assertUnavailablePage(answers.get("a form POST (a note without JavaScript)").response());
		assertUnavailableProblem(answers.get("an API read (GET an annotation)").response());
		assertUnavailableProblem(answers.get("an API write (POST an annotation)").response());
		assertThat(kept.response().statusCode()).as("the kept article page, from before the last note").isEqualTo(200);
		assertThat(kept.response().headers().firstValue("ETag")).hasValue(keptTag);
		assertThat(kept.millis()).isLessThan(WITHIN.toMillis());
		assertThat(css.response().statusCode()).isEqualTo(200);
		assertThat(cssSignedIn.response().statusCode()).as("/css/site.css with a moderator's cookie").isEqualTo(200);
		assertThat(cssSignedIn.millis()).isLessThan(WITHIN.toMillis());
		assertThat(readiness.response().statusCode()).as("readiness reports the database").isEqualTo(503);
		assertThat(readiness.millis()).isLessThan(WITHIN.toMillis());

		// 250 requests that need the database at once (API reads and pages), on connections already open as on a busy
		// site: liveness still answers at once
		DatabaseBulkhead bulkhead = app.bean(0, DatabaseBulkhead.class);
		WebClient flood = WebClient.overHttp11(web.port());
		List<CompletableFuture<HttpResponse<Void>>> opening = new ArrayList<>();
		for (int i = 0; i < CONCURRENT; i++) {
			opening.add(flood.sendAsync(plain("/actuator/health/liveness"), HttpResponse.BodyHandlers.discarding()));
		}
		CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		List<CompletableFuture<Timed>> inFlight = new ArrayList<>();
		for (int i = 0; i < CONCURRENT; i++) {
			long sent = System.nanoTime();
			HttpRequest request = i % 5 == 0 ? page(PARAGRAPH_NOTES) : apiRead(note);
			inFlight.add(flood.sendAsync(request, HttpResponse.BodyHandlers.ofString())
				.thenApply(response -> new Timed(response, millisSince(sent))));
		}
		// the bulkhead full: 100 requests wait for the database, the others were refused at once
		await().atMost(WITHIN).pollInterval(Duration.ofMillis(5)).until(() -> bulkhead.inside() >= 90);
		List<Long> liveness = new ArrayList<>();
		List<Integer> insideThen = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			insideThen.add(bulkhead.inside());
			Timed probe = time(plain("/actuator/health/liveness"));
			assertThat(probe.response().statusCode()).isEqualTo(200);
			liveness.add(probe.millis());
		}
		List<Timed> flooded = new ArrayList<>();
		for (CompletableFuture<Timed> answer : inFlight) {
			flooded.add(answer.get(30, TimeUnit.SECONDS));
		}
		long refusedAtOnce = flooded.stream().filter(timed -> timed.millis() < 500).count();
		long slowest = flooded.stream().mapToLong(Timed::millis).max().orElseThrow();

		System.out.println("DATABASE OUTAGE (PostgreSQL through a relay, cut): answers while the database was away");
		answers.forEach((what, timed) -> System.out.printf("  %s: %d, Retry-After %s, in %d ms%n", what,
				timed.response().statusCode(), timed.response().headers().firstValue("Retry-After").orElse("-"),
				timed.millis()));
		System.out.printf("  the article page of readers without cookies (the one kept from before the last note): %d in %d ms;"
				+ " /css/site.css: %d in %d ms%n",
				kept.response().statusCode(), kept.millis(), css.response().statusCode(), css.millis());
		System.out.printf("  readiness: %d in %d ms%n", readiness.response().statusCode(), readiness.millis());
		System.out.printf("  %d concurrent requests that need the database (1 in 5 a page, the others API reads): statuses %s, %d refused at once (under 500 ms),"
				+ " the slowest in %d ms%n", CONCURRENT, statuses(flooded), refusedAtOnce, slowest);
		System.out.printf("  liveness while they were in flight (%s of them inside the bulkhead): %s ms%n", insideThen,
				liveness);

		for (Timed timed : flooded) {
			assertThat(timed.response().statusCode()).isEqualTo(503);
			assertThat(timed.response().headers().firstValue("Retry-After")).hasValue("5");
			assertThat(timed.millis()).isLessThan(WITHIN.toMillis());
		}
		// on a shared machine one probe may wait for a CPU as long as any request would: the median shows that a
		// thread is free at once, and none waited as long as a request for the database does (its 2 s timeout)
		assertThat(liveness.stream().sorted().toList().get(liveness.size() / 2)).as("the median liveness probe, ms")
			.isLessThan(100);
		assertThat(liveness).allSatisfy(millis -> assertThat(millis).isLessThan(2_000));

		relay.open();
		long back = System.nanoTime();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
			.until(() -> send(apiWrite("after the outage")).statusCode() == 201);
		System.out.printf("  the database back: a write succeeded again after %d ms%n", millisSince(back));
	}

	@Test
	void whenTheDatabaseComesBackWritesResumeWithinSecondsAndNoAcknowledgedNoteIsLost() throws Exception {
		try (EventStream page = new EventStream(web.base() + "/api/articles/" + SLUG + "/events", Map.of());
				Writers writers = new Writers(4)) {
			await().atMost(Duration.ofSeconds(30)).until(() -> writers.acknowledged.size() >= 20);
			int before = writers.acknowledged.size();
			relay.cut();
			long cut = System.nanoTime();
			// two refusals of each writer for writes sent after the cut: past the connections that broke, to the ones
			// that waited for the pool's timeout
			await().atMost(Duration.ofSeconds(30)).until(() -> writers.refusedSince(cut) >= 8);
			relay.open();
			long back = System.nanoTime();
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
				.until(() -> writers.firstAcknowledgedSince(back) > 0);
			long recovery = (writers.firstAcknowledgedSince(back) - back) / 1_000_000;
			await().atMost(Duration.ofSeconds(30)).until(() -> writers.acknowledged.size() >= before + 20);
			writers.close();

			HttpRequest lastWrite = apiWrite("the live update after the outage");
			long liveSent = System.nanoTime();
			String last = idOf(send(lastWrite));
			long liveMillis = (awaitEvent(page, last).receivedNanos() - liveSent) / 1_000_000;

			Set<String> acknowledged = Set.copyOf(writers.acknowledged);
			List<String> stored = app.bean(0, JdbcClient.class)
				.sql("SELECT id FROM notes WHERE id IN (:ids)")
				.param("ids", acknowledged)
				.query(String.class)
				.list();
			System.out.println("DATABASE OUTAGE (PostgreSQL through a relay, cut while 4 clients write, then restored):");
			System.out.printf("  answers to the writers: %s; the slowest in %d ms (during the %d ms outage: %s)%n",
					writers.statuses, writers.slowest.get(), (back - cut) / 1_000_000, writers.duringOutage(cut, back));
			System.out.printf("  recovery: the first write acknowledged %d ms after the database was back%n", recovery);
			System.out.printf("  notes acknowledged (201 or 303): %d, found in the database: %d%n", acknowledged.size(),
					stored.size());
			System.out.printf("  live update on a page open since before the outage: %d ms after the write%n", liveMillis);

			assertThat(writers.statuses.keySet()).as("every answer a write got").isSubsetOf(201, 303, 503);
			assertThat(writers.slowest.get()).isLessThan(WITHIN.toMillis());
			assertThat(recovery).isLessThan(10_000);
			assertThat(stored).containsExactlyInAnyOrderElementsOf(acknowledged);
		}
	}

	/** Writes notes from several threads, half through the API and half as forms, until closed. */
	private final class Writers implements AutoCloseable {

		final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

		final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

		/** When each write was sent and ended, with its status. */
		final List<long[]> ends = Collections.synchronizedList(new ArrayList<>());

		final AtomicLong slowest = new AtomicLong();

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final ExecutorService threads;

		private final List<Future<?>> running = new ArrayList<>();

		Writers(int count) {
			threads = Executors.newFixedThreadPool(count);
			for (int i = 0; i < count; i++) {
				boolean form = i % 2 == 0;
				running.add(threads.submit(() -> {
					for (int n = 0; !stopped.get(); n++) {
						long sent = System.nanoTime();
						HttpResponse<String> answer = send(form ? formWrite("note " + n) : apiWrite("note " + n));
						long ended = System.nanoTime();
						slowest.accumulateAndGet((ended - sent) / 1_000_000, Math::max);
						statuses.merge(answer.statusCode(), 1, Integer::sum);
						ends.add(new long[] { ended, answer.statusCode(), sent });
						if (answer.statusCode() == 201 || answer.statusCode() == 303) {
							acknowledged.add(idOf(answer));
						}
					}
					return null;
				}));
			}
		}

		/** @return how many writes sent after the moment were refused */
		long refusedSince(long since) {
			return snapshot().stream().filter(end -> end[2] >= since && end[1] == 503).count();
		}

		/** @return when the first write acknowledged after the moment ended, or 0 */
		long firstAcknowledgedSince(long since) {
			return snapshot().stream().filter(end -> end[0] >= since && (end[1] == 201 || end[1] == 303))
				.mapToLong(end -> end[0]).min().orElse(0);
		}

		Map<Long, Long> duringOutage(long from, long to) {
			Map<Long, Long> counts = new TreeMap<>();
			snapshot().stream().filter(end -> end[0] >= from && end[0] < to)
				.forEach(end -> counts.merge(end[1], 1L, Long::sum));
			return counts;
		}

		private List<long[]> snapshot() {
			synchronized (ends) {
				return List.copyOf(ends);
			}
		}

		@Override
		public void close() throws Exception {
			stopped.set(true);
			threads.shutdown();
			for (Future<?> writer : running) {
				writer.get(30, TimeUnit.SECONDS); // a writer that failed fails the test
			}
		}

	}

	private record Timed(HttpResponse<String> response, long millis) {
	}

	private static Timed time(HttpRequest request) {
		long sent = System.nanoTime();
		HttpResponse<String> response = send(request);
		return new Timed(response, millisSince(sent));
	}

	private static CompletableFuture<Timed> timeAsync(HttpRequest request) {
		return CompletableFuture.supplyAsync(() -> time(request), asking);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		return web.send(request);
	}

	private static HttpRequest page(String path) {
		return HttpRequest.newBuilder(URI.create(web.base() + path)).header("Accept", "text/html").GET().build();
	}

	private static HttpRequest plain(String path) {
		return HttpRequest.newBuilder(URI.create(web.base() + path)).GET().build();
	}

	private static HttpRequest apiRead(String note) {
		return HttpRequest.newBuilder(URI.create(web.base() + CONTAINER + note)).header("Accept", "application/ld+json")
			.GET().build();
	}

	private static HttpRequest apiWrite(String text) {
		return HttpRequest.newBuilder(URI.create(web.base() + CONTAINER))
			.header("Content-Type", "application/ld+json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"@context\":\"http://www.w3.org/ns/anno.jsonld\","
					+ "\"type\":\"Annotation\",\"body\":{\"type\":\"TextualBody\",\"value\":\"" + text + "\"},"
					+ "\"target\":{\"source\":\"" + web.base() + ARTICLE
					+ "\",\"selector\":{\"type\":\"FragmentSelector\",\"value\":\"p-AarAar\"}}}"))
			.build();
	}

	private static HttpRequest formWrite(String text) {
		return HttpRequest.newBuilder(URI.create(web.base() + PARAGRAPH_NOTES))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString("body=" + text.replace(' ', '+')))
			.build();
	}

	/** @return the id of the note a 201 (API) or 303 (form) answer acknowledged */
	private static String idOf(HttpResponse<String> acknowledged) {
		String location = acknowledged.headers().firstValue("Location").orElseThrow();
		return location.contains("#note-") ? location.substring(location.indexOf("#note-") + 6)
				: location.substring(location.lastIndexOf('/') + 1);
	}

	/** @return the ETag of the page if two requests in a row got the same one (it is rendered and kept), else null */
	private static String stableTag(String path) {
		String first = web.get(path).headers().firstValue("ETag").orElse(null);
		String second = web.get(path).headers().firstValue("ETag").orElse(null);
		return first != null && first.equals(second) ? first : null;
	}

	/** @return the event of the note on the page's stream, within seconds (the events before it are passed over) */
	private static EventStream.Event awaitEvent(EventStream page, String noteId) {
		return await().atMost(WITHIN).pollInterval(Duration.ofMillis(10)).until(() -> {
			for (EventStream.Event event = page.next(Duration.ofMillis(50)); event != null; event = page.next(Duration.ZERO)) {
				if (event.data().contains(noteId)) {
					return event;
				}
			}
			return null;
		}, event -> event != null);
	}

	private static Map<Integer, Long> statuses(List<Timed> answers) {
		Map<Integer, Long> counts = new TreeMap<>();
		answers.forEach(timed -> counts.merge(timed.response().statusCode(), 1L, Long::sum));
		return counts;
	}

	private static void assertUnavailablePage(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
		var html = Jsoup.parse(response.body());
		assertThat(html.select("h1").text()).isEqualTo("The notes are unavailable for a moment");
		assertThat(html.select("main").text()).contains("try again in 5 seconds");
	}

	private static void assertUnavailableProblem(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"status\":503").contains("\"retryAfter\":5");
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
