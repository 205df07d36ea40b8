package dev.marginalia.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Starts Debian's headless Chromium, driven by Debian's chromedriver: never a browser downloaded by a test tool.
 *
 * <p>Where either is missing, or Chromium will not start, it says why, so that the tests can be skipped with the
 * reason; unless the system property {@code marginalia.test.require-browser} or the environment variable
 * {@code MARGINALIA_REQUIRE_BROWSER} is {@code true} (as {@code .ci/run} sets it): then it fails.
 */
final class Chromium {

	static final Path CHROMIUM = Path.of(System.getProperty("marginalia.test.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("marginalia.test.chromedriver", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	/** A started Chromium, or why there is none. */
	record Start(@Nullable ChromeDriver driver, String unavailable) {
	}

	/**
	 * @param arguments more command-line arguments (see {@link Browser#CARET_BROWSING})
	 * @return the driver of a new Chromium, or none and the reason, where none can run and none is required
	 */
	static Start start(List<String> arguments) {
		boolean required = Boolean.getBoolean("marginalia.test.require-browser")
				|| "true".equals(System.getenv("MARGINALIA_REQUIRE_BROWSER"));
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String reason = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): apt-get install chromium chromium-driver";
			if (required) {
				Assertions.fail(reason + " (required: MARGINALIA_REQUIRE_BROWSER=true)");
			}
			return new Start(null, reason);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--disable-extensions", "--disable-quic",
				// Chromium calls Google at start even with the flags above: a dead proxy stops it; loopback bypasses it.
				"--proxy-server=http://127.0.0.1:9", "--window-size=1280,900", "--lang=en-US");
		options.addArguments(arguments);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
			return new Start(driver, "");
		}
		catch (RuntimeException ex) {
			if (required) {
				throw ex;
			}
			return new Start(null, "Chromium would not start: " + ex.getMessage());
		}
	}

}
