package dev.marginalia.durability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An acknowledged note survives {@code kill -9}. The application runs in its own JVM on an H2 file (the
 * production datasource URL, so WRITE_DELAY=0); eight threads write notes through the plain HTML form; after a
 * couple of seconds, with requests in flight, the process gets SIGKILL. It restarts on the same files and every
 * note whose 303 was received must be listed on its paragraph's notes page, with its text. Three kills, one
 * after the other, on the same data; the notes of earlier runs must survive the later kills too.
 * <p>
 * The child runs on this JVM's class path without {@code target/test-classes}, so the test configuration
 * (in-memory database) does not apply. It prints the note-creation rate it saw (measured, not asserted). To
 * see the test fail, run it against H2 with the default write delay (lost: about half a second of notes):
 * <pre>
 * ./mvnw -q test -Dtest=SigkillDurabilityTests \
 *     '-Dmarginalia.test.durability.db-url=jdbc:h2:file:{dir}/marginalia;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'
 * </pre>
 * ({@code {dir}} is the data directory). The children's logs: {@code target/durability/}.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SigkillDurabilityTests {

	/** A datasource URL to test instead of the production one; {@code {dir}} stands for the data directory. */
	static final String DB_URL_PROPERTY = "marginalia.test.durability.db-url";

	/** How many paragraphs get notes: the first ones of the article. */
	static final int PARAGRAPHS = 3;

	private static final int RUNS = 3;

	private static final int THREADS = 8;

	/**
	 * The client JIT only, as {@code spring-boot:run} does: the application starts on half the CPU time, and
	 * the test starts it four times. Nothing about durability depends on it; the rate it prints does (a little),
	 * and {@link NoteWriteBenchmark} measures with the full JIT.
	 */
	private static final String[] JVM_OPTIONS = { "-XX:TieredStopAtLevel=1" };

	private static final Duration WARM_UP = Duration.ofMillis(500);

	private static final Duration MEASURED = Duration.ofMillis(2000);

	@TempDir
	Path dataDir;

	private final List<AppProcess> apps = new ArrayList<>();

	@AfterEach
	void killChildren() {
		apps.forEach(AppProcess::close);
	}

	@Test
	void everyAcknowledgedNoteSurvivesSigkill() throws Exception {
		@Nullable String dbUrl = System.getProperty(DB_URL_PROPERTY);
		String urlPattern = dbUrl != null ? dbUrl : AppProcess.productionDbUrlPattern();
		String setting = urlPattern.contains("WRITE_DELAY=0") ? "WRITE_DELAY=0" : "without WRITE_DELAY=0";
		System.out.println("DURABILITY: datasource " + (dbUrl != null ? "(overridden) " : "(production) ") + urlPattern);

		AppProcess app = start("start-0");
		List<String> blocks = StoredNotes.paragraphIds(app.web(), PARAGRAPHS);

		Map<String, NoteLoad.Ack> acknowledged = new LinkedHashMap<>();
		List<String> lostDetails = new ArrayList<>();
		List<String> runLines = new ArrayList<>();
		long totalAcked = 0;
		Set<String> lost = new HashSet<>();
		Set<String> unacknowledged = new HashSet<>();
		long measuredNotes = 0;
		double measuredSeconds = 0;
		Duration measuredCpu = Duration.ZERO;
		for (int run = 1; run <= RUNS; run++) {
			NoteLoad load = new NoteLoad(app.web(), blocks, THREADS, "r" + run);
			load.start();
			app.letRunFor(WARM_UP);
			long from = System.nanoTime();
			Duration cpuFrom = app.cpuTime();
			// a little jitter, so that the kill lands at a different moment of the write path each time
			app.letRunFor(MEASURED.plusMillis(ThreadLocalRandom.current().nextInt(250)));
			int inFlight = load.inFlight();
			long killedAt = System.nanoTime();
			Duration cpu = app.cpuTime().minus(cpuFrom);
			app.kill();
			load.awaitEnd(Duration.ofSeconds(30));

			assertThat(load.unexpected()).as("answers other than 303 to a note (run %d)", run).isEmpty();
			List<NoteLoad.Ack> acks = load.acks();
			assertThat(acks).as("notes acknowledged before the kill (run %d)", run).isNotEmpty();
			long measured = load.acknowledgedBetween(from, killedAt);
			double seconds = (killedAt - from) / 1e9;
			measuredNotes += measured;
			measuredSeconds += seconds;
			measuredCpu = measuredCpu.plus(cpu);
			acks.forEach(ack -> acknowledged.put(ack.id(), ack));

			app = start("restart-" + run);
			assertThat(dataDir).as("the H2 file in the data directory")
				.isDirectoryContaining(path -> path.getFileName().toString().endsWith(".mv.db"));
			Map<String, String> stored = StoredNotes.read(app.web(), blocks);

			List<NoteLoad.Ack> newlyLost = acknowledged.values().stream()
				.filter(ack -> !lost.contains(ack.id()) && !survived(ack, stored))
				.toList();
			String thisRun = "dm-r" + run + "-";
			long lostThisRun = newlyLost.stream().filter(ack -> ack.marker().startsWith(thisRun)).count();
			long lostEarlier = newlyLost.size() - lostThisRun;
			for (NoteLoad.Ack ack : newlyLost) {
				lost.add(ack.id());
				if (lostDetails.size() < 10) {
					lostDetails.add("note " + ack.id() + " (" + ack.marker() + ") on " + ack.blockId()
							+ (stored.containsKey(ack.id()) ? " has other text: " + stored.get(ack.id()) : " is missing"));
				}
			}
			// committed, but killed before the 303 went out: allowed, and a sign that the kill hit the write path
			long unacknowledgedStored = stored.keySet().stream()
				.filter(id -> !acknowledged.containsKey(id) && unacknowledged.add(id))
				.count();
			totalAcked += acks.size();
			String line = String.format(Locale.ROOT,
					"run %d: %d acknowledged, %d found after SIGKILL (%d lost); %d requests in flight at the kill, "
							+ "%d notes stored without an acknowledgement; notes of earlier runs lost now: %d; "
							+ "%.0f notes/s, server CPU %.1f ms/note",
					run, acks.size(), acks.size() - lostThisRun, lostThisRun, inFlight, unacknowledgedStored,
					lostEarlier, measured / seconds, cpuMillisPerNote(cpu, measured));
			runLines.add(line);
			System.out.println("DURABILITY: " + line);
		}
		app.stop();

		System.out.println(String.format(Locale.ROOT, "DURABILITY: total: %d acknowledged over %d SIGKILLs, %d lost (%s)",
				totalAcked, RUNS, lost.size(), setting));
		System.out.println(String.format(Locale.ROOT,
				"NOTE RATE: %.0f notes/s over %.1f s with %d client threads (embedded H2, %s; C1-only JVM, %d ms warm-up per run; "
						+ "server CPU %.1f ms/note; client and server on the same %d CPUs, load average %.1f)",
				measuredNotes / measuredSeconds, measuredSeconds, THREADS, setting, WARM_UP.toMillis(),
				cpuMillisPerNote(measuredCpu, measuredNotes), Runtime.getRuntime().availableProcessors(),
				AppProcess.loadAverage()));

		assertThat(lost.size()).as("acknowledged notes lost to SIGKILL (%s):\n%s\n%s", setting,
				String.join("\n", runLines), String.join("\n", lostDetails)).isZero();
	}

	private AppProcess start(String name) throws Exception {
		Path log = AppProcess.projectDir().resolve("target/durability/app-" + name + ".log");
		Files.deleteIfExists(log);
		AppProcess app = AppProcess.start(dataDir, System.getProperty(DB_URL_PROPERTY), log, JVM_OPTIONS);
		apps.add(app);
		return app;
	}

	static double cpuMillisPerNote(Duration cpu, long notes) {
		return notes == 0 ? Double.NaN : cpu.toNanos() / 1e6 / notes;
	}

	private static boolean survived(NoteLoad.Ack ack, Map<String, String> stored) {
		String text = stored.get(ack.id());
		return text != null && text.contains(ack.marker());
	}

}
