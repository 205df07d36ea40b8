import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Times GET requests to a running app, one at a time, and prints the median, the 95th percentile and the slowest of
 * each path: the reader's pages that are not kept (a paragraph's notes page sorted, "My notes", the list of articles)
 * or, with {@code --fresh-reader}, the article page rendered anew for each request (each comes with a new author
 * secret, so no page kept for a reader serves it). Run with the JDK's source launcher (nothing else needed):
 *
 * <pre>
 * java src/bench/TimeRequests.java BASE_URL [--requests N] [--warm-up N] [--cookie NAME=VALUE] [--bearer SECRET]
 *     [--fresh-reader] PATH...
 * </pre>
 *
 * For example, with the notes of {@code SeedNotes} (whose author's secret is {@code SeedNotes.SECRET}):
 * {@code java src/bench/TimeRequests.java http://localhost:8080 --cookie marginalia_author=SECRET /my/notes}.
 */
public final class TimeRequests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeRequests() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int requests = 30;
		int warmUp = 5;
		String cookie = null;
		String bearer = null;
		boolean fresh = false;
		List<String> paths = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--requests" -> requests = Integer.parseInt(args[++i]);
				case "--warm-up" -> warmUp = Integer.parseInt(args[++i]);
				case "--cookie" -> cookie = args[++i];
				case "--bearer" -> bearer = args[++i];
				case "--fresh-reader" -> fresh = true;
				default -> paths.add(args[i]);
			}
		}
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		System.out.println("| path | p50 ms | p95 ms | max ms | status | bytes |");
		System.out.println("|---|---:|---:|---:|---|---:|");
		for (String path : paths) {
			long[] times = new long[requests];
			HttpResponse<byte[]> last = null;
			for (int i = -warmUp; i < requests; i++) {
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET()
					.header("Accept", "text/html,application/ld+json;q=0.9,*/*;q=0.8");
				if (fresh) {
					request.header("Cookie", "marginalia_author=" + newSecret());
				}
				else if (cookie != null) {
					request.header("Cookie", cookie);
				}
				if (bearer != null) {
					request.header("Authorization", "Bearer " + bearer);
				}
				long started = System.nanoTime();
				last = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
				if (i >= 0) {
					times[i] = System.nanoTime() - started;
				}
			}
			Arrays.sort(times);
			System.out.printf("| %s%s | %.1f | %.1f | %.1f | %d | %d |%n", path, fresh ? " (a new reader each time)" : "",
					ms(times[requests / 2]), ms(times[(int) Math.ceil(requests * 0.95) - 1]), ms(times[requests - 1]),
					last.statusCode(), last.body().length);
		}
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
