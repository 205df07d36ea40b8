package dev.marginalia.durability;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marginalia.support.WebClient;

/**
 * Writes notes as fast as it can from several threads, the way a browser without JavaScript does: a plain form
 * POST without cookies, answered with 303 to {@code ...#note-{id}}. A note counts as acknowledged once its 303
 * has been received in full; each is kept with the unique marker in its body.
 */
final class NoteLoad {

	static final String SLUG = "stability-a-rare-strategic-resource";

	private static final Pattern NOTE_ID = Pattern.compile("#note-([A-Za-z0-9_-]+)$");

	/** One acknowledged note. */
	record Ack(String id, String blockId, String marker, long nanos, long latencyNanos) {
	}

	private final WebClient web;

	private final List<String> blockIds;

	private final int threads;

	private final String runTag;

	private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();

	private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicLong failedRequests = new AtomicLong();

	private final List<Thread> workers = new ArrayList<>();

	private volatile boolean stopping;

	NoteLoad(WebClient web, List<String> blockIds, int threads, String runTag) {
		this.web = web;
		this.blockIds = List.copyOf(blockIds);
		this.threads = threads;
		this.runTag = runTag;
	}

	void start() {
		for (int t = 0; t < threads; t++) {
			int thread = t;
			Thread worker = new Thread(() -> write(thread), "note-load-" + runTag + "-" + t);
			worker.setDaemon(true);
			workers.add(worker);
			worker.start();
		}
	}

	private void write(int thread) {
		for (int seq = 0; !stopping; seq++) {
			String blockId = blockIds.get((thread + seq) % blockIds.size());
			String marker = "dm-" + runTag + "-" + thread + "-" + seq + "-" + UUID.randomUUID().toString().substring(0, 8);
			String body = "Durability note " + marker + ". Written under load, then the server is killed with "
					+ "SIGKILL; an acknowledged note must still be there after the restart.";
			String form = "body=" + URLEncoder.encode(body, StandardCharsets.UTF_8) + "&authorName="
					+ URLEncoder.encode("Load thread " + thread, StandardCharsets.UTF_8);
			HttpRequest request = web.request("/articles/" + SLUG + "/p/" + blockId + "/notes")
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build();
			inFlight.incrementAndGet();
			long sent = System.nanoTime();
			HttpResponse<String> response;
			try {
				response = web.send(request);
			}
			catch (UncheckedIOException ex) {
				// the server is gone (killed): this request was not acknowledged; nor will any later one be
				failedRequests.incrementAndGet();
				return;
			}
			catch (IllegalStateException ex) {
				if (Thread.currentThread().isInterrupted()) {
					return;
				}
				throw ex;
			}
			finally {
				inFlight.decrementAndGet();
			}
			long now = System.nanoTime();
			String location = response.headers().firstValue("Location").orElse("");
			Matcher id = NOTE_ID.matcher(location);
			if (response.statusCode() == 303 && id.find()) {
				acks.add(new Ack(id.group(1), blockId, marker, now, now - sent));
			}
			else {
				unexpected.add(response.statusCode() + " " + location + " " + abbreviate(response.body()));
			}
		}
	}

	/** Requests sent and not yet answered. */
	int inFlight() {
		return inFlight.get();
	}

	/** Waits for every writer to end; they end when their request fails (server killed) or on {@link #stop()}. */
	void awaitEnd(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Thread worker : workers) {
			worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
			if (worker.isAlive()) {
				throw new AssertionError(worker.getName() + " still runs " + timeout.toSeconds() + " s after the kill");
			}
		}
	}

	/** Lets the writers finish their current request and end (for an orderly benchmark end). */
	void stop() {
		stopping = true;
	}

	List<Ack> acks() {
		return List.copyOf(acks);
	}

	/** Answers other than 303 to a note: never expected. */
	List<String> unexpected() {
		return List.copyOf(unexpected);
	}

	/** Requests that failed with an I/O error (connection reset or refused once the server is killed). */
	long failedRequests() {
		return failedRequests.get();
	}

	int threads() {
		return threads;
	}

	/** @return how many notes were acknowledged in [from, to) (System.nanoTime values) */
	long acknowledgedBetween(long from, long to) {
		return between(from, to).count();
	}

	/** @return the response times of the notes acknowledged in [from, to), in milliseconds, sorted */
	double[] latenciesMillis(long from, long to) {
		return between(from, to).mapToDouble(ack -> ack.latencyNanos() / 1e6).sorted().toArray();
	}

	private java.util.stream.Stream<Ack> between(long from, long to) {
		return acks.stream().filter(ack -> ack.nanos() >= from && ack.nanos() < to);
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
	}

}
