package dev.marginalia.browser;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import dev.marginalia.support.TestNotes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker's page on another site (a second loopback server, at 127.0.0.1 while the app is at localhost)
 * tries to write in a reader's name, by a form that submits itself and by scripts, in the real Chromium. The
 * reader's author cookie must stay theirs, and nothing may be stored.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CrossSiteInBrowserTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	static final String PARAGRAPH = "p-AarAar";

	/** The attacker's refused requests log errors: expected here. */
	@RegisterExtension
	static final Browser browser = Browser.withScripts().consoleNotChecked();

	static HttpServer attacker;

	static String attackerPage = "";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ArticlePage page;

	@BeforeAll
	static void start() throws IOException {
		attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		attacker.createContext("/", exchange -> {
			byte[] body = attackerPage.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		attacker.start();
	}

	@AfterAll
	static void stop() {
		attacker.stop(0);
	}

	@BeforeEach
	void reader() {
		TestNotes.deleteAll(jdbc);
		page = new ArticlePage(browser, port);
		page.open(ARTICLE);
		browser.useCookies(java.util.Set.of());
		page.open(ARTICLE + "/p/" + PARAGRAPH + "/notes"); // a page with a form, and so with the CSRF token
		page.seed(PARAGRAPH, "The reader's own note", null, null, false);
	}

	String attackerUrl() {
		return "http://127.0.0.1:" + attacker.getAddress().getPort() + "/";
	}

	String authorCookie() {
		page.open(ARTICLE);
		Optional<Cookie> cookie = browser.cookies().stream().filter(c -> c.getName().equals("marginalia_author")).findFirst();
		assertThat(cookie).as("the reader has an author cookie").isPresent();
		return cookie.get().getValue();
	}

	int notesBy(String words) {
		return jdbc.sql("SELECT COUNT(*) FROM notes WHERE body LIKE :words").param("words", "%" + words + "%")
			.query(Integer.class).single();
	}

	@Test
	void aFormOnAnotherSiteCannotReplaceTheReadersCookieNorWriteInTheirName() {
		String before = authorCookie();
		attackerPage = """
				<!DOCTYPE html><title>Win a prize</title>
				<form method="post" action="http://localhost:%d%s/p/%s/notes">
				<input name="body" value="Written by the attacker's form"></form>
				<script>document.forms[0].submit()</script>""".formatted(port, ARTICLE, PARAGRAPH);
		browser.driver().get(attackerUrl());
		page.waitUntil(() -> browser.driver().getCurrentUrl().startsWith("http://localhost:" + port),
				"the form took the browser to the site");
		String answer = browser.driver().getPageSource();
		assertThat(notesBy("attacker")).as("nothing stored").isZero();
		assertThat(authorCookie()).as("the reader's secret is theirs still").isEqualTo(before);
		assertThat(answer).as("the refusal, said on the site's error page").contains("You cannot do that");
		assertThat(notesBy("The reader's own note")).isEqualTo(1);
	}

	@Test
	void scriptsOnAnotherSiteCannotWriteEitherWithOrWithoutTheReadersCookies() {
		String before = authorCookie();
		attackerPage = """
				<!DOCTYPE html><title>Loading</title>
				<script>
				const site = 'http://localhost:%d';
				const form = new URLSearchParams({ body: 'Written by the attacker script' });
				Promise.allSettled([
				  fetch(site + '%s/p/%s/notes', { method: 'POST', mode: 'no-cors', credentials: 'include', body: form }),
				  fetch(site + '/api/articles/stability-a-rare-strategic-resource/annotations/', { method: 'POST',
				    mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' },
				    body: JSON.stringify({ type: 'Annotation', body: { type: 'TextualBody',
				      value: 'Written by the attacker API script' }, target: 'x' }) }),
				]).then(() => { document.title = 'done'; });
				</script>""".formatted(port, ARTICLE, PARAGRAPH);
		browser.driver().get(attackerUrl());
		page.waitUntil(() -> "done".equals(browser.driver().getTitle()), "the attacker's requests answered");
		assertThat(notesBy("attacker")).as("nothing stored").isZero();
		assertThat(authorCookie()).as("the reader's secret is theirs still").isEqualTo(before);
	}

}
