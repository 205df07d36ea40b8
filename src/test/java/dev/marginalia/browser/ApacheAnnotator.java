package dev.marginalia.browser;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.marginalia.support.NpmPackages;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Apache Annotator (npm {@code @apache-annotator/dom} and {@code @apache-annotator/selector}), software we did not
 * write, for a test to inject into a page: bundled by esbuild from {@code src/test/js} (installed there with
 * {@code npm ci --prefix src/test/js}; the npm registry is needed for that alone) into one script under the build
 * directory, with the test's own page-side harness beside it. Nothing is fetched at test time.
 *
 * <p>Where the packages are not installed (or Node.js is missing) the tests using it are skipped, with the reason,
 * unless they are required ({@link NpmPackages#required()}): then they fail.
 */
final class ApacheAnnotator {

	static final Path PACKAGE = NpmPackages.DIR;

	private static final Path ESBUILD = PACKAGE.resolve("node_modules/.bin/esbuild");

	private static final List<Path> INSTALLED = List.of(ESBUILD,
			PACKAGE.resolve("node_modules/@apache-annotator/dom/package.json"),
			PACKAGE.resolve("node_modules/@apache-annotator/selector/package.json"));

	private static final long BUILD_SECONDS = 120;

	private static String unavailable = "";

	/**
	 * @param bundle Apache Annotator as one IIFE that sets {@code window.ApacheAnnotator}
	 * @param harness the test's script that sets {@code window.MarginaliaInterop}
	 */
	record Scripts(String bundle, String harness) {
	}

	private ApacheAnnotator() {
	}

	static boolean required() {
		return NpmPackages.required();
	}

	/**
	 * Bundles Apache Annotator (a second or so). Where it is not installed, returns null and remembers why (see
	 * {@link #assumeAvailable}), or fails where it is required. A bundle step that fails always fails.
	 */
	static @Nullable Scripts bundleIfInstalled() {
		List<Path> missing = INSTALLED.stream().filter(path -> !Files.exists(path)).toList();
		if (!missing.isEmpty()) {
			return unavailable("Apache Annotator is not installed (" + missing.get(0).toAbsolutePath()
					+ " is missing): npm ci --prefix " + PACKAGE);
		}
		Path out = buildDirectory().resolve("annotator-js").resolve("annotator.js");
		List<String> command = List.of(ESBUILD.toAbsolutePath().toString(), "annotator-entry.js", "--bundle",
				"--format=iife", "--log-level=warning", "--outfile=" + out);
		Process process;
		try {
			Files.createDirectories(out.getParent());
			Files.deleteIfExists(out);
			process = new ProcessBuilder(command).directory(PACKAGE.toFile()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			// node_modules/.bin/esbuild is a Node.js script: no node on the PATH, no bundle
			return unavailable("esbuild would not start (" + ex.getMessage() + "): Node.js is needed (apt-get install nodejs npm)");
		}
		try {
			process.getOutputStream().close();
			if (!process.waitFor(BUILD_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				Assertions.fail("esbuild did not bundle Apache Annotator in " + BUILD_SECONDS + " s: " + command);
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() == 127 || output.contains("node: not found") || output.contains("env: 'node'")) {
				return unavailable("esbuild needs Node.js on the PATH (apt-get install nodejs npm): " + output.strip());
			}
			Assertions.assertEquals(0, process.exitValue(), () -> "esbuild failed: " + command + "\n" + output);
			System.out.println("Apache Annotator bundled by esbuild into " + out + " (" + Files.size(out) + " bytes)");
			return new Scripts(Files.readString(out), Files.readString(PACKAGE.resolve("interop-harness.js")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the bundle " + out, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException(ex);
		}
	}

	/** The build directory this test was compiled into (it may be another than target/: -Dmarginalia.build.dir). */
	private static Path buildDirectory() {
		try {
			Path testClasses = Path.of(ApacheAnnotator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return testClasses.getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static @Nullable Scripts unavailable(String reason) {
		if (required()) {
			Assertions.fail(reason + " (required: MARGINALIA_REQUIRE_NPM or MARGINALIA_REQUIRE_BROWSER is true)");
		}
		unavailable = reason;
		System.out.println("SKIPPED Apache Annotator tests: " + reason);
		return null;
	}

	/** Skips the calling test, with the reason, when {@code scripts} is null. */
	static void assumeAvailable(@Nullable Scripts scripts) {
		Assumptions.assumeTrue(scripts != null, () -> "SKIPPED: " + unavailable);
	}

}
