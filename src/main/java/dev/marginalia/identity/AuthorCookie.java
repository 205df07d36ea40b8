package dev.marginalia.identity;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Where a browser keeps its author secret: an {@code HttpOnly}, {@code SameSite=Lax} cookie ({@code Secure} over
 * TLS), given on its first write; a program gets the same secret in the {@value #SECRET_HEADER} response header
 * and presents it as {@code Authorization: Bearer <secret>}. The server keeps only the secret's hash.
 */
@Component
public class AuthorCookie {

	public static final String NAME = "marginalia_author";

	/** The response header that gives a cookie-less, token-less client the secret it was just issued. */
	public static final String SECRET_HEADER = "Marginalia-Author-Secret";

	private static final Duration AGE = Duration.ofDays(730);

	/** @return a new reader: a new secret, in the cookie and in the {@value #SECRET_HEADER} header of the response */
	public Reader issue(HttpServletRequest request, HttpServletResponse response) {
		String secret = AuthorSecrets.newSecret();
		ResponseCookie cookie = ResponseCookie.from(NAME, secret)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(AGE)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		response.setHeader(SECRET_HEADER, secret);
		return Reader.withSecret(secret);
	}

}
