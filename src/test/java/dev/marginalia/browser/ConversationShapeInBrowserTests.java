package dev.marginalia.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The density strip and the top passages in a real headless Chromium, with the page's scripts on and off: at 1280 px
 * the strip is beside the text, left of it, and stays in view while the reader scrolls (sticky), without moving the
 * text column by a pixel; its bands are links the keyboard reaches after the text, with a visible focus, that lead to
 * their paragraph; on a phone it is not shown; the page passes axe-core in the light and the dark theme.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConversationShapeInBrowserTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	static final String PASSAGE = "gradually lost its legitimacy";

	@RegisterExtension
	static final Browser withScripts = Browser.withScripts();

	@RegisterExtension
	static final Browser withoutScripts = Browser.withoutScripts();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	@BeforeEach
	void seed() {
		TestNotes.deleteAll(jdbc);
		Note first = null;
		for (int i = 0; i < 3; i++) {
			Note note = commands.create(SLUG, BLOCK, new NewNote("Reader " + i + " on the passage", "Reader " + i, "public",
					PASSAGE, null), queries.author(AuthorSecrets.newSecret()));
			first = first == null ? note : first;
		}
		commands.reply(SLUG, first.id(), new NewNote("A reply", "Dan", "public"), queries.author(AuthorSecrets.newSecret()));
		commands.create(SLUG, "p-FdgIsg", new NewNote("Elsewhere", "Eve", "public"), queries.author(AuthorSecrets.newSecret()));
	}

	@Test
	void withScriptsTheStripSitsBesideTheTextAndItsBandsAreLinksForTheKeyboard() {
		stripBesideTheText(withScripts);
	}

	@Test
	void withoutScriptsTheStripSitsBesideTheTextAndItsBandsAreLinksForTheKeyboard() {
		stripBesideTheText(withoutScripts);
	}

	@SuppressWarnings("unchecked")
	void stripBesideTheText(Browser browser) {
		browser.resize(1280, 900);
		browser.driver().get(url(ARTICLE));
		WebElement strip = browser.driver().findElement(By.cssSelector("svg.density-strip"));
		assertThat(strip.isDisplayed()).isTrue();
		Map<String, Object> boxes = (Map<String, Object>) browser.script("""
				const box = (element) => element.getBoundingClientRect().toJSON();
				return { strip: box(document.querySelector('.density-strip')), article: box(document.querySelector('.article')),
				  first: box(document.querySelector('.article .block')) };
				""");
		Map<String, Number> stripBox = (Map<String, Number>) boxes.get("strip");
		Map<String, Number> articleBox = (Map<String, Number>) boxes.get("article");
		assertThat(stripBox.get("width").doubleValue()).as("a strip you can see").isGreaterThan(10);
		assertThat(stripBox.get("height").doubleValue()).isGreaterThan(300);
		assertThat(stripBox.get("left").doubleValue()).as("inside the window").isGreaterThanOrEqualTo(0);
		assertThat(stripBox.get("right").doubleValue()).as("left of the text and of its ¶ links")
			.isLessThan(articleBox.get("left").doubleValue() - 60);

		// the text column is where it is without the strip, to the pixel
		List<Object> without = (List<Object>) browser.script("""
				const boxes = () => [...document.querySelectorAll('.article .block')].slice(0, 12)
				  .map((block) => { const r = block.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; });
				const before = boxes();
				const strip = document.querySelector('.density');
				const after = (strip.remove(), boxes());
				document.querySelector('.article').after(strip);
				return [JSON.stringify(before), JSON.stringify(after)];
				""");
		assertThat(without.get(0)).as("the text column with and without the strip").isEqualTo(without.get(1));

		// sticky: in view while the reader is deep in the text
		browser.script("window.scrollTo(0, document.documentElement.scrollHeight / 2);");
		Map<String, Number> scrolled = (Map<String, Number>) browser.script(
				"return document.querySelector('.density-strip').getBoundingClientRect().toJSON();");
		assertThat(scrolled.get("top").doubleValue()).isBetween(0.0, 100.0);
		assertThat(scrolled.get("bottom").doubleValue()).isLessThanOrEqualTo(900);

		// the keyboard reaches the bands after the text: from what comes before the first band, Tab lands on it
		Long bands = (Long) browser.script("return document.querySelectorAll('.density-strip a[href]').length;");
		assertThat(bands).isGreaterThan(10);
		browser.script("""
				const focusable = [...document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')]
				  .filter((element) => element.tabIndex >= 0 && element.getClientRects().length > 0);
				const first = document.querySelector('.density-strip a[href]');
				focusable[focusable.indexOf(first) - 1].focus();
				""");
		new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("href")).startsWith("#");
		assertThat(focused.getDomAttribute("aria-label")).startsWith("Heading 1: ");
		assertThat(browser.script("return getComputedStyle(document.activeElement.querySelector('.hit')).stroke;"))
			.as("a visible focus").isNotEqualTo("none");
		// on to the band of the passage's paragraph, and Enter goes there
		WebElement band = browser.driver().findElement(By.cssSelector(".density-strip a[href='#" + BLOCK + "']"));
		assertThat(band.getDomAttribute("aria-label")).endsWith(": 4 notes, a top passage");
		for (int i = 0; i < 100 && !band.equals(browser.driver().switchTo().activeElement()); i++) {
			new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
		}
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(band);
		new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
		browser.waiting().pollingEvery(Duration.ofMillis(20)).withMessage("the paragraph, reached from its band")
			.until(driver -> driver.getCurrentUrl().endsWith("#" + BLOCK));

		assertThat(browser.driver().findElements(By.cssSelector("section.top-passages li"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector("mark.passage.top"))).isNotEmpty();
		browser.assertAccessible();
		browser.colorScheme("dark");
		browser.assertAccessible();
		browser.colorScheme("light");
	}

	@Test
	void onAPhoneTheStripIsNotShown() {
		withScripts.resize(390, 844);
		withScripts.driver().get(url(ARTICLE));
		// a live refresh may put a new strip and list in place between finding and asking: asked again then
		await().ignoreExceptionsInstanceOf(org.openqa.selenium.StaleElementReferenceException.class).untilAsserted(() -> {
			assertThat(withScripts.driver().findElement(By.cssSelector("svg.density-strip")).isDisplayed()).isFalse();
			assertThat(withScripts.driver().findElement(By.cssSelector("section.top-passages")).isDisplayed()).isTrue();
		});
		withScripts.assertAccessible();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}
