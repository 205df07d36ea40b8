package dev.marginalia.browser;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two readers on the same article, each in a Chromium of their own (their own cookies: two authors): what one
 * writes shows up in the other's open page within a second, without a reload, without taking the other's
 * focus or moving what they read, and announced politely; private notes never reach the other.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=live-in-browser")
@TestInstance(Lifecycle.PER_CLASS)
class LiveNotesInBrowserTests {

	/** The issue's promise: within one second. */
	static final Duration PROMPTLY = Duration.ofMillis(1000);

	@LocalServerPort
	int port;

	@RegisterExtension
	static final Browser readerBrowser = Browser.withScripts();

	@RegisterExtension
	static final Browser otherBrowser = Browser.withScripts();

	/** The reader whose page is watched. */
	ArticlePage reader;

	/** Another reader, who writes. */
	ArticlePage other;

	@BeforeEach
	void pages() {
		reader = new ArticlePage(readerBrowser, port);
		other = new ArticlePage(otherBrowser, port);
	}

	@Test
	void aNoteAddedByAnotherReaderAppearsWithinASecondWithoutDisturbingThisOne() {
		String blockId = "p-TwcTwc"; // a one-line paragraph: a long note makes its row taller
		reader.openArticle();
		other.openArticle();
		// the reader is writing a note further down, and reads on below the paragraph that will change
		WebElement draft = openAddForm(reader, "p-IKaIKa");
		new Actions(readerBrowser.driver()).sendKeys("My draft").perform();
		readerBrowser.script("""
				const reading = document.getElementById('p-TmdDti');
				window.scrollTo(0, reading.getBoundingClientRect().top + window.scrollY - 50);""");
		assertThat(bottom(reader, blockId)).as("the paragraph that changes is above the window").isNegative();
		double reading = top(reader, "p-TmdDti");
		reader.markPage();

		openAddForm(other, blockId);
		new Actions(otherBrowser.driver()).sendKeys("A long thought. ".repeat(25)).perform();
		// timed by the pages themselves (both browsers read the same system clock): from the submit event in one
		// window to the note in the other's document, without the driver's round trips and polling
		readerBrowser.script("""
				window.__noteShownAt = null;
				const block = arguments[0];
				const shown = () => document.querySelector('#notes-' + block + ' .note');
				new MutationObserver((changes, observer) => {
					if (shown()) { window.__noteShownAt = Date.now(); observer.disconnect(); }
				}).observe(document.body, { childList: true, subtree: true });""", blockId);
		otherBrowser.script("""
				window.__sentAt = null;
				document.addEventListener('submit', () => { window.__sentAt = Date.now(); }, { capture: true, once: true });""");
		other.find(".inline-note-form button[type='submit']").click();
		reader.waitUntil(() -> !reader.findAll("#notes-" + blockId + " .note").isEmpty(), "the note shows up",
				Duration.ofSeconds(5));
		Duration took = Duration.ofMillis(((Number) readerBrowser.script("return window.__noteShownAt;")).longValue()
				- ((Number) otherBrowser.script("return window.__sentAt;")).longValue());
		assertThat(took).as("from sending to showing in the other window").isLessThan(PROMPTLY);
		System.out.println("Live update: a note sent in one window showed in the other after " + took.toMillis() + " ms");

		String note = reader.find("#notes-" + blockId + " .note").getDomAttribute("id");
		assertThat(reader.find("#" + note + " .note-body").getText()).startsWith("A long thought.");
		assertThat(reader.find("#" + note + " time").getDomProperty("textContent")).as("a relative time")
			.isEqualTo("just now");
		assertThat(reader.countText(blockId)).isEqualTo("1 note on paragraph 10");
		reader.awaitAnnouncement("New note on paragraph 10.");
		assertThat(reader.isSamePage()).as("no reload").isTrue();
		assertThat(reader.focused()).as("the reader's focus is where it was").isEqualTo(draft);
		new Actions(readerBrowser.driver()).sendKeys(", and more").perform();
		assertThat(draft.getDomProperty("value")).isEqualTo("My draft, and more");
		assertThat(top(reader, "p-TmdDti")).as("what the reader reads has not moved").isCloseTo(reading, within(2));

		// the writer's own page shows its note once, announced once, as written there
		other.awaitAnnouncement("Note added");
		listenFor(other, Duration.ofMillis(500));
		assertThat(other.announced()).isEqualTo("Note added");
		assertThat(other.findAll("#" + note)).hasSize(1);
		assertThat(other.countText(blockId)).isEqualTo("1 note on paragraph 10");
	}

	@Test
	void editsAndDeletionsByAnotherReaderShowUpToo() {
		String blockId = "p-TocBot";
		reader.openArticle();
		other.openArticle();
		String note = other.seed(blockId, "Version one of a thought", null, null, false);
		reader.waitUntil(() -> !reader.findAll("#note-" + note).isEmpty(), "the note shows up", PROMPTLY);
		reader.awaitAnnouncement("New note on paragraph 18.");
		other.openArticle();

		WebElement edit = openForm(other, other.find("#note-" + note + " a[data-action='edit']"));
		edit.clear();
		edit.sendKeys("Version two of a thought");
		other.find(".inline-note-form button[type='submit']").click();
		other.awaitAnnouncement("Note saved");
		reader.waitUntil(() -> "Version two of a thought".equals(textOf(reader, "#note-" + note + " .note-body")),
				"the edit shows up", PROMPTLY);
		assertThat(reader.find("#note-" + note).getText()).contains("(edited)");
		reader.awaitAnnouncement("A note on paragraph 18 was edited.");

		new Actions(otherBrowser.driver()).moveToElement(other.find("#note-" + note + " form[data-action='delete'] button"))
			.click()
			.perform();
		other.focused().click(); // "Yes, delete"
		other.awaitAnnouncement("Note deleted");
		reader.waitUntil(() -> reader.findAll("#note-" + note).isEmpty(), "the deletion shows up", PROMPTLY);
		assertThat(reader.countText(blockId)).isEqualTo("Add a note on paragraph 18");
		reader.awaitAnnouncement("A note on paragraph 18 was deleted.");
	}

	@Test
	void aPrivateNoteNeverReachesAnotherReader() {
		String secret = "A private thought for my eyes only";
		reader.openArticle();
		other.openArticle();
		reader.markPage();
		other.seed("p-AtsAts", secret, null, null, true);
		String after = other.seed("p-KatAch", "A public thought after the private one", null, null, false);
		// events reach a page in order: once the public note is there, the private one would have been too
		reader.waitUntil(() -> !reader.findAll("#note-" + after).isEmpty(), "the public note shows up", PROMPTLY);
		reader.awaitAnnouncement("New note on paragraph 17.");
		assertThat(reader.findAll("#notes-p-AtsAts")).isEmpty();
		assertThat(reader.countText("p-AtsAts")).isEqualTo("Add a note on paragraph 16");
		assertThat(readerBrowser.driver().getPageSource()).doesNotContain(secret);
		listenFor(reader, Duration.ofMillis(300));
		assertThat(reader.announced()).isEqualTo("New note on paragraph 17.");
		assertThat(reader.isSamePage()).isTrue();

		other.openArticle();
		assertThat(other.find("#notes-p-AtsAts").getText()).contains(secret);
	}

	@Test
	void aParagraphTheReaderIsWritingInGetsOnlyItsCountUntilTheReaderLeavesIt() {
		String blockId = "p-IryAar";
		reader.openArticle();
		other.openArticle();
		WebElement draft = openAddForm(reader, blockId);
		new Actions(readerBrowser.driver()).sendKeys("Half a thought").perform();

		String note = other.seed(blockId, "Meanwhile, a thought from elsewhere", null, null, false);
		reader.waitUntil(() -> reader.countText(blockId).startsWith("1 note"), "the count is updated", PROMPTLY);
		reader.awaitAnnouncement("New note on paragraph 19.");
		assertThat(reader.focused()).isEqualTo(draft);
		assertThat(draft.getDomProperty("value")).isEqualTo("Half a thought");
		assertThat(reader.findAll("#note-" + note)).as("the notes wait while the reader writes here").isEmpty();

		new Actions(readerBrowser.driver()).sendKeys(Keys.ESCAPE).perform();
		WebElement count = reader.focused();
		assertThat(count.getDomAttribute("class")).contains("note-count");
		listenFor(reader, Duration.ofMillis(300));
		assertThat(reader.findAll("#note-" + note)).as("nor while the focus is in the paragraph").isEmpty();
		assertThat(reader.focused()).isEqualTo(count);
		new Actions(readerBrowser.driver()).sendKeys(Keys.TAB).perform();
		WebElement next = reader.focused();
		reader.waitUntil(() -> !reader.findAll("#note-" + note).isEmpty(), "the notes come once the reader moves on",
				PROMPTLY);
		assertThat(reader.focused()).isEqualTo(next);
		assertThat(reader.find("#note-" + note).isDisplayed()).isTrue();
	}

	// ---- Helpers

	/** Opens a paragraph's add form in place. @return its text field, focused */
	WebElement openAddForm(ArticlePage page, String blockId) {
		return openForm(page, page.find("#" + blockId + " ~ .note-count"));
	}

	WebElement openForm(ArticlePage page, WebElement control) {
		new Actions(page.browser.driver()).moveToElement(control).click().perform();
		page.waitUntil(() -> page.browser.script("return document.activeElement.closest('.inline-note-form form');") != null,
				"a form opens in place");
		return page.focused();
	}

	/** @return the text of the element, read at once (it may be replaced any moment), or null */
	String textOf(ArticlePage page, String css) {
		return (String) page.browser.script("return document.querySelector(arguments[0])?.textContent.trim() ?? null;", css);
	}

	double top(ArticlePage page, String id) {
		return ((Number) page.browser.script("return document.getElementById(arguments[0]).getBoundingClientRect().top;",
				id)).doubleValue();
	}

	double bottom(ArticlePage page, String id) {
		return ((Number) page.browser.script("return document.getElementById(arguments[0]).getBoundingClientRect().bottom;",
				id)).doubleValue();
	}

	static org.assertj.core.data.Offset<Double> within(double pixels) {
		return org.assertj.core.data.Offset.offset(pixels);
	}

	/**
	 * Lets time pass on a page that listens. What is checked after it is that nothing came in that time (a second
	 * announcement, a private note, notes held back while the reader writes), so there is no condition to wait for,
	 * only the time; Awaitility's {@code during} checks meanwhile that the page's live updates stay connected, or
	 * nothing coming would prove nothing.
	 */
	static void listenFor(ArticlePage page, Duration window) {
		await().during(window).atMost(window.plusSeconds(5)).until(page::isLive);
	}

}
