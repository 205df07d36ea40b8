package dev.marginalia.durability;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Locale;

/**
 * The sustained note-creation rate, measured longer than {@link SigkillDurabilityTests} can afford: the
 * application in its own JVM (production settings, a fresh H2 file in a temporary directory), C threads writing
 * notes through the HTML form, a warm-up, then the measured window in slices. Not a test: run by hand, from the
 * project directory, after {@code ./mvnw -q test-compile}:
 *
 * <pre>
 * java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes:target/test-classes" \
 *     dev.marginalia.durability.NoteWriteBenchmark [seconds=20] [threads=8] [warm-up seconds=5]
 * </pre>
 *
 * Add {@code '-Dmarginalia.test.durability.db-url=jdbc:h2:file:{dir}/marginalia;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'}
 * (before {@code dev.marginalia...}) to measure another datasource URL. The application's log goes to
 * {@code target/durability/app-benchmark.log}.
 */
public final class NoteWriteBenchmark {

	private static final int SLICE_SECONDS = 5;

	private NoteWriteBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 5;
		String dbUrl = System.getProperty(SigkillDurabilityTests.DB_URL_PROPERTY);
		String urlPattern = dbUrl != null ? dbUrl : AppProcess.productionDbUrlPattern();
		String setting = urlPattern.contains("WRITE_DELAY=0") ? "WRITE_DELAY=0" : "without WRITE_DELAY=0";
		Path dataDir = Files.createTempDirectory("marginalia-bench");
		Path log = AppProcess.projectDir().resolve("target/durability/app-benchmark.log");
		System.out.println("Datasource: " + urlPattern + "; data in " + dataDir);
		try (AppProcess app = AppProcess.start(dataDir, dbUrl, log)) {
			NoteLoad load = new NoteLoad(app.web(),
					StoredNotes.paragraphIds(app.web(), SigkillDurabilityTests.PARAGRAPHS), threads, "bench");
			load.start();
			app.letRunFor(Duration.ofSeconds(warmUp));
			long from = System.nanoTime();
			Duration cpuFrom = app.cpuTime();
			long sliceStart = from;
			for (int elapsed = 0; elapsed < seconds; elapsed += SLICE_SECONDS) {
				int slice = Math.min(SLICE_SECONDS, seconds - elapsed);
				app.letRunFor(Duration.ofSeconds(slice));
				long now = System.nanoTime();
				System.out.printf(Locale.ROOT, "  %3d-%3d s: %6.0f notes/s%n", elapsed, elapsed + slice,
						load.acknowledgedBetween(sliceStart, now) / ((now - sliceStart) / 1e9));
				sliceStart = now;
			}
			long to = System.nanoTime();
			Duration cpu = app.cpuTime().minus(cpuFrom);
			load.stop();
			load.awaitEnd(Duration.ofSeconds(30));
			double window = (to - from) / 1e9;
			long notes = load.acknowledgedBetween(from, to);
			double[] latencies = load.latenciesMillis(from, to);
			System.out.printf(Locale.ROOT,
					"NOTE RATE: %.0f notes/s over %.1f s with %d client threads (embedded H2, %s; %d s warm-up; "
							+ "server CPU %.1f ms/note; client and server on the same %d CPUs, load average %.1f)%n",
					notes / window, window, threads, setting, warmUp,
					SigkillDurabilityTests.cpuMillisPerNote(cpu, notes), Runtime.getRuntime().availableProcessors(),
					AppProcess.loadAverage());
			System.out.printf(Locale.ROOT, "Response time: median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; "
					+ "%d notes in all, %d unexpected answers%n", percentile(latencies, 50), percentile(latencies, 90),
					percentile(latencies, 99), percentile(latencies, 100), load.acks().size(), load.unexpected().size());
			load.unexpected().stream().limit(5).forEach(answer -> System.out.println("  unexpected: " + answer));
			app.stop();
		}
		finally {
			delete(dataDir);
		}
	}

	private static double percentile(double[] sorted, int percent) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private static void delete(Path dir) throws IOException {
		Files.walkFileTree(dir, new SimpleFileVisitor<>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path directory, IOException ex) throws IOException {
				Files.delete(directory);
				return FileVisitResult.CONTINUE;
			}
		});
	}

}
