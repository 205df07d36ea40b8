package dev.marginalia.live;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.marginalia.support.WebClient;

import static org.awaitility.Awaitility.await;

/** A test client of a Server-Sent Events stream: parses the events into a queue as they arrive. */
public final class EventStream implements AutoCloseable {

	/** One event as received, with the moment it arrived. */
	public record Event(String id, String name, String data, long receivedNanos) {
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final CompletableFuture<HttpResponse<Stream<String>>> response;

	private volatile int status;

	private volatile Stream<String> body;

	private final CompletableFuture<Void> ended = new CompletableFuture<>();

	public EventStream(String url, Map<String, String> headers) {
		WebClient web = new WebClient(URI.create(url).getPort());
		HttpRequest.Builder request = web.request(url).header("Accept", "text/event-stream").GET();
		headers.forEach(request::header);
		CompletableFuture<Void> connected = new CompletableFuture<>();
		CompletableFuture<Void> firstBytes = new CompletableFuture<>();
		response = web.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
		response.thenAcceptAsync(answer -> {
			status = answer.statusCode();
			body = answer.body();
			connected.complete(null);
			String[] current = { "", "message", "" };
			answer.body().forEach(line -> {
				firstBytes.complete(null);
				if (line.isEmpty()) {
					if (!current[2].isEmpty()) {
						events.add(new Event(current[0], current[1], current[2], System.nanoTime()));
					}
					current[1] = "message";
					current[2] = "";
				}
				else if (line.startsWith("id:")) {
					current[0] = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					current[1] = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					current[2] += line.substring(5).strip();
				}
			});
			ended.complete(null);
		});
		try {
			connected.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The event stream did not open", ex);
		}
		// the stream is registered on the server before its first bytes ("retry", a comment) are sent; an answer
		// that is not a stream (an error) has a body that ends instead
		await().atMost(Duration.ofSeconds(10)).until(() -> firstBytes.isDone() || ended.isDone());
	}

	/** @return whether the server ended the stream within the time */
	boolean ended(Duration within) {
		try {
			ended.get(within.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	int status() {
		return status;
	}

	/** @return the next event within the time, or null */
	public Event next(Duration within) {
		try {
			return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return the next event within the time that is not about this note, or null: for a note written just before
	 * the stream opened, whose event the fan-out may not have sent yet then
	 */
	public Event nextNotAbout(String noteId, Duration within) {
		Event event = next(within);
		while (event != null && event.data().contains("\"note\":\"" + noteId + "\"")) {
			event = next(within);
		}
		return event;
	}

	@Override
	public void close() {
		if (body != null) {
			body.close();
		}
		response.cancel(true);
	}

}
