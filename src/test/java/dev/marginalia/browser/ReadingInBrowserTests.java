package dev.marginalia.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader does with the article, in a real headless Chromium. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadingInBrowserTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static final String PARAGRAPH = "p-AarAar";

	/** An error page's own status is the one expected "failed load". */
	@RegisterExtension
	static final Browser browser = Browser.withScripts()
		.expectingConsoleProblems((page, problem) -> problem.startsWith(page + " - Failed to load resource"));

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		browser.driver().get(url(path));
	}

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "320, 640", "375, 812", "768, 1024", "1280, 900", "1920, 1080" })
	void theArticleReadsComfortablyAtEveryWidth(int width, int height) {
		browser.resize(width, height);
		open(ARTICLE);
		assertThat(browser.driver().findElements(By.cssSelector("article [id^='p-']"))).hasSize(26);
		Number overflow = (Number) browser.script(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(0);
		double charactersPerLine = ((Number) browser.script("""
				const p = document.getElementById(arguments[0]);
				const style = getComputedStyle(p);
				const context = document.createElement('canvas').getContext('2d');
				context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
				const average = context.measureText(p.textContent).width / p.textContent.length;
				return p.getBoundingClientRect().width / average;""", PARAGRAPH)).doubleValue();
		double fontSize = ((Number) browser.script(
				"return parseFloat(getComputedStyle(document.getElementById(arguments[0])).fontSize);", PARAGRAPH))
			.doubleValue();
		assertThat(fontSize).as("body text size in px").isGreaterThanOrEqualTo(16);
		if (width >= 768) {
			assertThat(charactersPerLine).as("characters per line").isBetween(60.0, 75.0);
		}
		else {
			assertThat(charactersPerLine).as("characters per line on a phone").isBetween(30.0, 60.0);
		}
		if (width >= 1280) {
			Number room = (Number) browser.script("""
					const text = document.getElementById(arguments[0]).getBoundingClientRect();
					return document.documentElement.clientWidth - text.right;""", PARAGRAPH);
			assertThat(room.intValue()).as("room in the right margin for notes").isGreaterThanOrEqualTo(280);
		}
	}

	@Test
	void timesAreSaidRelativeToNowByTheReadersCalendar() {
		open(ARTICLE);
		@SuppressWarnings("unchecked")
		List<String> said = (List<String>) browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/times.js').then(({ describe }) => {
				  const now = new Date(2026, 11, 5, 12, 0, 0); // 5 Dec 2026, noon, in the browser's time zone
				  const at = (month, day, hours, minutes, seconds = 0) => new Date(2026, month, day, hours, minutes, seconds);
				  done([at(11, 5, 11, 59, 40), at(11, 5, 12, 0, 30), at(11, 5, 11, 59), at(11, 5, 11, 35),
				    at(11, 5, 9, 0), at(11, 4, 18, 0), at(11, 4, 8, 0), at(11, 1, 12, 0), at(10, 28, 12, 0),
				    new Date(2025, 11, 2, 9, 0)].map((then) => describe(then, now)));
				}, (error) => done([String(error)]));""");
		assertThat(said).containsExactly("just now", "just now", "1 minute ago", "25 minutes ago", "3 hours ago",
				"18 hours ago", "yesterday", "4 days ago", "28 Nov 2026", "2 Dec 2025");
	}

	@Test
	void aSharedParagraphLinkEndsAtTheHighlightedParagraph() {
		browser.resize(375, 812);
		open(ARTICLE + "/p/" + PARAGRAPH);
		browser.waiting().until(ExpectedConditions.urlToBe(url(ARTICLE + "#" + PARAGRAPH)));
		WebElement paragraph = browser.driver().findElement(By.id(PARAGRAPH));
		browser.waiting().until(driver -> isInViewport(paragraph));
		String highlight = (String) browser.script(
				"return getComputedStyle(document.getElementById(arguments[0]).parentElement).backgroundColor;", PARAGRAPH);
		String plain = (String) browser.script(
				"return getComputedStyle(document.getElementById('p-FdgIsg').parentElement).backgroundColor;");
		assertThat(highlight).isNotEqualTo(plain).isNotIn("transparent", "rgba(0, 0, 0, 0)");
	}

	@Test
	void arrivingAtAParagraphAnchorScrollsToAndHighlightsIt() {
		open(ARTICLE + "#p-TwdIia");
		WebElement paragraph = browser.driver().findElement(By.id("p-TwdIia"));
		assertThat(isInViewport(paragraph)).isTrue();
		assertThat((Boolean) browser.script("return document.getElementById('p-TwdIia').matches(':target');")).isTrue();
		assertThat((String) browser.script(
				"return getComputedStyle(document.getElementById('p-TwdIia').parentElement).backgroundColor;"))
			.isNotIn("transparent", "rgba(0, 0, 0, 0)");
	}

	@Test
	void thePermalinkIsReachedByTabShownOnFocusAndCopiesTheShareLink() {
		browser.grantClipboard();
		open(ARTICLE);
		WebElement permalink = browser.driver()
			.findElement(By.cssSelector("#" + PARAGRAPH + " ~ a.permalink, a.permalink[data-anchor='" + PARAGRAPH + "']"));
		WebElement active = null;
		for (int tab = 0; tab < 40 && !permalink.equals(active); tab++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
			active = browser.driver().switchTo().activeElement();
		}
		assertThat(active).as("the paragraph's permalink is reached by Tab").isEqualTo(permalink);
		assertThat(permalink.getCssValue("opacity")).isEqualTo("1");
		assertThat(permalink.getAccessibleName()).isEqualTo("Link to paragraph 5");

		new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
		browser.waiting().until(driver -> "Link to the paragraph copied"
			.equals(driver.findElement(By.cssSelector("[data-announcer]")).getText()));
		String clipboard = (String) browser.driver().executeAsyncScript(
				"const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
		assertThat(clipboard).isEqualTo(url(ARTICLE + "/p/" + PARAGRAPH));
		assertThat(browser.driver().getCurrentUrl()).as("the reader stays where they are").isEqualTo(url(ARTICLE));
	}

	@ParameterizedTest(name = "{0} at {1}px, {2}")
	@CsvSource({ ARTICLE + ", 1280, light", ARTICLE + ", 375, light", ARTICLE + ", 1280, dark", ARTICLE + ", 375, dark",
			"/, 1280, light", "/, 375, dark", "/articles/missing, 1280, light", "/articles/missing, 375, dark",
			ARTICLE + "?sort=newest, 1280, dark", "/my/notes, 1280, light", "/my/notes, 375, dark" })
	void pagesHaveNoAccessibilityViolations(String path, int width, String scheme) {
		browser.resize(width, 900);
		browser.colorScheme(scheme);
		open(path);
		browser.assertAccessible();
	}

	@Test
	void theArticleIsAccessibleWithAParagraphHighlighted() {
		open(ARTICLE + "#" + PARAGRAPH);
		browser.assertAccessible();
		browser.colorScheme("dark");
		browser.assertAccessible();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "light", "dark" })
	void theFocusRingIsNoErrorColourAndStandsOutOnEveryBackground(String scheme) {
		browser.colorScheme(scheme);
		open(ARTICLE);
		new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
		@SuppressWarnings("unchecked")
		Map<String, String> colours = (Map<String, String>) browser.script("""
				const probe = document.createElement('span');
				document.body.append(probe);
				const colour = (name) => {
				  probe.style.color = `var(${name})`;
				  return getComputedStyle(probe).color;
				};
				const colours = Object.fromEntries(['--focus', '--bg', '--surface', '--highlight', '--mark',
				  '--mark-strong'].map((name) => [name, colour(name)]));
				probe.removeAttribute('style');
				probe.className = 'field-error'; // as an error message beside a field is coloured
				colours.error = getComputedStyle(probe).color;
				probe.remove();
				colours.outline = getComputedStyle(document.activeElement).outlineColor;
				return colours;""");
		assertThat(colours.get("outline")).as("the focused control's ring").isEqualTo(colours.get("--focus"));
		assertThat(colours.get("--focus")).as("not the errors' colour").isNotEqualTo(colours.get("error"));
		for (String background : List.of("--bg", "--surface", "--highlight", "--mark", "--mark-strong")) {
			assertThat(contrast(colours.get("--focus"), colours.get(background))).as("focus ring on " + background)
				.isGreaterThanOrEqualTo(3.0);
		}
	}

	@Test
	void printingShowsEveryNoteUnderItsParagraphOrNoneAndNoLinkThatLeadsNowhere() {
		TestNotes.deleteAll(jdbc); // the application is shared with other test classes
		FormClient ada = new FormClient(port);
		try {
			List<String> written = new ArrayList<>();
			for (int i = 1; i <= 5; i++) {
				written.add(ada.write(ARTICLE, PARAGRAPH, "Printed note " + i + ", see [the source](https://example.org/" + i + ")"));
			}
			browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));

			open(ARTICLE);
			// the margin has the newest three (live updates may still be putting them in place)
			browser.waiting().until(driver -> Long.valueOf(3).equals(browser.script(
					"return document.querySelectorAll('#notes-' + arguments[0] + ' .note').length;", PARAGRAPH)));
			assertThat((Long) browser.script("""
					return [...document.querySelectorAll('.note')].filter((note) => note.getClientRects().length > 0)
					  .length;""")).as("the article prints without its notes").isZero();
			assertThat(browser.driver().findElement(By.cssSelector(".print-only")).getText())
				.contains("Printed without its notes", ARTICLE + "/notes");
			assertNoLinkLeadsNowhere();

			open(ARTICLE + "/notes");
			assertThat(browser.driver().findElements(By.cssSelector(".note"))).hasSize(5).allMatch(WebElement::isDisplayed);
			for (String note : written) {
				assertThat((String) browser.script(
						"return document.getElementById(arguments[0]).closest('.block').firstElementChild.id;", "note-" + note))
					.as("under its paragraph").isEqualTo(PARAGRAPH);
			}
			assertNoLinkLeadsNowhere();
			browser.script("window.dispatchEvent(new Event('beforeprint'));");
			WebElement time = browser.driver().findElement(By.cssSelector(".note time"));
			assertThat(time.getText()).as("no relative time on paper").isEqualTo(time.getDomAttribute("title"))
				.isNotEqualTo("just now");
		}
		finally {
			browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
			TestNotes.deleteAll(jdbc);
		}
	}

	@Test
	void theSortLinksReorderTheMarginAndAreKeptInTheAddress() {
		TestNotes.deleteAll(jdbc); // the application is shared with other test classes
		FormClient ada = new FormClient(port);
		try {
			String first = ada.write(ARTICLE, PARAGRAPH, "The first note");
			String second = ada.write(ARTICLE, PARAGRAPH, "The second note");
			ada.page(ARTICLE + "/notes/" + first + "/reply");
			ada.post(ARTICLE + "/notes/" + first + "/replies", Map.of("body", "An answer", "visibility", "public"));
			String third = ada.write(ARTICLE, PARAGRAPH, "The third note");
			browser.resize(1280, 900);
			open(ARTICLE);
			assertThat(marginNotes()).containsExactly("note-" + first, "note-" + second, "note-" + third);
			assertThat(browser.driver().findElement(By.cssSelector("nav.sort-notes a[aria-current=page]")).getText())
				.isEqualTo("In the order of the text");

			browser.driver().findElement(By.linkText("Newest first")).click();
			browser.waiting().until(ExpectedConditions.urlToBe(url(ARTICLE + "?sort=newest")));
			assertThat(marginNotes()).containsExactly("note-" + third, "note-" + second, "note-" + first);
			assertThat(browser.driver().findElement(By.cssSelector("nav.sort-notes a[aria-current=page]")).getText())
				.isEqualTo("Newest first");

			browser.driver().findElement(By.linkText("Most replies")).click();
			browser.waiting().until(ExpectedConditions.urlToBe(url(ARTICLE + "?sort=replies")));
			assertThat(marginNotes()).first().isEqualTo("note-" + first);
			browser.driver().findElement(By.cssSelector("#notes-" + PARAGRAPH + " .notes-head a")).click();
			browser.waiting().until(ExpectedConditions.urlToBe(url(ARTICLE + "/p/" + PARAGRAPH + "/notes?sort=replies")));
			assertThat(browser.driver().findElement(By.cssSelector("nav.sort-notes a[aria-current=page]")).getText())
				.isEqualTo("Most replies");
		}
		finally {
			TestNotes.deleteAll(jdbc);
		}
	}

	/** The ids of the notes (not replies) beside {@link #PARAGRAPH}, in the order shown. */
	@SuppressWarnings("unchecked")
	private List<String> marginNotes() {
		return (List<String>) browser.script("""
				return [...document.querySelectorAll('#notes-' + arguments[0] + ' .threads > .thread > .note')]
				  .map((note) => note.id);""", PARAGRAPH);
	}

	@Test
	void myNotesListTheReadersNotesAndAreAccessible() {
		TestNotes.deleteAll(jdbc);
		FormClient ada = new FormClient(port);
		try {
			String mine = ada.write(ARTICLE, PARAGRAPH, "A note of mine, [with a link](https://example.org/)");
			ada.page(ARTICLE + "/p/" + PARAGRAPH + "/notes");
			ada.post(ARTICLE + "/p/" + PARAGRAPH + "/notes", Map.of("body", "A private one", "visibility", "private"));
			open("/");
			browser.useCookies(Set.of(new Cookie(AuthorCookie.NAME, ada.cookies.get(AuthorCookie.NAME), "/")));
			open("/");
			browser.driver().findElement(By.linkText("My notes")).click();
			browser.waiting().until(ExpectedConditions.urlToBe(url("/my/notes")));
			assertThat(browser.driver().findElements(By.cssSelector("ol.my-notes > li"))).hasSize(2);
			assertThat(browser.driver().findElement(By.cssSelector("ol.my-notes .badge")).getText()).isEqualTo("Private");
			browser.assertAccessible();
			browser.colorScheme("dark");
			browser.assertAccessible();
			browser.resize(375, 812);
			browser.assertAccessible();
			browser.driver().findElement(By.cssSelector("#mine-" + mine + " .note-actions a")).click();
			browser.waiting().until(driver -> driver.getCurrentUrl().endsWith("#note-" + mine));
			assertThat(browser.driver().findElement(By.id("note-" + mine)).isDisplayed()).isTrue();
		}
		finally {
			browser.useCookies(Set.of());
			TestNotes.deleteAll(jdbc);
		}
	}

	/** On paper a link shows where it leads (its address after it), or is not printed. */
	private void assertNoLinkLeadsNowhere() {
		@SuppressWarnings("unchecked")
		List<String> dead = (List<String>) browser.script("""
				return [...document.querySelectorAll('a[href]')].filter((link) => link.getClientRects().length > 0)
				  .filter((link) => !getComputedStyle(link, '::after').content.includes('attr(href)')
				    && !getComputedStyle(link, '::after').content.includes(link.getAttribute('href')))
				  .filter((link) => !link.closest('.note-quote')) // a passage's words, printed as text
				  .map((link) => link.outerHTML);""");
		assertThat(dead).as("links printed without their address").isEmpty();
	}

	/** The WCAG 2.1 contrast ratio of two computed colours, rgb(r, g, b). */
	private static double contrast(String one, String other) {
		double a = luminance(one);
		double b = luminance(other);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	private static double luminance(String rgb) {
		String[] parts = rgb.replaceAll("[^0-9,.]", "").split(",");
		double[] linear = new double[3];
		for (int i = 0; i < 3; i++) {
			double c = Double.parseDouble(parts[i]) / 255;
			linear[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2];
	}

	private boolean isInViewport(WebElement element) {
		return (Boolean) browser.script("""
				const r = arguments[0].getBoundingClientRect();
				return r.top >= 0 && r.top < window.innerHeight;""", element);
	}

}
