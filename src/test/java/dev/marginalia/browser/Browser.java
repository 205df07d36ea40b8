package dev.marginalia.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.jspecify.annotations.Nullable;

/**
 * Debian's headless Chromium, driven by Debian's chromedriver: never a browser downloaded by a test tool.
 *
 * <p>Where either is missing each browser test is skipped, with the reason, unless the system property
 * {@code marginalia.test.require-browser} or the environment variable {@code MARGINALIA_REQUIRE_BROWSER} is
 * {@code true} (as {@code .ci/run} sets it): then they fail.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("marginalia.test.chromium", "/usr/bin/chromium"));

	/** Caret browsing: the reader moves a caret through the text with the arrow keys, and selects with Shift. */
	static final String CARET_BROWSING = "--blink-settings=caretBrowsingEnabled=true";

	static final Path CHROMEDRIVER = Path.of(System.getProperty("marginalia.test.chromedriver", "/usr/bin/chromedriver"));

	private final ChromeDriver driver;

	/** Whether the pages' own scripts run. */
	private final boolean javascript;

	private Browser(ChromeDriver driver, boolean javascript) {
		this.driver = driver;
		this.javascript = javascript;
		if (!javascript) {
			pageScripts(false);
		}
	}

	private static String unavailable = "";

	/**
	 * Starts a browser. Where there is none, returns null and remembers why (see {@link #assumeAvailable}), or
	 * fails where a browser is required.
	 */
	public static @Nullable Browser startIfAvailable() {
		return startIfAvailable(true);
	}

	/**
	 * Starts a browser that runs the pages' scripts, or not: as a reader who turned JavaScript off. WebDriver's
	 * own scripts still run, and axe-core too (the page's scripts stay off: a page's scripts run only as it loads).
	 */
	public static @Nullable Browser startIfAvailable(boolean javascript) {
		return startIfAvailable(javascript, List.of());
	}

	/**
	 * Starts a browser with more command-line arguments, for example {@link #CARET_BROWSING} (F7 does not
	 * turn it on in a headless browser).
	 */
	public static @Nullable Browser startIfAvailable(boolean javascript, List<String> arguments) {
		boolean required = Boolean.getBoolean("marginalia.test.require-browser")
				|| "true".equals(System.getenv("MARGINALIA_REQUIRE_BROWSER"));
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			String reason = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): apt-get install chromium chromium-driver";
			if (required) {
				Assertions.fail(reason + " (required: MARGINALIA_REQUIRE_BROWSER=true)");
			}
			return unavailable(reason);
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
			return new Browser(driver, javascript);
		}
		catch (RuntimeException ex) {
			if (required) {
				throw ex;
			}
			return unavailable("Chromium would not start: " + ex.getMessage());
		}
	}

	private static @Nullable Browser unavailable(String reason) {
		unavailable = reason;
		System.out.println("SKIPPED browser tests: " + reason);
		return null;
	}

	/** Skips the calling test, with the reason, when {@code browser} is null. */
	public static void assumeAvailable(@Nullable Browser browser) {
		Assumptions.assumeTrue(browser != null, () -> "SKIPPED: " + unavailable);
	}

	public ChromeDriver driver() {
		return driver;
	}

	public void resize(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(5));
	}

	/** Emulates a dark (or light) colour scheme preference. */
	public void colorScheme(String scheme) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/** Emulates a touch screen (pointer: coarse, touch events), or stops. */
	public void touchScreen(boolean enabled) {
		driver.executeCdpCommand("Emulation.setTouchEmulationEnabled",
				enabled ? Map.of("enabled", true, "maxTouchPoints", 5) : Map.of("enabled", false));
	}

	public void grantClipboard() {
		driver.executeCdpCommand("Browser.grantPermissions",
				Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
	}

	/** @return this browser's cookies for the site open now (HttpOnly ones included) */
	public Set<Cookie> cookies() {
		return driver.manage().getCookies();
	}

	/**
	 * Replaces the cookies of the site open now: with none, the browser is a new reader (no author secret, no
	 * CSRF token); reload the page afterwards.
	 */
	public void useCookies(Set<Cookie> cookies) {
		driver.manage().deleteAllCookies();
		cookies.forEach(driver.manage()::addCookie);
	}

	private void pageScripts(boolean enabled) {
		// Chromium's --blink-settings=scriptEnabled=false also stops axe-core; this emulation can be lifted for it
		driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
	}

	/** Runs axe-core on the current page and fails with a readable list of what it found. */
	public void assertAccessible() {
		Results results;
		try {
			pageScripts(true);
			results = new AxeBuilder().analyze(driver);
		}
		finally {
			pageScripts(javascript);
		}
		List<Rule> violations = results.getViolations();
		String report = violations.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList())
			.collect(Collectors.joining("\n"));
		Assertions.assertTrue(violations.isEmpty(), () -> "axe-core violations on " + driver.getCurrentUrl() + ":\n" + report);
		Assertions.assertTrue(results.getPasses().size() > 10, "axe-core ran its checks");
	}

	/** @return the browser console's errors and warnings since the last call (failed loads, CSP, script errors) */
	public List<String> consoleProblems() {
		return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		driver.quit();
	}

}
