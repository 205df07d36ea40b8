package dev.marginalia.reading;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.marginalia.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers every page carries: a strict Content-Security-Policy and its companions. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SecurityHeadersTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/articles/stability-a-rare-strategic-resource",
			"/articles/stability-a-rare-strategic-resource/p/p-AarAar", "/articles/missing", "/css/site.css" })
	void everyResponseCarriesTheSecurityHeaders(String path) {
		HttpResponse<String> response = new WebClient(port).page(path).response();
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'",
				"frame-ancestors 'none'");
		assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(response.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).as("only over TLS").isEmpty();
	}

	@Test
	void behindATlsProxyPagesGetHstsAndTheAuthorCookieIsSecure() {
		WebClient web = new WebClient(port);
		HttpResponse<String> page = web.send(HttpRequest.newBuilder(URI.create(web.base() + "/"))
			.header("X-Forwarded-Proto", "https")
			.build());
		assertThat(page.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
		HttpResponse<String> write = web.send(HttpRequest.newBuilder(URI.create(web.base() + ARTICLE + "/p/p-AarAar/notes"))
			.header("X-Forwarded-Proto", "https")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=Over+TLS"))
			.build());
		assertThat(write.statusCode()).isEqualTo(303);
		assertThat(write.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("marginalia_author="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).contains("Secure", "HttpOnly", "SameSite=Lax"));
	}

	@Test
	void withoutTlsTheAuthorCookieIsNotMarkedSecure() {
		WebClient web = new WebClient(port);
		HttpResponse<String> write = web.send(HttpRequest.newBuilder(URI.create(web.base() + ARTICLE + "/p/p-AarAar/notes"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=Plain+HTTP"))
			.build());
		assertThat(write.headers().allValues("Set-Cookie")).filteredOn(cookie -> cookie.startsWith("marginalia_author="))
			.singleElement()
			.satisfies(cookie -> assertThat(cookie).doesNotContain("Secure"));
	}

}
