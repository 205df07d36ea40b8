package dev.marginalia.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A headless Chromium ({@link Chromium}) for the tests of one class, the only set-up they need: registered as a
 * static field,
 * <pre>
 * &#64;RegisterExtension
 * static final Browser browser = Browser.withScripts();
 * </pre>
 * it starts before the class's tests and closes after them; before each test it skips it, with the reason, when
 * there is no Chromium (where one is not required), and puts the window back to 1280 by 900 px, a light colour
 * scheme and no touch screen; after each, it fails the test on errors and warnings in the browser's console (failed
 * loads, CSP violations, script errors), but for those the class or the test said to expect.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

	/** Caret browsing: the reader moves a caret through the text with the arrow keys, and selects with Shift. */
	static final String CARET_BROWSING = "--blink-settings=caretBrowsingEnabled=true";

	/** Whether the pages' own scripts run. */
	private final boolean javascript;

	private final List<String> arguments;

	/** Whether the console is checked after each test. */
	private final boolean consoleChecked;

	/** Console problems this class expects: given the address of the page open and the message. */
	private final BiPredicate<String, String> expected;

	/** Parts of console messages the running test expects. */
	private final List<String> expectedByTheTest = new ArrayList<>();

	private @Nullable ChromeDriver driver;

	private String unavailable = "";

	private Browser(boolean javascript, List<String> arguments, boolean consoleChecked,
			BiPredicate<String, String> expected) {
		this.javascript = javascript;
		this.arguments = List.copyOf(arguments);
		this.consoleChecked = consoleChecked;
		this.expected = expected;
	}

	/** A browser that runs the pages' scripts. */
	public static Browser withScripts() {
		return new Browser(true, List.of(), true, (page, problem) -> false);
	}

	/**
	 * A browser that does not run the pages' scripts: as a reader who turned JavaScript off. WebDriver's own scripts
	 * still run, and axe-core too (the page's scripts stay off: a page's scripts run only as it loads).
	 */
	public static Browser withoutScripts() {
		return new Browser(false, List.of(), true, (page, problem) -> false);
	}

	/**
	 * @return this browser with more command-line arguments, for example {@link #CARET_BROWSING} (F7 does not turn it
	 * on in a headless browser)
	 */
	public Browser withArguments(String... more) {
		List<String> all = new ArrayList<>(arguments);
		all.addAll(List.of(more));
		return new Browser(javascript, all, consoleChecked, expected);
	}

	/** @return this browser, with console problems expected in every test: given the page's address and the message */
	public Browser expectingConsoleProblems(BiPredicate<String, String> problems) {
		return new Browser(javascript, arguments, consoleChecked, problems);
	}

	/** @return this browser, its console not checked after the tests: say why where it is used */
	public Browser consoleNotChecked() {
		return new Browser(javascript, arguments, false, expected);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		Chromium.Start start = Chromium.start(arguments);
		driver = start.driver();
		unavailable = start.unavailable();
		if (driver == null) {
			System.out.println("SKIPPED browser tests: " + unavailable);
		}
		else if (!javascript) {
			pageScripts(false);
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Assumptions.assumeTrue(driver != null, () -> "SKIPPED: " + unavailable);
		resize(1280, 900);
		colorScheme("light");
		touchScreen(false);
		consoleProblems();
		expectedByTheTest.clear();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (driver == null || !consoleChecked) {
			return;
		}
		String page = driver.getCurrentUrl();
		assertThat(consoleProblems())
			.filteredOn(problem -> !expected.test(page, problem) && expectedByTheTest.stream().noneMatch(problem::contains))
			.as("browser console errors and warnings")
			.isEmpty();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (driver != null) {
			driver.quit();
			driver = null;
		}
	}

	/** @return whether Chromium runs (the tests are skipped where it does not) */
	public boolean isAvailable() {
		return driver != null;
	}

	/** @return whether the pages' own scripts run */
	public boolean runsPageScripts() {
		return javascript;
	}

	/** The running test expects a console message that contains this text (the status of a refused request). */
	public void expectConsoleProblem(String text) {
		expectedByTheTest.add(text);
	}

	public ChromeDriver driver() {
		if (driver == null) {
			throw new IllegalStateException("No browser: " + unavailable);
		}
		return driver;
	}

	public void resize(int width, int height) {
		driver().manage().window().setSize(new Dimension(width, height));
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver()).executeScript(script, args);
	}

	public WebDriverWait waiting() {
		return new WebDriverWait(driver(), Duration.ofSeconds(5));
	}

	/** Emulates a dark (or light) colour scheme preference. */
	public void colorScheme(String scheme) {
		driver().executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/** Emulates a touch screen (pointer: coarse, touch events), or stops. */
	public void touchScreen(boolean enabled) {
		driver().executeCdpCommand("Emulation.setTouchEmulationEnabled",
				enabled ? Map.of("enabled", true, "maxTouchPoints", 5) : Map.of("enabled", false));
	}

	public void grantClipboard() {
		driver().executeCdpCommand("Browser.grantPermissions",
				Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
	}

	/** @return this browser's cookies for the site open now (HttpOnly ones included) */
	public Set<Cookie> cookies() {
		return driver().manage().getCookies();
	}

	/**
	 * Replaces the cookies of the site open now: with none, the browser is a new reader (no author secret, no
	 * CSRF token); reload the page afterwards.
	 */
	public void useCookies(Set<Cookie> cookies) {
		driver().manage().deleteAllCookies();
		cookies.forEach(driver().manage()::addCookie);
	}

	private void pageScripts(boolean enabled) {
		// Chromium's --blink-settings=scriptEnabled=false also stops axe-core; this emulation can be lifted for it
		driver().executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
	}

	/** Runs axe-core on the current page and fails with a readable list of what it found. */
	public void assertAccessible() {
		Results results;
		try {
			pageScripts(true);
			results = new AxeBuilder().analyze(driver());
		}
		finally {
			pageScripts(javascript);
		}
		List<Rule> violations = results.getViolations();
		String report = violations.stream()
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
					+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5).toList())
			.collect(Collectors.joining("\n"));
		Assertions.assertTrue(violations.isEmpty(), () -> "axe-core violations on " + driver().getCurrentUrl() + ":\n" + report);
		Assertions.assertTrue(results.getPasses().size() > 10, "axe-core ran its checks");
	}

	/** @return the browser console's errors and warnings since the last call (failed loads, CSP, script errors) */
	public List<String> consoleProblems() {
		return driver().manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

}
