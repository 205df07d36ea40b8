package dev.marginalia.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two readers, each in a Chromium of their own (two authors): while one has the article open, the other answers
 * their note, and a notice says so in the first one's page (politely, in a live region), with a link to the reply;
 * it passes axe in both themes and is dismissed from the keyboard.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(Lifecycle.PER_CLASS)
class ReplyNoticesInBrowserTests {

	static final String BLOCK = "p-TocBot";

	@LocalServerPort
	int port;

	@RegisterExtension
	static final Browser readerBrowser = Browser.withScripts();

	@RegisterExtension
	static final Browser otherBrowser = Browser.withScripts();

	/**
	 * Sends a form page's note form as a browser without scripts would (the form's own submit, no script's): the
	 * page it lands on is at the new note.
	 * @return the new note's id
	 */
	static String send(ArticlePage page, String formPage, String body, String name) {
		page.open(formPage);
		WebElement text = page.find("form.note-form textarea[name='body']");
		WebElement author = page.find("form.note-form input[name='authorName']");
		author.clear();
		author.sendKeys(name);
		text.sendKeys(body);
		page.browser.script("arguments[0].form.submit();", text);
		page.waitUntil(() -> page.browser.driver().getCurrentUrl().contains("#note-"), "the note is written");
		String url = page.browser.driver().getCurrentUrl();
		return url.substring(url.indexOf("#note-") + "#note-".length());
	}

	@Test
	void aReplyToMyNoteIsNoticedLiveAndDismissedFromTheKeyboard() {
		ArticlePage reader = new ArticlePage(readerBrowser, port);
		ArticlePage other = new ArticlePage(otherBrowser, port);
		String note = send(reader, ArticlePage.ARTICLE + "/p/" + BLOCK + "/notes", "A note that will be answered", "Ann");
		reader.openArticle(); // with the author secret its note gave it
		reader.markPage();
		assertThat(reader.findAll(".reply-notice")).isEmpty();

		String reply = send(other, ArticlePage.ARTICLE + "/notes/" + note + "/reply", "An answer from another reader", "Bob");
		reader.waitUntil(() -> !reader.findAll(".reply-notice").isEmpty(), "the notice shows", Duration.ofSeconds(5));
		assertThat(reader.isSamePage()).as("no reload").isTrue();
		WebElement notice = reader.find(".reply-notice");
		assertThat(notice.getText()).contains("Bob replied to your note on paragraph 18.");
		assertThat(reader.find("[data-reply-notices]").getDomAttribute("aria-live")).isEqualTo("polite");
		WebElement link = reader.find(".reply-notice a");
		assertThat(link.getText()).isEqualTo("Read the reply");
		assertThat(link.getDomAttribute("href")).isEqualTo(ArticlePage.ARTICLE + "/notes/" + reply);
		assertThat(reader.findAll(".reply-notice")).as("one notice for one reply").hasSize(1);
		readerBrowser.assertAccessible();
		readerBrowser.colorScheme("dark");
		readerBrowser.assertAccessible();
		readerBrowser.colorScheme("light");

		// from the link, Tab reaches Dismiss; Enter dismisses the notice
		readerBrowser.script("arguments[0].focus();", link);
		new Actions(readerBrowser.driver()).sendKeys(Keys.TAB).perform();
		assertThat(reader.focused().getText()).startsWith("Dismiss");
		new Actions(readerBrowser.driver()).sendKeys(Keys.ENTER).perform();
		reader.waitUntil(() -> reader.findAll(".reply-notice").isEmpty(), "the notice is dismissed");
		assertThat(reader.isSamePage()).isTrue();
	}

}
