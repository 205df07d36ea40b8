package dev.marginalia.browser;

import java.util.Map;

import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The moderator signs in and hides a flagged note, in a real headless Chromium: no CSP violation, axe clean. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ModerationInBrowserTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	@RegisterExtension
	static final Browser browser = Browser.withScripts();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void noNotes() {
		TestNotes.deleteAll(jdbc);
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void theModeratorSignsInAndHidesAFlaggedNote() {
		FormClient writer = new FormClient(port);
		String note = writer.write(ARTICLE, "p-AarAar", "Visit my shop for cheap watches");
		FormClient reader = new FormClient(port);
		reader.page(ARTICLE + "/notes/" + note + "/flag");
		assertThat(reader.post(ARTICLE + "/notes/" + note + "/flag", Map.of("reason", "spam", "detail", "An advert"))
			.statusCode()).isEqualTo(303);

		browser.driver().get(url("/moderation"));
		browser.waiting().until(ExpectedConditions.urlToBe(url("/moderation/sign-in")));
		browser.assertAccessible();
		browser.driver().findElement(By.id("username")).sendKeys(FormClient.MODERATOR);
		browser.driver().findElement(By.id("password")).sendKeys(FormClient.PASSWORD);
		browser.driver().findElement(By.cssSelector("form.note-form button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.urlToBe(url("/moderation")));

		WebElement flagged = browser.driver().findElement(By.cssSelector("#flagged ~ ol > li"));
		assertThat(flagged.getText()).contains("Visit my shop", "Spam or advertising × 1", "An advert");
		browser.assertAccessible();
		flagged.findElement(By.cssSelector("form[action$='/hide'] button")).click();
		browser.waiting().until(ExpectedConditions.urlContains("done=hide"));
		assertThat(browser.driver().findElement(By.cssSelector(".done")).getText()).contains("hidden");
		assertThat(browser.driver().findElement(By.cssSelector("#flagged ~ ol > li .badge-hidden")).getText())
			.isEqualTo("Hidden");
		browser.assertAccessible();

		browser.driver().get(url(ARTICLE));
		WebElement hidden = browser.driver().findElement(By.id("note-" + note));
		assertThat(hidden.getDomAttribute("class")).contains("is-hidden");
		assertThat(hidden.findElements(By.cssSelector("form[action$='/unhide']"))).hasSize(1);
		assertThat(reader.page(ARTICLE).getElementById("note-" + note)).as("gone for readers").isNull();
	}

}
