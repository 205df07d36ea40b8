package dev.marginalia.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The W3C's Nu Html Checker ({@code vnu.jar}, from the npm package {@code vnu-jar} in {@code src/test/js}, see
 * {@link NpmPackages}), run by this JVM's own {@code java} on pages written to a temporary folder: all of them in
 * one run, since the checker takes seconds to start. Nothing is fetched: the checker has its schemas in the jar.
 */
public final class HtmlChecker {

	public static final Path JAR = NpmPackages.DIR.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

	private static final long SECONDS = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One message of the checker.
	 * @param type {@code error}, {@code info} or {@code non-document-error}
	 * @param subType {@code warning} for a warning (an {@code info}), {@code fatal} for a fatal error, or empty
	 */
	public record Message(String type, String subType, String message, int line, String extract) {

		public boolean isError() {
			return type.equals("error") || type.equals("non-document-error");
		}

		public boolean isWarning() {
			return type.equals("info") && subType.equals("warning");
		}

		@Override
		public String toString() {
			return (isError() ? "error" : isWarning() ? "warning" : type) + " at line " + line + ": " + message
					+ (extract.isEmpty() ? "" : " [" + extract.strip().replaceAll("\\s+", " ") + "]");
		}

	}

	private HtmlChecker() {
	}

	/** For {@code @EnabledIf}: run where the checker is installed, or where it must be (then a missing one fails). */
	public static boolean installedOrRequired() {
		return Files.isRegularFile(JAR) || NpmPackages.required();
	}

	/**
	 * Checks pages, in one run of the checker.
	 * @param pages each page's name (a file name: letters, digits, dashes) and its HTML
	 * @return each page's messages, by name, in the order given (a page without any has an empty list)
	 */
	public static Map<String, List<Message>> check(Map<String, String> pages) {
		Assertions.assertTrue(Files.isRegularFile(JAR), () -> "The Nu Html Checker is not installed (" + JAR.toAbsolutePath()
				+ " is missing): npm ci --prefix " + NpmPackages.DIR);
		try {
			Path folder = Files.createTempDirectory("marginalia-vnu");
			Map<URI, String> names = new LinkedHashMap<>();
			List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-jar", JAR.toAbsolutePath().toString(), "--format", "json", "--stdout"));
			for (Map.Entry<String, String> page : pages.entrySet()) {
				Path file = folder.resolve(page.getKey() + ".html");
				Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
				names.put(file.toUri(), page.getKey());
				command.add(file.toString());
			}
			String output = run(command);
			Map<String, List<Message>> messages = new LinkedHashMap<>();
			pages.keySet().forEach(name -> messages.put(name, new ArrayList<>()));
			JsonNode report = JSON.readTree(output);
			for (JsonNode message : report.get("messages")) {
				String url = message.path("url").asString("");
				String name = names.get(url.isEmpty() ? null : Path.of(URI.create(url)).toUri());
				Assertions.assertNotNull(name, () -> "A message about no page given: " + message);
				messages.get(name).add(new Message(message.path("type").asString(""), message.path("subType").asString(""),
						message.path("message").asString(""), message.path("lastLine").asInt(0),
						message.path("extract").asString("")));
			}
			return messages;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** @return what the checker wrote on its standard output (JSON), its errors on standard error said on failure */
	private static String run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).start();
		process.getOutputStream().close();
		CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
		String output = read(process.getInputStream());
		try {
			if (!process.waitFor(SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				Assertions.fail("The Nu Html Checker did not finish in " + SECONDS + " s: " + command);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException(ex);
		}
		// it exits 1 when a page has errors: those are in the report; no report at all is a failure of its own
		Assertions.assertTrue(output.strip().startsWith("{"),
				() -> "The Nu Html Checker gave no report (exit " + process.exitValue() + "): " + command + "\n"
						+ errors.join());
		return output;
	}

	private static String read(InputStream stream) {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
