package dev.marginalia.identity;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.marginalia.support.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's secret and the moderator's sign-in in Spring Security's chain, over HTTP: no session anywhere, and
 * the CSRF token renewed at the moderator's sign-in only, not at each request a sign-in or a secret is recognised
 * in.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.moderation.failures-before-lockout=5")
class IdentityChainTests {

	@LocalServerPort
	int port;

	@Autowired
	SignInGuard guard;

	final List<String> setCookies = new ArrayList<>();

	@BeforeEach
	void forget() {
		guard.forget();
	}

	HttpResponse<String> seen(HttpResponse<String> response) {
		setCookies.addAll(response.headers().allValues("Set-Cookie"));
		return response;
	}

	@Test
	void aSignedInModeratorKeepsTheCsrfTokenOfTheSignInFromRequestToRequest() {
		FormClient moderator = new FormClient(port).signInAsModerator();
		String token = moderator.csrf();

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> response = seen(moderator.post("/moderation/articles/stability-a-rare-strategic-resource"
					+ "/notes/no-such-note/hide", Map.of()));
			assertThat(response.statusCode()).as("the same token, request after request").isEqualTo(404);
			seen(moderator.get("/moderation"));
		}
		assertThat(setCookies).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN="));
		assertThat(moderator.page("/moderation").selectFirst("meta[name=_csrf]").attr("content")).isEqualTo(token);
	}

	@Test
	void noRequestOfTheSignInMakesASession() {
		FormClient moderator = new FormClient(port);
		seen(moderator.signIn(FormClient.MODERATOR, "a wrong password"));
		seen(moderator.signIn(FormClient.MODERATOR, FormClient.PASSWORD));
		seen(moderator.get("/moderation"));
		seen(moderator.post("/moderation/sign-out", Map.of()));

		assertThat(setCookies).isNotEmpty().noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
	}

	@Test
	void aReaderWithASecretKeepsTheCsrfTokenFromWriteToWrite() {
		FormClient reader = new FormClient(port);
		String article = "/articles/stability-a-rare-strategic-resource";
		String first = reader.write(article, "p-AarAar", "A first note");
		assertThat(reader.cookies).containsKey(AuthorCookie.NAME);
		reader.page(article + "/notes/" + first + "/reply");

		for (int i = 0; i < 3; i++) {
			HttpResponse<String> replied = seen(reader.post(article + "/notes/" + first + "/replies",
					Map.of("body", "Reply " + i, "visibility", "public")));
			assertThat(replied.statusCode()).as("reply %d with the page's token", i).isEqualTo(303);
		}
		assertThat(setCookies).noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN=") || cookie.startsWith("JSESSIONID"));
	}

}
