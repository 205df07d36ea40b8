package dev.marginalia.browser;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search box of the article page in a real headless Chromium: typing filters the margin's notes (search.js), and
 * Enter sends the plain form to the results page, which links each note in place. Both pages pass axe-core.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SearchInBrowserTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	@RegisterExtension
	static final Browser browser = Browser.withScripts();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	Note energy;

	Note unrelated;

	@BeforeEach
	void twoNotesOnTwoParagraphs() {
		TestNotes.deleteAll(jdbc);
		Author reader = new Author(AuthorSecrets.hash(AuthorSecrets.newSecret()), null);
		energy = commands.create(SLUG, "p-AarAar", new NewNote("The energy policy behind it", "Ada", "public"), reader);
		unrelated = commands.create(SLUG, "p-FdgIsg", new NewNote("A remark on style", "Bob", "public"), reader);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	WebElement note(Note note) {
		return browser.driver().findElement(By.id("note-" + note.id()));
	}

	@Test
	void typingFiltersTheMarginAndEnterShowsEveryMatch() {
		browser.resize(1280, 900);
		browser.driver().get(url(ARTICLE));
		assertThat(note(energy).isDisplayed()).isTrue();
		assertThat(note(unrelated).isDisplayed()).isTrue();
		browser.assertAccessible();

		WebElement box = browser.driver().findElement(By.id("search-box-q"));
		box.sendKeys("energies");
		browser.waiting().until(driver -> !note(unrelated).isDisplayed());
		assertThat(note(energy).isDisplayed()).as("\"energies\" finds \"energy\"").isTrue();
		assertThat(browser.driver().findElement(By.id("search-box-status")).getText())
			.isEqualTo("1 of the 2 notes in the margin matches. Press Enter to search every note.");

		box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		browser.waiting().until(driver -> note(unrelated).isDisplayed());
		assertThat(note(energy).isDisplayed()).isTrue();

		box.sendKeys("energy", Keys.ENTER);
		browser.waiting().until(ExpectedConditions.urlToBe(url(ARTICLE + "/search?q=energy")));
		assertThat(browser.driver().findElement(By.id("results-heading")).getText()).isEqualTo("1 note found");
		assertThat(browser.driver().findElements(By.cssSelector(".results mark")).stream().map(WebElement::getText))
			.contains("energy");
		browser.assertAccessible();

		browser.driver().findElement(By.cssSelector(".result-link a")).click();
		browser.waiting().until(ExpectedConditions.urlContains("/p/p-AarAar/notes#note-" + energy.id()));
		assertThat(note(energy).isDisplayed()).isTrue();
	}

	@Test
	void theResultsPageShowsItsErrorsBesideTheFieldAndPassesAxe() {
		browser.driver().get(url(ARTICLE + "/search?q=" + "w".repeat(201)));
		WebElement error = browser.driver().findElement(By.id("search-q-error"));
		assertThat(error.getText()).isEqualTo("Search for at most 200 characters.");
		browser.expectConsoleProblem("the server responded with a status of 400");
		browser.assertAccessible();
	}

}
