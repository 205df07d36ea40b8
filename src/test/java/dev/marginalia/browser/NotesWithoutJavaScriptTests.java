package dev.marginalia.browser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Margin notes with JavaScript turned off: every control is a link to a form page or a plain form, answered by
 * a redirect back to the note in the article. The shared stories are in {@link NotesInBrowser}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "marginalia.test.context=notes-without-javascript")
class NotesWithoutJavaScriptTests extends NotesInBrowser {

	@RegisterExtension
	static final Browser chromium = Browser.withoutScripts();

	NotesWithoutJavaScriptTests() {
		super(chromium);
	}

	@Override
	String addNote(String blockId, String body, String name, boolean privately) {
		click(addControl(blockId));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(url(ARTICLE + "/p/" + blockId + "/notes#new-note"));
		WebElement form = find("form.note-form");
		fill(form, body, name, privately);
		submit(form);
		return arrivedAtNote("added", "Your note was added.");
	}

	@Override
	String reply(String noteId, String body) {
		click(visibleNote(noteId).findElement(By.cssSelector("a[data-action='reply']")));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(url(ARTICLE + "/notes/" + noteId + "/reply"));
		WebElement form = find("form.note-form");
		fill(form, body, null, false);
		submit(form);
		return arrivedAtNote("replied", "Your reply was added.");
	}

	@Override
	void edit(String noteId, String body) {
		click(visibleNote(noteId).findElement(By.cssSelector("a[data-action='edit']")));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(url(ARTICLE + "/notes/" + noteId + "/edit"));
		WebElement form = find("form.note-form");
		assertThat(form.findElement(By.name("body")).getDomProperty("value")).isNotBlank();
		fill(form, body, null, false);
		submit(form);
		assertThat(arrivedAtNote("edited", "Your note was saved.")).isEqualTo(noteId);
	}

	@Override
	void delete(String noteId) {
		String blockId = blockOf(noteId);
		click(visibleNote(noteId).findElement(By.cssSelector("form[data-action='delete'] button")));
		String expected = url(ARTICLE + "?done=deleted#" + blockId);
		waitUntil(() -> browser.driver().getCurrentUrl().equals(expected), "back at the paragraph: " + expected);
		awaitFlash("Your note was deleted.");
	}

	/**
	 * Waits for the page's message: the URL can change a moment before the new document replaces the old one,
	 * whose message (of the step before) is then a stale element.
	 */
	private void awaitFlash(String message) {
		waitUntil(() -> {
			try {
				return message.equals(find(".flash").getText());
			}
			catch (StaleElementReferenceException ex) {
				return false;
			}
		}, "the message: " + message);
	}

	@Override
	void sendBlankNote(String blockId, String name) {
		click(addControl(blockId));
		WebElement form = find("form.note-form");
		fill(form, "   ", name, false);
		submit(form);
		waitUntil(() -> browser.driver().getCurrentUrl().equals(url(ARTICLE + "/p/" + blockId + "/notes")),
				"the form page again");
		assertThat(find("form.note-form .field-error").getText()).isEqualTo(BLANK_BODY_ERROR);
	}

	@Override
	void showNotes(String blockId) {
		WebElement aside = find("#notes-" + blockId);
		if (!aside.isDisplayed()) {
			click(find("#" + blockId + " ~ .note-count"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("#notes-" + blockId);
			assertThat(find("#notes-" + blockId).isDisplayed()).isTrue();
		}
	}

	@Test
	void thePagesScriptsAreOff() {
		open(ARTICLE);
		assertThat(browser.script("return document.documentElement.className;")).isEqualTo("");
		assertThat(find(".note-count").getDomAttribute("role")).isNull();
	}

	@Test
	void onAPhoneTheNoteCountLeadsToTheNotesBelowTheParagraph() {
		String blockId = "p-IKaIKa";
		browser.resize(375, 812);
		open(ARTICLE);
		seed(ARTICLE + "/p/" + blockId + "/notes", "Open me", false);
		open(ARTICLE);
		WebElement aside = find("#notes-" + blockId);
		assertThat(aside.isDisplayed()).isFalse();
		showNotes(blockId);
		click(find("#notes-" + blockId + " .notes-close"));
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(url(ARTICLE + "#" + blockId));
		assertThat(find("#notes-" + blockId).isDisplayed()).isFalse();
	}

	/** Waits for the redirect to the note in the article. @return the note's id */
	String arrivedAtNote(String done, String message) {
		String prefix = url(ARTICLE + "?done=" + done + "#note-");
		waitUntil(() -> browser.driver().getCurrentUrl().startsWith(prefix), "redirected to " + prefix + "…");
		awaitFlash(message);
		String id = browser.driver().getCurrentUrl().substring(prefix.length());
		assertThat(find("#note-" + id).isDisplayed()).as("the note arrived at is shown").isTrue();
		return id;
	}

}
