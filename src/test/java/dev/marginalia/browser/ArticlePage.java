package dev.marginalia.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The article page as one browser has it open: what the passage and live-update tests look at and do. */
final class ArticlePage {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	final Browser browser;

	private final int port;

	ArticlePage(Browser browser, int port) {
		this.browser = browser;
		this.port = port;
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	void open(String path) {
		browser.driver().get(url(path));
	}

	/** Opens the article and waits until its live updates are connected. */
	void openArticle() {
		open(ARTICLE);
		waitUntil(this::isLive, "the live updates are connected");
	}

	/** @return whether the page's live updates are connected */
	boolean isLive() {
		return "open".equals(browser.script("return document.documentElement.dataset.live;"));
	}

	WebElement find(String css) {
		return browser.driver().findElement(By.cssSelector(css));
	}

	List<WebElement> findAll(String css) {
		return browser.driver().findElements(By.cssSelector(css));
	}

	WebElement focused() {
		return browser.driver().switchTo().activeElement();
	}

	void waitUntil(Supplier<Boolean> condition, String what) {
		waitUntil(condition, what, Duration.ofSeconds(5));
	}

	void waitUntil(Supplier<Boolean> condition, String what, Duration timeout) {
		browser.waiting()
			.withTimeout(timeout)
			.pollingEvery(Duration.ofMillis(20))
			.withMessage(what)
			.until(driver -> condition.get());
	}

	String announced() {
		return find("[data-announcer]").getDomProperty("textContent");
	}

	void awaitAnnouncement(String message) {
		waitUntil(() -> message.equals(announced()), "announced: " + message);
	}

	/** Marks the page, to tell afterwards that it was not reloaded. */
	void markPage() {
		browser.script("window.__samePage = true; document.querySelector('[data-announcer]').textContent = '';");
	}

	boolean isSamePage() {
		return Boolean.TRUE.equals(browser.script("return window.__samePage === true;"));
	}

	/** @return the text of a paragraph's note count, read in full even where it is hidden (wide screens) */
	String countText(String blockId) {
		return (String) browser.script("""
				return document.getElementById(arguments[0]).parentElement.querySelector(':scope > .note-count')
				  .textContent.replace(/[\\s✎]+/g, ' ').trim();""", blockId);
	}

	/** @return the paragraph's plain text as the server counts it: whitespace runs collapsed, trimmed */
	String plainText(String blockId) {
		return ((String) browser.script("return document.getElementById(arguments[0]).textContent;", blockId))
			.replaceAll("\\s+", " ")
			.strip();
	}

	/** @return where the nth occurrence (from 1) of the words starts in the paragraph's text, in code points */
	int codePointStart(String blockId, String words, int nth) {
		String text = plainText(blockId);
		int at = -1;
		for (int n = 0; n < nth; n++) {
			at = text.indexOf(words, at + 1);
			assertThat(at).as("occurrence %s of %s in %s", n + 1, words, blockId).isNotNegative();
		}
		return text.codePointCount(0, at);
	}

	/**
	 * Writes a note by a request from the open page, as this reader (quicker than the forms, for tests about
	 * something else). The body must be plain words, unique in the article. @return its id
	 */
	String seed(String blockId, String body, @Nullable String quote, @Nullable Integer quoteStart, boolean privately) {
		String id = (String) browser.driver().executeAsyncScript("""
				const [path, body, quote, quoteStart, visibility, done] = arguments;
				const header = document.querySelector('meta[name="_csrf_header"]').content;
				const token = document.querySelector('meta[name="_csrf"]').content;
				const form = new URLSearchParams({ body, authorName: 'Ann', visibility });
				if (quote) form.set('quote', quote);
				if (quoteStart !== null) form.set('quoteStart', String(quoteStart));
				fetch(path, { method: 'POST', credentials: 'same-origin', headers: { [header]: token }, body: form })
				  .then(response => response.ok && response.redirected ? response.text() : '')
				  .then(html => {
				    const page = new DOMParser().parseFromString(html, 'text/html');
				    const seen = [...page.querySelectorAll('.note')]
				      .filter(note => note.querySelector('.note-body')?.textContent.trim() === body);
				    done(seen.length === 1 ? seen[0].id.slice(5) : null);
				  }, () => done(null));""",
				ARTICLE + "/p/" + blockId + "/notes", body, quote, quoteStart, privately ? "private" : "public");
		assertThat(id).as("seeded note %s", body).isNotNull();
		return id;
	}

	/** @return the texts of the marks of a note's passage, in order */
	@SuppressWarnings("unchecked")
	List<String> marksOf(String noteId) {
		return (List<String>) browser.script("""
				return [...document.querySelectorAll('mark.passage')]
				  .filter(mark => mark.dataset.notes.split(' ').includes(arguments[0]))
				  .map(mark => mark.textContent);""", noteId);
	}

	/** @return the note's passage as marked: its marks' text, joined as the page shows it */
	String markedPassage(String noteId) {
		return ((String) browser.script("""
				const marks = [...document.querySelectorAll('mark.passage')]
				  .filter(mark => mark.dataset.notes.split(' ').includes(arguments[0]));
				if (marks.length === 0) return '';
				const range = document.createRange();
				range.setStartBefore(marks[0]);
				range.setEndAfter(marks.at(-1));
				return range.toString();""", noteId)).replaceAll("\\s+", " ").strip();
	}

	String backgroundOf(WebElement element) {
		return (String) browser.script("return getComputedStyle(arguments[0]).backgroundColor;", element);
	}

}
