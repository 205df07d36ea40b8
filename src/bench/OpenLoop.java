import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load generator at a fixed rate, for the latency a reader sees at a given load (what wrk2's {@code -R}
 * measures; wrk2 is not in Debian). Requests are scheduled at fixed intervals from the start time, whatever the
 * server does: request {@code j} is due at {@code start + j / rate} and goes out on the first of the N keep-alive
 * HTTP/1.1 connections that is free (a connection whose answer came late does not hold up the requests due after,
 * while others are free; when all N are busy, the due requests wait for the first to be free). Latency is measured
 * from the time a request was <em>due</em> to the last byte of its answer, so a stall of the server counts for every
 * request that should have been sent during it (coordinated omission is not hidden). Run with the JDK's source
 * launcher:
 *
 * <pre>
 * java src/bench/OpenLoop.java URL --rate REQUESTS_PER_SECOND [--connections 64] [--duration 20] [--warm-up 3]
 *     [--header 'Name: value']... [--expect 200]
 * </pre>
 *
 * The first {@code --warm-up} seconds are sent at the same rate and not counted (this JVM's own code is compiled
 * then). It prints p50, p90, p99, p99.9 and the maximum in ms, the rate asked and achieved, and one line for
 * scripts ({@code OPENLOOP key=value...}). Errors: answers with another status than {@code --expect}, broken
 * connections (each is opened again), and requests still unsent when the run had to stop (at twice its length),
 * which a server far behind the rate leaves.
 */
public final class OpenLoop {

	private OpenLoop() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].startsWith("-")) {
			System.err.println("Usage: java OpenLoop.java URL --rate N [--connections 64] [--duration 20] [--warm-up 3]"
					+ " [--header 'Name: value']... [--expect 200]");
			System.exit(2);
		}
		URI uri = URI.create(args[0]);
		double rate = 0;
		int connections = 64;
		double duration = 20;
		double warmUp = 3;
		int expect = 200;
		List<String> headers = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			switch (args[i]) {
				case "--rate" -> rate = Double.parseDouble(args[++i]);
				case "--connections" -> connections = Integer.parseInt(args[++i]);
				case "--duration" -> duration = Double.parseDouble(args[++i]);
				case "--warm-up" -> warmUp = Double.parseDouble(args[++i]);
				case "--header" -> headers.add(args[++i]);
				case "--expect" -> expect = Integer.parseInt(args[++i]);
				default -> throw new IllegalArgumentException("Unknown option: " + args[i]);
			}
		}
		if (!(rate > 0) || connections < 1 || !(duration > 0) || warmUp < 0) {
			throw new IllegalArgumentException("--rate, --connections and --duration must be positive");
		}
		if (!"http".equals(uri.getScheme())) {
			throw new IllegalArgumentException("http:// only: " + uri);
		}
		String host = uri.getHost();
		int port = uri.getPort() < 0 ? 80 : uri.getPort();
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
				+ (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		StringBuilder request = new StringBuilder().append("GET ").append(path).append(" HTTP/1.1\r\n")
			.append("Host: ").append(host).append(':').append(port).append("\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		byte[] requestBytes = request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);

		long interval = Math.round(1e9 / rate);
		long warmUpNanos = Math.round(warmUp * 1e9);
		long durationNanos = Math.round(duration * 1e9);
		// every request due before the end of the run (the warm-up included) is sent; the counted ones are those due
		// in [warmUpNanos, warmUpNanos + durationNanos)
		long slots = (warmUpNanos + durationNanos + interval - 1) / interval;
		Worker[] workers = new Worker[connections];
		CountDownLatch connected = new CountDownLatch(connections);
		CountDownLatch go = new CountDownLatch(1);
		long[] start = new long[1];
		AtomicLong next = new AtomicLong();
		for (int i = 0; i < connections; i++) {
			workers[i] = new Worker(i, next, host, port, requestBytes, expect, interval, slots, warmUpNanos,
					durationNanos, connected, go, start);
			workers[i].start();
		}
		connected.await();
		start[0] = System.nanoTime() + 50_000_000L;
		go.countDown();
		for (Worker worker : workers) {
			worker.join();
		}

		int counted = 0;
		int lagged = 0;
		for (Worker worker : workers) {
			counted += worker.count;
			lagged += worker.lagCount;
		}
		long[] lags = new long[lagged];
		int lagAt = 0;
		for (Worker worker : workers) {
			System.arraycopy(worker.lags, 0, lags, lagAt, worker.lagCount);
			lagAt += worker.lagCount;
		}
		Arrays.sort(lags);
		long[] latencies = new long[counted];
		int at = 0;
		long badStatus = 0;
		long socketErrors = 0;
		long unsent = 0;
		long lastDone = start[0] + warmUpNanos;
		for (Worker worker : workers) {
			System.arraycopy(worker.latencies, 0, latencies, at, worker.count);
			at += worker.count;
			badStatus += worker.badStatus;
			socketErrors += worker.socketErrors;
			unsent += worker.unsent;
			lastDone = Math.max(lastDone, worker.lastDone);
		}
		Arrays.sort(latencies);
		double window = Math.max(durationNanos, lastDone - (start[0] + warmUpNanos)) / 1e9;
		double achieved = counted / window;
		System.out.printf(Locale.ROOT,
				"%s: %.0f requests/s asked, %.1f achieved (%d answers in %.2f s, after %.0f s of warm-up), %d connections%n",
				uri, rate, achieved, counted, window, warmUp, connections);
		System.out.printf(Locale.ROOT, "  latency from the time each request was due, ms: p50 %.3f  p90 %.3f  p99 %.3f"
				+ "  p99.9 %.3f  max %.3f%n", ms(percentile(latencies, 50)), ms(percentile(latencies, 90)),
				ms(percentile(latencies, 99)), ms(percentile(latencies, 99.9)), ms(max(latencies)));
		System.out.printf(Locale.ROOT, "  errors: %d answers other than %d, %d broken connections, %d requests unsent%n",
				badStatus, expect, socketErrors, unsent);
		// the client's own share: how late it woke up to send a request its connection was free for (on a loaded
		// machine this grows, and the latencies above include it)
		System.out.printf(Locale.ROOT, "  this client's delay in sending, ms: p50 %.3f  p99 %.3f  max %.3f%n",
				ms(percentile(lags, 50)), ms(percentile(lags, 99)), ms(max(lags)));
		System.out.printf(Locale.ROOT,
				"OPENLOOP rate=%.1f achieved=%.1f requests=%d p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d"
						+ " bad_status=%d socket_errors=%d unsent=%d send_delay_p99_us=%d%n",
				rate, achieved, counted, percentile(latencies, 50) / 1000, percentile(latencies, 90) / 1000,
				percentile(latencies, 99) / 1000, percentile(latencies, 99.9) / 1000, max(latencies) / 1000, badStatus,
				socketErrors, unsent, percentile(lags, 99) / 1000);
	}

	/** The nearest-rank percentile of sorted values (0 when there are none). */
	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static long max(long[] sorted) {
		return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	/** One connection: takes the next request due when it is free, sends it when it is due, reads the answer. */
	private static final class Worker extends Thread {

		private final AtomicLong next;

		private final String host;

		private final int port;

		private final byte[] request;

		private final int expect;

		private final long interval;

		private final long slots;

		private final long warmUp;

		private final long duration;

		private final CountDownLatch connected;

		private final CountDownLatch go;

		private final long[] start;

		private long[] latencies;

		/** how late this client sent each counted request that it was free to send on time (its own delay) */
		private long[] lags;

		private int count;

		private int lagCount;

		private long badStatus;

		private long socketErrors;

		private long unsent;

		private long lastDone;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		private final byte[] buffer = new byte[64 * 1024];

		private int position;

		private int limit;

		Worker(int index, AtomicLong next, String host, int port, byte[] request, int expect, long interval, long slots,
				long warmUp, long duration, CountDownLatch connected, CountDownLatch go, long[] start) {
			super("open-loop-" + index);
			setDaemon(true);
			this.next = next;
			this.host = host;
			this.port = port;
			this.request = request;
			this.expect = expect;
			this.interval = interval;
			this.slots = slots;
			this.warmUp = warmUp;
			this.duration = duration;
			this.connected = connected;
			this.go = go;
			this.start = start;
			this.latencies = new long[1024];
			this.lags = new long[this.latencies.length];
		}

		@Override
		public void run() {
			try {
				try {
					connect();
				}
				catch (IOException ex) {
					this.socketErrors++;
				}
				finally {
					this.connected.countDown();
				}
				this.go.await();
				long t0 = this.start[0];
				// a server far behind the rate would keep the run going for as long as it takes: stop at twice the
				// run's length and count what was not sent
				long deadline = t0 + 2 * (this.warmUp + this.duration);
				// the first request counted: the first due after the warm-up
				long firstCounted = (this.warmUp + this.interval - 1) / this.interval;
				long slot;
				while ((slot = this.next.getAndIncrement()) < this.slots) {
					long free = System.nanoTime();
					long due = t0 + slot * this.interval;
					long now;
					while ((now = System.nanoTime()) < due) {
						LockSupport.parkNanos(due - now);
					}
					boolean counted = slot >= firstCounted;
					if (now >= deadline) {
						// this request and every one no connection has taken yet stay unsent (the first connection here
						// takes them all; each other counts its own)
						long untaken = Math.min(this.slots, this.next.getAndSet(this.slots));
						this.unsent += (counted ? 1 : 0) + this.slots - Math.max(untaken, Math.min(firstCounted, this.slots));
						break;
					}
					if (counted && free <= due) {
						if (this.lagCount == this.lags.length) {
							this.lags = Arrays.copyOf(this.lags, this.lagCount * 2);
						}
						this.lags[this.lagCount++] = now - due;
					}
					int status = exchange();
					long done = System.nanoTime();
					if (status < 0) {
						if (counted) {
							this.socketErrors++;
						}
						continue;
					}
					if (counted) {
						if (status != this.expect) {
							this.badStatus++;
						}
						if (this.count == this.latencies.length) {
							this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
						}
						this.latencies[this.count++] = done - due;
						this.lastDone = Math.max(this.lastDone, done);
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				close();
			}
		}

		private void connect() throws IOException {
			close();
			Socket s = new Socket();
			s.setTcpNoDelay(true);
			s.setSoTimeout(10_000);
			s.connect(new InetSocketAddress(this.host, this.port), 10_000);
			this.socket = s;
			this.in = s.getInputStream();
			this.out = s.getOutputStream();
			this.position = 0;
			this.limit = 0;
		}

		private void close() {
			if (this.socket != null) {
				try {
					this.socket.close();
				}
				catch (IOException ex) {
					// closing anyway
				}
				this.socket = null;
			}
		}

		/** Sends the request and reads the whole answer: its status, or -1 when the connection broke. */
		private int exchange() {
			try {
				if (this.socket == null) {
					connect();
				}
				this.out.write(this.request);
				this.out.flush();
				String statusLine = readLine();
				int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
				long length = -1;
				boolean chunked = false;
				boolean close = false;
				String line;
				while (!(line = readLine()).isEmpty()) {
					int colon = line.indexOf(':');
					if (colon < 0) {
						continue;
					}
					String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
					String value = line.substring(colon + 1).trim();
					switch (name) {
						case "content-length" -> length = Long.parseLong(value);
						case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
						case "connection" -> close = value.equalsIgnoreCase("close");
						default -> {
						}
					}
				}
				if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
					length = 0;
				}
				if (chunked) {
					long size;
					while ((size = Long.parseLong(readLine().split(";", 2)[0].trim(), 16)) > 0) {
						skip(size);
						readLine();
					}
					while (!readLine().isEmpty()) {
						// trailers
					}
				}
				else if (length >= 0) {
					skip(length);
				}
				else {
					// no length: the body ends with the connection
					while (fill() > 0) {
						this.position = this.limit;
					}
					close = true;
				}
				if (close) {
					close();
				}
				return status;
			}
			catch (IOException | RuntimeException ex) {
				close();
				return -1;
			}
		}

		private int fill() throws IOException {
			int n = this.in.read(this.buffer);
			this.position = 0;
			this.limit = Math.max(n, 0);
			return n;
		}

		private String readLine() throws IOException {
			StringBuilder line = new StringBuilder(64);
			while (true) {
				if (this.position == this.limit && fill() < 0) {
					throw new EOFException();
				}
				byte b = this.buffer[this.position++];
				if (b == '\n') {
					int end = line.length();
					if (end > 0 && line.charAt(end - 1) == '\r') {
						line.setLength(end - 1);
					}
					return line.toString();
				}
				line.append((char) (b & 0xff));
			}
		}

		private void skip(long n) throws IOException {
			while (n > 0) {
				if (this.position == this.limit && fill() < 0) {
					throw new EOFException();
				}
				int take = (int) Math.min(n, this.limit - this.position);
				this.position += take;
				n -= take;
			}
		}

	}

}
