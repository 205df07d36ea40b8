package dev.marginalia.browser;

import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.marginalia.browser.TagsInBrowserTests.click;
import static dev.marginalia.browser.TagsInBrowserTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader gives a passage note a highlight colour in a real headless Chromium, with the page's scripts on (the form
 * in place) and off (the form's page, then the redirect), and changes it through the edit form: the passage shows in
 * the colour's shade, in the light and the dark theme, with the colour's own line under it; the pages pass axe-core
 * (contrast included) in both themes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HighlightColoursInBrowserTests {

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
	void withoutScriptsTheFormsPageColoursThePassageAndTheEditFormChangesIt() {
		Browser browser = withoutScripts;
		String blockId = "p-AarAar";
		browser.driver().get(url(ARTICLE + "/p/" + blockId + "/notes"));
		WebElement form = browser.driver().findElement(By.cssSelector("form.note-form"));
		form.findElement(By.name("body")).sendKeys("Green, for agreement");
		form.findElement(By.name("quote")).sendKeys("lost its legitimacy");
		chooseColour(browser, form, "green");
		browser.assertAccessible();
		click(browser, form.findElement(By.cssSelector("button[type='submit']")));
		waitUntil(browser, () -> browser.driver().getCurrentUrl().contains("done=added"), "back on the article");

		WebElement mark = browser.driver().findElement(By.cssSelector("#" + blockId + " mark.passage"));
		assertThat(mark.getText()).isEqualTo("lost its legitimacy");
		assertThat(mark.getDomAttribute("class")).contains("marginalia-green");
		assertThat(background(browser, mark)).as("the light green shade").isEqualTo("rgba(205, 236, 207, 1)");
		assertThat(mark.getCssValue("text-decoration-style"))
			.as("green's own line").isEqualTo("double");
		browser.assertAccessible();
		browser.colorScheme("dark");
		assertThat(background(browser, mark)).as("the dark green shade").isEqualTo("rgba(26, 59, 33, 1)");
		browser.assertAccessible();
		browser.colorScheme("light");

		String note = mark.getDomAttribute("data-notes");
		browser.driver().get(url(ARTICLE + "/notes/" + note + "/edit"));
		WebElement edit = browser.driver().findElement(By.cssSelector("form.note-form"));
		assertThat(edit.findElement(By.cssSelector("input[name='colour'][value='green']")).isSelected()).isTrue();
		chooseColour(browser, edit, "purple");
		browser.assertAccessible();
		click(browser, edit.findElement(By.cssSelector("button[type='submit']")));
		waitUntil(browser, () -> browser.driver().getCurrentUrl().contains("done=edited"), "back on the article");
		WebElement purple = browser.driver().findElement(By.cssSelector("#" + blockId + " mark.passage"));
		assertThat(purple.getDomAttribute("class")).contains("marginalia-purple");
		assertThat(purple.getCssValue("text-decoration-style"))
			.isEqualTo("wavy");
	}

	@Test
	void withScriptsTheFormInPlaceColoursThePassage() {
		Browser browser = withScripts;
		String blockId = "p-TloTio";
		browser.driver().get(url(ARTICLE));
		click(browser, browser.driver().findElement(By.cssSelector("#" + blockId + " ~ .note-count")));
		waitUntil(browser, () -> !browser.driver().findElements(By.cssSelector("form.note-form input[name='colour']")).isEmpty(),
				"the note form, with its colours");
		WebElement form = browser.driver().findElement(By.cssSelector("form.note-form"));
		form.findElement(By.name("body")).sendKeys("Blue, to come back to");
		String words = "loss of trust";
		form.findElement(By.name("quote")).sendKeys(words);
		chooseColour(browser, form, "blue");
		click(browser, form.findElement(By.cssSelector("button[type='submit']")));

		By marks = By.cssSelector("#" + blockId + " mark.passage.marginalia-blue");
		waitUntil(browser, () -> !browser.driver().findElements(marks).isEmpty(), "the passage highlighted blue");
		WebElement mark = browser.driver().findElement(marks);
		assertThat(mark.getDomAttribute("title")).isEqualTo("1 note on this passage, highlighted blue");
		assertThat(background(browser, mark)).isEqualTo("rgba(214, 230, 248, 1)");
		WebElement quote = browser.driver().findElement(By.cssSelector("#notes-" + blockId + " .note-quote a"));
		assertThat(quote.getAccessibleName()).isEqualTo("“loss of trust” (highlighted blue)");
		browser.assertAccessible();
		browser.colorScheme("dark");
		assertThat(background(browser, mark)).isEqualTo("rgba(26, 50, 80, 1)");
		browser.assertAccessible();
		browser.colorScheme("light");
	}

	/** Chooses a colour by its name: a click on its label. */
	static void chooseColour(Browser browser, WebElement form, String colour) {
		WebElement radio = form.findElement(By.cssSelector("input[name='colour'][value='" + colour + "']"));
		WebElement label = radio.findElement(By.xpath(".."));
		assertThat(label.getText()).as("its name, visible")
			.isEqualTo(colour.substring(0, 1).toUpperCase() + colour.substring(1));
		click(browser, label);
		assertThat(radio.isSelected()).isTrue();
	}

	static String background(Browser browser, WebElement element) {
		return element.getCssValue("background-color");
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}


}
