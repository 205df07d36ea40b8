package dev.marginalia.browser;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What readers do with margin notes, in a real headless Chromium: the same stories with the page's scripts on
 * ({@link NotesWithJavaScriptTests}: forms in place, no page loads) and off ({@link NotesWithoutJavaScriptTests}:
 * form pages and redirects). Each subclass starts its own application (its own in-memory database) and one
 * browser; every test writes on paragraphs of its own.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class NotesInBrowser {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static final String BLANK_BODY_ERROR = "Write something: a note cannot be empty.";

	/** A note body and a display name that would run a script if they were ever put into the page as HTML. */
	static final List<String> HOSTILE_BODY = List.of("<script>window.__xss=1</script>",
			"<img src=x onerror=\"window.__xss=1\">", "[click](javascript:window.__xss=1)");

	static final String HOSTILE_NAME = "\"><svg onload=window.__xss=1>";

	/** The class's browser: each subclass registers its own, with the pages' scripts on or off. */
	final Browser browser;

	@LocalServerPort
	int port;

	NotesInBrowser(Browser browser) {
		this.browser = browser;
	}

	/** @return whether the browser runs the pages' scripts */
	boolean javascript() {
		return browser.runsPageScripts();
	}

	// ---- What a reader does; each starts and ends on the article page.

	/** Adds a note on a paragraph. @return the new note's id */
	abstract String addNote(String blockId, String body, String name, boolean privately);

	/** Replies to a note. @return the reply's id */
	abstract String reply(String noteId, String body);

	/** Changes a note's text. */
	abstract void edit(String noteId, String body);

	/** Deletes a note. */
	abstract void delete(String noteId);

	/** Sends a paragraph's add form with a blank body; it ends showing that form again, with its errors. */
	abstract void sendBlankNote(String blockId, String name);

	/** Shows the notes of a paragraph where they are closed (on a phone). */
	abstract void showNotes(String blockId);

	// ---- The stories, with scripts on and off

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "375, 812, p-HotIti", "1280, 900, p-TloTio" })
	void aReaderAddsRepliesEditsAndDeletesNotes(int width, int height, String blockId) {
		browser.resize(width, height);
		open(ARTICLE);
		String note = addNote(blockId, "A *first* thought", "Ann", false);
		assertThat(visibleNote(note).getText()).contains("Ann", "A first thought").doesNotContain("*");
		assertThat(find("#note-" + note + " .note-body em").getText()).isEqualTo("first");
		assertThat(countText(blockId)).startsWith("1 note on paragraph");
		assertWrittenJustNow(note);

		String reply = reply(note, "An answer");
		assertThat(visibleNote(reply).getText()).contains("An answer");
		assertThat((Boolean) browser.script(
				"return document.getElementById(arguments[0]).closest('.thread').contains(document.getElementById(arguments[1]));",
				"note-" + note, "note-" + reply))
			.as("the reply is in the note's thread").isTrue();
		assertThat(countText(blockId)).startsWith("2 notes on paragraph");

		edit(note, "A second thought");
		assertThat(visibleNote(note).getText()).contains("A second thought", "(edited)").doesNotContain("first");

		delete(reply);
		assertThat(browser.driver().findElements(By.id("note-" + reply))).isEmpty();
		assertThat(countText(blockId)).startsWith("1 note on paragraph");
		delete(note);
		assertThat(browser.driver().findElements(By.id("note-" + note))).isEmpty();
		assertThat(countText(blockId)).startsWith("Add a note on paragraph");
	}

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "375, 812, p-TciTsb", "1280, 900, p-TwdIia" })
	void aPrivateNoteIsSeenByItsAuthorAlone(int width, int height, String blockId) {
		browser.resize(width, height);
		open(ARTICLE);
		String secret = "Only for my own eyes " + width;
		String note = addNote(blockId, secret, "Ann", true);
		assertThat(visibleNote(note).getText()).contains(secret, "Private: only you see it");

		Set<Cookie> mine = browser.cookies();
		try {
			browser.useCookies(Set.of());
			open(ARTICLE);
			assertThat(browser.driver().getPageSource()).doesNotContain(secret).doesNotContain(note);
			assertThat(countText(blockId)).startsWith("Add a note");
			open(ARTICLE + "/p/" + blockId + "/notes");
			assertThat(browser.driver().getPageSource()).doesNotContain(secret).doesNotContain(note);
			expectProblem("status of 404");
			open(ARTICLE + "/notes/" + note + "/reply");
			assertThat(find("h1").getText()).isEqualTo("We could not find that page");
			assertThat(browser.driver().getPageSource()).doesNotContain(secret);
		}
		finally {
			browser.useCookies(mine);
		}
		open(ARTICLE);
		showNotes(blockId);
		assertThat(visibleNote(note).getText()).contains(secret);
	}

	@Test
	void readersCannotChangeEachOthersNotes() {
		String blockId = "p-NitTri";
		open(ARTICLE);
		String mine = addNote(blockId, "Mine to change", "Ann", false);
		Set<Cookie> first = browser.cookies();
		try {
			browser.useCookies(Set.of());
			open(ARTICLE);
			assertThat(controls(mine)).as("another's note: find it useful, reply").containsExactly("useful", "reply");
			String theirs = addNote(blockId, "Someone else's", "Bob", false);
			assertThat(controls(theirs)).containsExactly("reply", "edit", "delete");
			assertThat(controls(mine)).containsExactly("useful", "reply");

			// writes forged from this reader's own page, with its valid CSRF token, on the first reader's note
			expectProblem("status of 403");
			assertThat(postFromPage(ARTICLE + "/notes/" + mine + "/delete", "version=1")).isEqualTo(403);
			assertThat(postFromPage(ARTICLE + "/notes/" + mine, "body=Taken+over&visibility=public&version=1"))
				.isEqualTo(403);
			open(ARTICLE + "/notes/" + mine + "/edit");
			assertThat(find("h1").getText()).isEqualTo("You cannot do that");
		}
		finally {
			browser.useCookies(first);
		}
		open(ARTICLE);
		showNotes(blockId);
		assertThat(visibleNote(mine).getText()).contains("Mine to change").doesNotContain("Taken over");
		assertThat(controls(mine)).containsExactly("reply", "edit", "delete");
	}

	@Test
	void hostileNotesAndNamesStayInertText() {
		String blockId = "p-TwcTwc";
		open(ARTICLE);
		String note = addNote(blockId, String.join("\n\n", HOSTILE_BODY), HOSTILE_NAME, false);
		assertInert(blockId, note);
		if (javascript()) { // the note was put in place by the script; now as the server renders it
			open(ARTICLE);
			assertInert(blockId, note);
		}

		expectProblem("status of 400");
		sendBlankNote(blockId, HOSTILE_NAME);
		WebElement name = find("form.note-form input[name='authorName']");
		assertThat(name.getDomProperty("value")).isEqualTo(HOSTILE_NAME);
		// the density strip is the page's own SVG, with links and rectangles alone
		assertThat(browser.script("return document.querySelectorAll('main svg:not(.density-strip), main img, main script, "
				+ ".density-strip :not(a, title, rect)').length;")).isEqualTo(0L);
		assertThat(browser.script("return window.__xss;")).isNull();
	}

	@Test
	void aFormWithErrorsSaysWhatIsWrongBesideTheField() {
		expectProblem("status of 400");
		open(ARTICLE);
		sendBlankNote("p-TmdDti", "Ann");
		WebElement body = find("form.note-form textarea[name='body']");
		assertThat(body.getDomAttribute("aria-invalid")).isEqualTo("true");
		String describedBy = body.getDomAttribute("aria-describedby");
		assertThat(describedBy).isNotNull();
		String errorId = List.of(describedBy.split(" ")).stream().filter(id -> id.contains("error")).findFirst().orElseThrow();
		assertThat(browser.driver().findElement(By.id(errorId)).getText()).isEqualTo(BLANK_BODY_ERROR);
		assertThat(find("form.note-form .form-errors").getText()).contains(BLANK_BODY_ERROR);
		assertAccessibleInLightAndDark();
	}

	@Test
	void theArticleWithNotesOpenIsAccessible() {
		String blockId = notesToLookAt();
		browser.resize(375, 812);
		open(ARTICLE);
		showNotes(blockId);
		assertThat(find("#notes-" + blockId).isDisplayed()).isTrue();
		assertAccessibleInLightAndDark();
		if (javascript()) { // on wide screens the page is the same with scripts off, bar the hidden count's ARIA
			browser.resize(1280, 900);
			open(ARTICLE + "#" + blockId);
			assertAccessibleInLightAndDark();
		}
	}

	@Test
	void theNotesPageIsAccessible() {
		String blockId = notesToLookAt();
		open(ARTICLE + "/p/" + blockId + "/notes");
		assertThat(browser.driver().findElements(By.cssSelector(".threads .note"))).hasSizeGreaterThanOrEqualTo(3);
		assertAccessibleInLightAndDark();
	}

	private String seeded;

	/** A paragraph with a note, a reply and a private note of this reader. */
	String notesToLookAt() {
		if (seeded == null) {
			open(ARTICLE);
			String note = seed(ARTICLE + "/p/p-TiwIia/notes", "Worth *reading* twice: <https://example.org/>", false);
			seed(ARTICLE + "/notes/" + note + "/replies", "Agreed.", false);
			seed(ARTICLE + "/p/p-TiwIia/notes", "A reminder for myself", true);
			seeded = "p-TiwIia";
		}
		return seeded;
	}

	// ---- Helpers

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		browser.driver().get(url(path));
	}

	WebElement find(String css) {
		return browser.driver().findElement(By.cssSelector(css));
	}

	void expectProblem(String text) {
		browser.expectConsoleProblem(text);
	}

	/** Moves the pointer there (showing controls revealed on hover) and clicks. */
	void click(WebElement element) {
		new Actions(browser.driver()).moveToElement(element).click().perform();
	}

	/** Focuses the control and presses Enter, as a keyboard user does. */
	void press(WebElement element, CharSequence key) {
		browser.script("arguments[0].focus();", element);
		new Actions(browser.driver()).sendKeys(key).perform();
	}

	void press(WebElement element) {
		press(element, Keys.ENTER);
	}

	void fill(WebElement form, String body, String name, boolean privately) {
		WebElement text = form.findElement(By.name("body"));
		text.clear();
		text.sendKeys(body);
		if (name != null) {
			WebElement author = form.findElement(By.name("authorName"));
			author.clear();
			author.sendKeys(name);
		}
		WebElement visibility = form.findElement(By.cssSelector("input[name='visibility'][value='" + (privately ? "private" : "public") + "']"));
		if (!visibility.isSelected()) {
			visibility.click();
		}
	}

	void submit(WebElement form) {
		click(form.findElement(By.cssSelector("button[type='submit']")));
	}

	/** The control that adds a note: the note count of a paragraph without notes, else "Add a note" in its notes. */
	WebElement addControl(String blockId) {
		if (browser.driver().findElements(By.id("notes-" + blockId)).isEmpty()) {
			return find("#" + blockId + " ~ .note-count");
		}
		showNotes(blockId);
		// at the head of the notes on wide screens, at their foot on narrow ones
		return browser.driver().findElements(By.cssSelector("#notes-" + blockId + " a[data-action='add']")).stream()
			.filter(WebElement::isDisplayed)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no add-a-note control shows on " + blockId));
	}

	/** @return the paragraph's block: the paragraph, its controls and its notes */
	WebElement block(String blockId) {
		return (WebElement) browser.script("return document.getElementById(arguments[0]).parentElement;", blockId);
	}

	String blockOf(String noteId) {
		return (String) browser.script(
				"return document.getElementById(arguments[0]).closest('.block').firstElementChild.id;", "note-" + noteId);
	}

	/** @return the text of a paragraph's note count, read in full even where it is hidden (wide screens) */
	String countText(String blockId) {
		return (String) browser.script("""
				return document.getElementById(arguments[0]).parentElement.querySelector(':scope > .note-count')
				  .textContent.replace(/[\\s✎]+/g, ' ').trim();""", blockId);
	}

	/** @return the note, shown (on a phone its paragraph's notes are opened first) */
	WebElement visibleNote(String noteId) {
		WebElement note = browser.driver().findElement(By.id("note-" + noteId));
		if (!note.isDisplayed()) {
			showNotes(blockOf(noteId));
			note = browser.driver().findElement(By.id("note-" + noteId));
		}
		assertThat(note.isDisplayed()).as("note %s is shown", noteId).isTrue();
		return note;
	}

	/**
	 * A note's time: with scripts, relative ("just now"), the reader's full date and time on hover; without them,
	 * the server's day in UTC with its time on hover. Its datetime is a valid one, to the second, either way.
	 */
	void assertWrittenJustNow(String noteId) {
		WebElement time = find("#note-" + noteId + " > .note-meta > time");
		assertThat(time.getDomAttribute("datetime")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		String year = time.getDomAttribute("datetime").substring(0, 4);
		if (javascript()) {
			assertThat(time.getDomProperty("textContent")).isEqualTo("just now");
			assertThat(time.getDomProperty("title")).contains(year).doesNotContain("UTC");
		}
		else {
			assertThat(time.getDomProperty("textContent")).matches("\\d{1,2} [A-Z][a-z]{2} " + year);
			assertThat(time.getDomProperty("title")).startsWith(time.getDomProperty("textContent")).endsWith(" UTC");
		}
	}

	/** @return the actions a note offers this reader: reply, edit, delete */
	@SuppressWarnings("unchecked")
	List<String> controls(String noteId) {
		return (List<String>) browser.script("""
				return [...document.querySelectorAll('#' + CSS.escape(arguments[0]) + ' > .note-actions [data-action]')]
				  .map(control => control.dataset.action);""", "note-" + noteId);
	}

	/**
	 * @return the status of a POST sent from the open page with its CSRF token, as a forger's script would (or
	 * another window of the reader): 0 for a redirect, which is not followed
	 */
	int postFromPage(String path, String form) {
		return ((Number) browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const header = document.querySelector('meta[name="_csrf_header"]').content;
				const token = document.querySelector('meta[name="_csrf"]').content;
				fetch(arguments[0], { method: 'POST', credentials: 'same-origin', redirect: 'manual',
				    headers: { [header]: token, 'Content-Type': 'application/x-www-form-urlencoded' }, body: arguments[1] })
				  .then(response => done(response.status), () => done(-1));""", path, form)).intValue();
	}

	void assertInert(String blockId, String noteId) {
		WebElement note = visibleNote(noteId);
		assertThat(note.findElement(By.cssSelector(".note-author")).getText()).isEqualTo(HOSTILE_NAME);
		List<String> paragraphs = note.findElements(By.cssSelector(".note-body p")).stream().map(WebElement::getText).toList();
		assertThat(paragraphs).containsExactly(HOSTILE_BODY.get(0), HOSTILE_BODY.get(1), "click");
		assertThat(browser.script("""
				return document.getElementById(arguments[0]).parentElement
				  .querySelectorAll('script, img, svg, [onerror], [onload], a[href^="javascript"]').length;""", blockId))
			.as("elements made from the note's text").isEqualTo(0L);
		click(note.findElements(By.cssSelector(".note-body p")).get(2));
		assertThat(browser.script("return window.__xss;")).isNull();
		assertThat(browser.driver().getCurrentUrl()).startsWith(url(ARTICLE));
	}

	/**
	 * Writes a note or reply as this reader by a request from the open page, quicker than through the forms
	 * (for tests about something else). Bodies may use only *emphasis* and <autolinks>. @return its id
	 */
	String seed(String path, String body, boolean privately) {
		String id = (String) browser.driver().executeAsyncScript("""
				const [path, body, visibility, done] = arguments;
				const header = document.querySelector('meta[name="_csrf_header"]').content;
				const token = document.querySelector('meta[name="_csrf"]').content;
				fetch(path, { method: 'POST', credentials: 'same-origin', headers: { [header]: token },
				    body: new URLSearchParams({ body, authorName: 'Ann', visibility }) })
				  .then(response => response.text())
				  .then(html => {
				    const page = new DOMParser().parseFromString(html, 'text/html');
				    const seen = [...page.querySelectorAll('.note')].filter(note => note.querySelector('.note-body')?.textContent.trim() === body.replace(/[<>*]/g, ''));
				    done(seen.length === 1 ? seen[0].id.slice(5) : null);
				  }, () => done(null));""", path, body, privately ? "private" : "public");
		assertThat(id).as("seeded note %s", body).isNotNull();
		return id;
	}

	void assertAccessibleInLightAndDark() {
		browser.colorScheme("light");
		browser.assertAccessible();
		browser.colorScheme("dark");
		browser.assertAccessible();
		browser.colorScheme("light");
	}

	void waitUntil(java.util.function.Supplier<Boolean> condition, String what) {
		browser.waiting().pollingEvery(Duration.ofMillis(20)).withMessage(what).until(driver -> condition.get());
	}

}
