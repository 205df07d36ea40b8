package dev.marginalia.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import dev.marginalia.support.WebClient;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;

import static org.awaitility.Awaitility.await;

/**
 * The application in a separate JVM, as it runs in production: the main classes and the dependencies, without
 * {@code target/test-classes} (whose {@code config/application.properties} would switch the database to memory),
 * so the datasource URL is the one in {@code src/main/resources/application.properties}, with the data
 * directory given. Its output goes to a log file; {@link #kill()} sends SIGKILL.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private final Process process;

	private final int port;

	private final Path log;

	private final WebClient web;

	private AppProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.web = WebClient.overHttp11(port);
	}

	/**
	 * Starts the application and waits until {@code GET /} answers 200.
	 * @param dataDir {@code marginalia.data.dir}: where the H2 file goes
	 * @param dbUrl a datasource URL to use instead of the production one ({@code {dir}} stands for the data
	 * directory), or null for the production setting
	 * @param log the file that receives the JVM's output
	 * @param jvmOptions options for the JVM besides {@code -Xmx256m}
	 */
	static AppProcess start(Path dataDir, @Nullable String dbUrl, Path log, String... jvmOptions)
			throws IOException, InterruptedException {
		int port = freePort();
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx256m");
		command.addAll(List.of(jvmOptions));
		command.addAll(List.of("-cp", productionClassPath(), "dev.marginalia.MarginaliaApplication",
				"--server.port=" + port, "--marginalia.data.dir=" + dataDir.toAbsolutePath(),
				"--marginalia.content.dir=" + projectDir().resolve("content").toAbsolutePath(),
				// one loopback client writes far faster than a reader may: lift the per-client write limits
				"--marginalia.limits.writes-per-minute=100000000", "--marginalia.limits.writes-per-day=100000000"));
		if (dbUrl != null) {
			command.add("--spring.datasource.url=" + dbUrl.replace("{dir}", dataDir.toAbsolutePath().toString()));
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		Map<String, String> env = builder.environment();
		env.keySet().removeIf(name -> name.startsWith("MARGINALIA_") || name.startsWith("SPRING_") || name.equals("PORT"));
		AppProcess app = new AppProcess(builder.start(), port, log);
		Children.add(app.process);
		try {
			app.awaitReady();
		}
		catch (RuntimeException | AssertionError ex) {
			app.close();
			throw ex;
		}
		return app;
	}

	int port() {
		return port;
	}

	/** @return a client of the application, over HTTP/1.1 (a connection per request in flight, as a load needs) */
	WebClient web() {
		return web;
	}

	long pid() {
		return process.pid();
	}

	Path log() {
		return log;
	}

	/** @return the CPU time the application's JVM has used so far (all its threads), or zero if unknown */
	Duration cpuTime() {
		return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
	}

	/** @return this machine's load average over the last minute, or a negative number where unknown */
	static double loadAverage() {
		return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/** SIGKILL: no shutdown hooks, no flushing; waits until the process is gone. */
	void kill() throws InterruptedException {
		process.destroyForcibly(); // SIGKILL on Linux and macOS
		process.waitFor();
	}

	/** An orderly stop (SIGTERM), then SIGKILL if it takes too long. */
	void stop() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
			kill();
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroyForcibly();
			try {
				process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		Children.remove(process);
	}

	/** The last lines of the child's output, for failure messages. */
	String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException | UncheckedIOException ex) {
			return "(cannot read " + log + ": " + ex + ")";
		}
	}

	private void awaitReady() {
		HttpRequest home = web.request("/").timeout(Duration.ofSeconds(5)).GET().build();
		try {
			await().atMost(START_TIMEOUT)
				.pollInterval(Duration.ofMillis(100))
				.failFast(() -> !process.isAlive())
				.ignoreExceptionsInstanceOf(UncheckedIOException.class) // not listening yet
				.until(() -> web.send(home, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		}
		catch (TerminalFailureException ex) {
			throw new AssertionError("The application exited with " + process.exitValue() + " while starting; "
					+ "the end of " + log + ":\n" + tail(60));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("The application did not answer GET / with 200 within " + START_TIMEOUT.toSeconds()
					+ " s; the end of " + log + ":\n" + tail(60));
		}
	}

	/**
	 * Lets the application run (under the callers' load) for a while. The time passing is the scenario: a warm-up,
	 * a window that is measured or ends in a kill, so there is no condition to wait for instead; Awaitility's
	 * {@code during} checks meanwhile that the application stays up, and fails at once if it does not, rather than
	 * after the window, on a dead process.
	 */
	void letRunFor(Duration time) {
		await().during(time).atMost(time.plusSeconds(5)).until(process::isAlive);
	}

	/** The raw {@code spring.datasource.url} of src/main/resources/application.properties. */
	static String productionDbUrlPattern() {
		Path file = classesOf(dev.marginalia.MarginaliaApplication.class).resolve("application.properties");
		Properties properties = new Properties();
		try (var in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties.getProperty("spring.datasource.url", "(not set)");
	}

	static Path projectDir() {
		return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
	}

	/** This JVM's class path without the test classes: what the packaged application would have. */
	private static String productionClassPath() {
		// found where they are, so that a build into another directory (-Dmarginalia.build.dir) works too
		Path testClasses = classesOf(AppProcess.class);
		Path mainClasses = classesOf(dev.marginalia.MarginaliaApplication.class);
		String classPath = Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			.filter(entry -> !entry.isBlank())
			// absolute, so that a class path given with relative entries (target/classes) works too
			.map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
			.filter(entry -> !Path.of(entry).equals(testClasses))
			.collect(Collectors.joining(java.io.File.pathSeparator));
		if (!classPath.contains(mainClasses.toString())) {
			throw new IllegalStateException(mainClasses + " is not on the class path: " + classPath);
		}
		return classPath;
	}

	/** @return the directory a class was loaded from (its build output) */
	private static Path classesOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath().normalize();
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	/** Every child still running, killed when this JVM exits, whatever happens to the test. */
	private static final class Children {

		private static final List<Process> running = new ArrayList<>();

		static {
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				synchronized (running) {
					running.forEach(Process::destroyForcibly);
				}
			}, "kill-child-apps"));
		}

		static void add(Process process) {
			synchronized (running) {
				running.add(process);
			}
		}

		static void remove(Process process) {
			synchronized (running) {
				running.remove(process);
			}
		}

	}

}
