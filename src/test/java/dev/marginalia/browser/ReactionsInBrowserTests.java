package dev.marginalia.browser;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.marginalia.browser.TagsInBrowserTests.click;
import static dev.marginalia.browser.TagsInBrowserTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader presses "Useful" in a real headless Chromium: with the page's scripts on, in place on the article page
 * everyone without a secret shares (the script learns and shows that they pressed it, after a reload too), and again
 * to take it back; with them off, the plain form leads back to the notes page at the note, shown pressed. The pages
 * pass axe-core in light and dark.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReactionsInBrowserTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

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

	Note note;

	@BeforeEach
	void write() {
		TestNotes.deleteAll(jdbc);
		note = commands.create(SLUG, BLOCK, new NewNote("A note worth a press", "Ada", "public"),
				queries.author(AuthorSecrets.newSecret()));
	}

	@Test
	void withScriptsUsefulIsPressedInPlaceAndTakenBack() {
		Browser browser = withScripts;
		browser.driver().get(url(ARTICLE));
		By button = By.cssSelector("#note-" + note.id() + " button.useful-button");
		waitUntil(browser, () -> "false".equals(browser.driver().findElement(button).getDomAttribute("aria-pressed")),
				"the script says the reader has not pressed it");
		click(browser, browser.driver().findElement(button));
		waitUntil(browser, () -> "true".equals(browser.driver().findElement(button).getDomAttribute("aria-pressed")),
				"pressed, in place");
		assertThat(count(browser, button)).isEqualTo("1");
		assertThat(browser.driver().getCurrentUrl()).as("no page load").isEqualTo(url(ARTICLE));
		browser.assertAccessible();
		browser.colorScheme("dark");
		browser.assertAccessible();

		browser.driver().navigate().refresh();
		waitUntil(browser, () -> "true".equals(browser.driver().findElement(button).getDomAttribute("aria-pressed")),
				"the shared page, marked by the script: pressed");
		assertThat(count(browser, button)).isEqualTo("1");
		click(browser, browser.driver().findElement(button));
		waitUntil(browser, () -> "false".equals(browser.driver().findElement(button).getDomAttribute("aria-pressed")),
				"taken back");
		assertThat(count(browser, button)).isEqualTo("0");
	}

	@Test
	void withoutScriptsTheFormLeadsBackToTheNotePressed() {
		Browser browser = withoutScripts;
		String notes = ARTICLE + "/p/" + BLOCK + "/notes";
		browser.driver().get(url(notes));
		By button = By.cssSelector("#note-" + note.id() + " button.useful-button");
		assertThat(browser.driver().findElement(button).getDomAttribute("aria-pressed")).isEqualTo("false");
		click(browser, browser.driver().findElement(button));
		waitUntil(browser, () -> browser.driver().getCurrentUrl().endsWith(notes + "#note-" + note.id()),
				"back on the notes page, at the note");
		assertThat(browser.driver().findElement(button).getDomAttribute("aria-pressed")).isEqualTo("true");
		assertThat(count(browser, button)).isEqualTo("1");
		browser.assertAccessible();
		browser.colorScheme("dark");
		browser.assertAccessible();
	}

	static String count(Browser browser, By button) {
		return browser.driver().findElement(button).findElement(By.cssSelector(".useful-count")).getText();
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

}
