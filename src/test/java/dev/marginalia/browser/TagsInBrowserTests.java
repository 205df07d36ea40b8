package dev.marginalia.browser;

import java.time.Duration;
import java.util.List;

import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader tags a note through the form, in a real headless Chromium with the page's scripts on (the form opens in
 * place) and off (the form's page, then the redirect), and sees its tags as chips that lead to the search, and the
 * article's tags with their counts on the page of all its notes; both pages pass axe-core.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TagsInBrowserTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	@RegisterExtension
	static final Browser withScripts = Browser.withScripts();

	@RegisterExtension
	static final Browser withoutScripts = Browser.withoutScripts();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		TestNotes.deleteAll(jdbc);
	}

	@Test
	void withScriptsTheFormInPlaceTagsTheNote() {
		tagANoteAndSeeItsChips(withScripts, "p-TloTio");
	}

	@Test
	void withoutScriptsTheFormsPageTagsTheNote() {
		tagANoteAndSeeItsChips(withoutScripts, "p-TwdIia");
	}

	void tagANoteAndSeeItsChips(Browser browser, String blockId) {
		browser.driver().get(url(ARTICLE));
		click(browser, browser.driver().findElement(By.cssSelector("#" + blockId + " ~ .note-count")));
		waitUntil(browser, () -> !browser.driver().findElements(By.cssSelector("form.note-form input[name='tags']")).isEmpty(),
				"the note form, with its Tags field");
		WebElement form = browser.driver().findElement(By.cssSelector("form.note-form"));
		form.findElement(By.name("body")).sendKeys("Worth a tag or two");
		WebElement tags = form.findElement(By.name("tags"));
		assertThat(browser.driver().findElement(By.cssSelector("label[for='" + tags.getDomAttribute("id") + "']")).getText())
			.startsWith("Tags");
		tags.sendKeys("Energy, trade policy, energy, <i>markup</i>");
		click(browser, form.findElement(By.cssSelector("button[type='submit']")));

		By chips = By.cssSelector("#notes-" + blockId + " ul.tags[aria-label='Tags'] a.tag");
		waitUntil(browser, () -> browser.driver().findElements(chips).size() == 3, "the note's three tags as chips");
		List<WebElement> links = browser.driver().findElements(chips);
		assertThat(links).extracting(WebElement::getText).containsExactly("Energy", "trade policy", "<i>markup</i>");
		assertThat(links.get(1).getDomAttribute("href")).isEqualTo(ARTICLE + "/search?tag=trade%20policy");
		assertThat(browser.script("return document.querySelectorAll('.tags i').length;")).as("markup stays text")
			.isEqualTo(0L);
		browser.assertAccessible();

		browser.driver().get(url(ARTICLE + "/notes"));
		assertThat(browser.driver().findElements(By.cssSelector("nav.tag-list a.tag")))
			.extracting(link -> link.getDomProperty("textContent").replaceAll("\\s+", " ").strip())
			.containsExactly("<i>markup</i> 1 note", "Energy 1 note", "trade policy 1 note");
		browser.colorScheme("dark");
		browser.assertAccessible();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	static void click(Browser browser, WebElement element) {
		new Actions(browser.driver()).moveToElement(element).click().perform();
	}

	static void waitUntil(Browser browser, java.util.function.Supplier<Boolean> condition, String what) {
		browser.waiting().pollingEvery(Duration.ofMillis(20)).withMessage(what).until(driver -> condition.get());
	}

}
