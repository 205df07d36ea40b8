package dev.marginalia.browser;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.marginalia.support.FormClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Margin notes with the page's scripts on: forms open in place, are sent without leaving the page, and focus
 * goes where the reader's attention is. The shared stories are in {@link NotesInBrowser}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=notes-with-javascript")
class NotesWithJavaScriptTests extends NotesInBrowser {

	@RegisterExtension
	static final Browser chromium = Browser.withScripts();

	NotesWithJavaScriptTests() {
		super(chromium);
	}

	@Override
	String addNote(String blockId, String body, String name, boolean privately) {
		Set<String> before = noteIds(blockId);
		WebElement form = openForm(addControl(blockId), "add");
		fill(form, body, name, privately);
		submit(form);
		String id = awaitFocusedNote("Note added");
		assertThat(before).doesNotContain(id);
		assertThat(blockOf(id)).isEqualTo(blockId);
		return id;
	}

	@Override
	String reply(String noteId, String body) {
		WebElement form = openForm(visibleNote(noteId).findElement(By.cssSelector("a[data-action='reply']")), "reply");
		assertThat((Boolean) browser.script("return arguments[0].closest('.thread').contains(document.getElementById(arguments[1]));",
				form, "note-" + noteId))
			.as("the reply form is in the note's thread").isTrue();
		fill(form, body, null, false);
		submit(form);
		String id = awaitFocusedNote("Reply added");
		assertThat(id).isNotEqualTo(noteId);
		return id;
	}

	@Override
	void edit(String noteId, String body) {
		WebElement form = openForm(visibleNote(noteId).findElement(By.cssSelector("a[data-action='edit']")), "edit");
		assertThat(form.findElement(By.name("body")).getDomProperty("value")).as("the form holds the note's text")
			.isNotBlank();
		fill(form, body, null, false);
		submit(form);
		assertThat(awaitFocusedNote("Note saved")).isEqualTo(noteId);
	}

	@Override
	void delete(String noteId) {
		String blockId = blockOf(noteId);
		markPage();
		click(visibleNote(noteId).findElement(By.cssSelector("form[data-action='delete'] button")));
		WebElement yes = browser.driver().switchTo().activeElement();
		assertThat(yes.getText()).isEqualTo("Yes, delete");
		click(yes);
		awaitAnnouncement("Note deleted");
		assertSamePage();
		assertThat(noteIds(blockId)).doesNotContain(noteId);
		assertThat(browser.script("return document.activeElement.closest('.block')?.firstElementChild.id;"))
			.as("focus stays with the paragraph").isEqualTo(blockId);
	}

	@Override
	void sendBlankNote(String blockId, String name) {
		WebElement form = openForm(addControl(blockId), "add");
		fill(form, "   ", name, false);
		submit(form);
		waitUntil(() -> !browser.driver().findElements(By.cssSelector(".inline-note-form .field-error")).isEmpty(),
				"the form comes back with its errors");
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getDomAttribute("name")).as("focus on the first field in error").isEqualTo("body");
		assertThat(focused.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertSamePage();
	}

	@Override
	void showNotes(String blockId) {
		WebElement aside = find("#notes-" + blockId);
		if (!aside.isDisplayed()) {
			click(find("[data-notes-toggle='notes-" + blockId + "']"));
			waitUntil(aside::isDisplayed, "the notes open");
		}
	}

	// ---- What only the script does

	@Test
	void onAPhoneTheNoteCountOpensAndClosesTheNotesInPlace() {
		String blockId = "p-IKaIKa";
		browser.resize(375, 812);
		open(ARTICLE);
		seed(ARTICLE + "/p/" + blockId + "/notes", "Open me", false);
		open(ARTICLE);
		markPage();
		WebElement toggle = find("[data-notes-toggle='notes-" + blockId + "']");
		WebElement aside = find("#notes-" + blockId);
		assertThat(toggle.getAriaRole()).isEqualTo("button");
		assertThat(toggle.getDomAttribute("aria-controls")).isEqualTo("notes-" + blockId);
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(aside.isDisplayed()).isFalse();

		click(toggle);
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(aside.isDisplayed()).isTrue();
		assertThat(browser.driver().getCurrentUrl()).as("no navigation").isEqualTo(url(ARTICLE));
		press(toggle, Keys.SPACE);
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(aside.isDisplayed()).isFalse();
		press(toggle, Keys.ENTER);
		assertThat(aside.isDisplayed()).isTrue();
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(toggle);

		press(aside.findElement(By.cssSelector(".notes-close")));
		assertThat(aside.isDisplayed()).isFalse();
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.driver().switchTo().activeElement()).as("focus back on the count").isEqualTo(toggle);
		assertSamePage();
	}

	@Test
	void closingAFormReturnsFocusToTheControlThatOpenedIt() {
		open(ARTICLE);
		String note = seed(ARTICLE + "/p/p-TprTiw/notes", "Something to answer", false);
		open(ARTICLE);
		markPage();

		WebElement replyLink = visibleNote(note).findElement(By.cssSelector("a[data-action='reply']"));
		press(replyLink);
		awaitInlineForm("reply");
		assertThat(browser.driver().switchTo().activeElement().getDomAttribute("name")).isEqualTo("body");
		new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
		assertThat(browser.driver().findElements(By.cssSelector(".inline-note-form"))).isEmpty();
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(replyLink);

		WebElement editLink = visibleNote(note).findElement(By.cssSelector("a[data-action='edit']"));
		WebElement form = openForm(editLink, "edit");
		assertThat(form.findElement(By.name("body")).getDomProperty("value")).isEqualTo("Something to answer");
		click(form.findElement(By.cssSelector("button[data-cancel]")));
		assertThat(browser.driver().findElements(By.cssSelector(".inline-note-form"))).isEmpty();
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(editLink);

		WebElement count = find("#p-TiaIab ~ .note-count");
		form = openForm(count, "add");
		assertThat(browser.script("return arguments[0].closest('.block').firstElementChild.id;", form)).isEqualTo("p-TiaIab");
		click(form.findElement(By.cssSelector("button[data-cancel]")));
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(count);
		assertSamePage();
	}

	@Test
	void twoFormsOpenAtOnceKeepTheirFieldsApart() {
		open(ARTICLE);
		String note = seed(ARTICLE + "/p/p-KatAch/notes", "Two answers", false);
		open(ARTICLE);
		WebElement reply = openForm(visibleNote(note).findElement(By.cssSelector("a[data-action='reply']")), "reply");
		WebElement edit = openForm(visibleNote(note).findElement(By.cssSelector("a[data-action='edit']")), "edit");
		assertThat(browser.script("""
				const ids = [...document.querySelectorAll('[id]')].map(element => element.id);
				return ids.length - new Set(ids).size;""")).as("duplicate ids").isEqualTo(0L);
		for (WebElement form : List.of(reply, edit)) {
			WebElement body = form.findElement(By.name("body"));
			WebElement label = form.findElement(By.cssSelector("label[for='" + body.getDomAttribute("id") + "']"));
			assertThat(label.getText()).isEqualTo("Your note");
		}
		browser.assertAccessible();
	}

	@Test
	void deletingAsksFirst() {
		open(ARTICLE);
		String note = seed(ARTICLE + "/p/p-AtsAts/notes", "Keep me", false);
		open(ARTICLE);
		markPage();
		WebElement delete = visibleNote(note).findElement(By.cssSelector("form[data-action='delete'] button"));
		press(delete);
		WebElement confirm = find("#note-" + note + " .confirm");
		assertThat(confirm.getAccessibleName()).isEqualTo("Delete this note?");
		assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo("Yes, delete");
		browser.assertAccessible();
		WebElement keep = confirm.findElement(By.xpath(".//button[normalize-space()='No, keep it']"));
		press(keep);
		assertThat(browser.driver().findElements(By.cssSelector("#note-" + note + " .confirm"))).isEmpty();
		assertThat(browser.driver().switchTo().activeElement().getAccessibleName()).isEqualTo("Delete your note");
		assertThat(visibleNote(note).getText()).contains("Keep me");
		assertSamePage();
	}

	@Test
	void aNoteChangedElsewhereMeanwhileIsNotOverwrittenUnseen() {
		open(ARTICLE);
		String note = seed(ARTICLE + "/p/p-TocBot/notes", "Version one", false);
		open(ARTICLE);
		WebElement form = openForm(visibleNote(note).findElement(By.cssSelector("a[data-action='edit']")), "edit");
		assertThat(postFromPage(ARTICLE + "/notes/" + note, "body=Version+two&visibility=public&version=1"))
			.as("saved in another window").isEqualTo(0);
		fill(form, "Version three", null, false);
		expectProblem("status of 409");
		submit(form);
		waitUntil(() -> !browser.driver().findElements(By.cssSelector(".inline-note-form .field-error")).isEmpty(),
				"the form comes back with the conflict");
		WebElement body = browser.driver().switchTo().activeElement();
		assertThat(body.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(body.getDomProperty("value")).as("the reader's text is kept").isEqualTo("Version three");
		assertThat(find(".inline-note-form .field-error").getText()).startsWith("This note changed since you opened it");
		assertThat(find("#note-" + note + " .note-body").getText()).isEqualTo("Version one");

		submit(find(".inline-note-form form"));
		assertThat(awaitFocusedNote("Note saved")).isEqualTo(note);
		assertThat(find("#note-" + note + " .note-body").getText()).isEqualTo("Version three");
	}

	@Test
	void aRefusedWriteSaysSoAndKeepsTheDraft() {
		open(ARTICLE);
		seed(ARTICLE + "/p/p-IryAar/notes", "An earlier note", false); // this reader has an author cookie
		open(ARTICLE);
		WebElement form = openForm(addControl("p-IryAar"), "add");
		fill(form, "A draft worth keeping", "Ann", false);
		browser.driver().manage().deleteCookieNamed("XSRF-TOKEN"); // as when it expired: the token sent matches nothing
		expectProblem("status of 403");
		WebElement send = form.findElement(By.cssSelector("button[type='submit']"));
		press(send);
		waitUntil(() -> !form.findElements(By.cssSelector("[role='alert']")).isEmpty(), "the form says it was refused");
		assertThat(form.findElement(By.cssSelector("[role='alert']")).getText()).contains("not saved", "403");
		assertThat(form.findElement(By.name("body")).getDomProperty("value")).isEqualTo("A draft worth keeping");
		assertThat(browser.driver().switchTo().activeElement()).as("focus stays on the button").isEqualTo(send);
		assertSamePage();
	}

	@Test
	void onAnArticleSortedNewestFirstANoteAddedInPlaceComesFirst() {
		String paragraph = "p-FdgIsg";
		new FormClient(port).write(ARTICLE, paragraph, "An older note");
		browser.resize(1280, 900);
		open(ARTICLE + "?sort=newest");
		markPage();
		String added = addNote(paragraph, "The newest note", "Ann", false);
		assertThat((List<?>) browser.script("""
				return [...document.querySelectorAll('#notes-' + arguments[0] + ' .threads > .thread > .note')]
				  .map((note) => note.id);""", paragraph)).first().isEqualTo("note-" + added);
		assertThat(browser.driver().getCurrentUrl()).isEqualTo(url(ARTICLE + "?sort=newest"));
		assertSamePage();
	}

	// ---- Helpers

	/** Marks the page, to tell afterwards that it was not reloaded. */
	void markPage() {
		browser.script("window.__samePage = true; document.querySelector('[data-announcer]').textContent = '';");
	}

	void assertSamePage() {
		assertThat(browser.script("return window.__samePage === true;")).as("the page was not reloaded").isEqualTo(true);
	}

	Set<String> noteIds(String blockId) {
		@SuppressWarnings("unchecked")
		List<String> ids = (List<String>) browser.script(
				"return [...document.getElementById(arguments[0]).parentElement.querySelectorAll('.note')].map(note => note.id.slice(5));",
				blockId);
		return ids.stream().collect(Collectors.toSet());
	}

	/** Clicks a control that opens a form, and returns the form shown in place, focused. */
	WebElement openForm(WebElement control, String action) {
		markPage();
		click(control);
		WebElement form = awaitInlineForm(action);
		assertThat(form.findElement(By.name("body"))).as("focus in the form").isEqualTo(browser.driver().switchTo().activeElement());
		return form;
	}

	WebElement awaitInlineForm(String action) {
		waitUntil(() -> browser.script("return document.activeElement.closest('.inline-note-form form');") != null,
				"a " + action + " form opens in place");
		return (WebElement) browser.script("return document.activeElement.closest('.inline-note-form form');");
	}

	void awaitAnnouncement(String message) {
		waitUntil(() -> message.equals(find("[data-announcer]").getDomProperty("textContent")),
				"announced: " + message);
	}

	/** Waits for the announcement, then checks that focus is on a note. @return the note's id */
	String awaitFocusedNote(String message) {
		awaitAnnouncement(message);
		assertSamePage();
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(browser.script("return document.activeElement.matches('article.note');")).as("focus on the note")
			.isEqualTo(true);
		assertThat(focused.isDisplayed()).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector(".inline-note-form"))).as("the form is gone").isEmpty();
		return focused.getDomAttribute("id").substring("note-".length());
	}

}
