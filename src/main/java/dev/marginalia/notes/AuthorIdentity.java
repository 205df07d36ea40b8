package dev.marginalia.notes;

import java.time.Duration;
import java.util.Optional;

import dev.marginalia.identity.ModeratorAccount;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Who is writing, without accounts. A browser holds its author secret in an {@code HttpOnly},
 * {@code SameSite=Lax} cookie, given on its first write; a program presents it as
 * {@code Authorization: Bearer <secret>}. The server keeps only the secret's hash. Any instance can check it:
 * nothing is kept in memory or in a session.
 */
@Component
public class AuthorIdentity {

	public static final String COOKIE = "marginalia_author";

	/** The response header that gives a cookie-less, token-less client the secret it was just issued. */
	public static final String SECRET_HEADER = "Marginalia-Author-Secret";

	private static final Duration COOKIE_AGE = Duration.ofDays(730);

	private final NoteService notes;

	AuthorIdentity(NoteService notes) {
		this.notes = notes;
	}

	/** @return the secret the request presents (bearer token first, then cookie), if well formed */
	public Optional<String> secret(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).strip();
			return AuthorSecrets.isWellFormed(token) ? Optional.of(token) : Optional.empty();
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName()) && AuthorSecrets.isWellFormed(cookie.getValue())) {
					return Optional.of(cookie.getValue());
				}
			}
		}
		return Optional.empty();
	}

	/** @return the author making the request, if it presents a secret */
	public Optional<Author> current(HttpServletRequest request) {
		return secret(request).map(notes::author);
	}

	/** @return who is looking: the author the request presents (if any), and whether it is the moderator */
	public Viewer viewer(HttpServletRequest request) {
		return new Viewer(current(request).orElse(null), ModeratorAccount.isSignedIn(request));
	}

	/**
	 * @return the reader making the request, known by their secret's hash only (no database read; the name
	 * they gave is not looked up): enough to tell their notes from others'
	 */
	public Optional<Author> reader(HttpServletRequest request) {
		return secret(request).map(secret -> new Author(AuthorSecrets.hash(secret), null));
	}

	/** @return who is looking, as {@link #viewer}, but with the author known by their secret's hash only */
	public Viewer pageViewer(HttpServletRequest request) {
		return new Viewer(reader(request).orElse(null), ModeratorAccount.isSignedIn(request));
	}

	/**
	 * @return the author making the request; one who has none is given a new secret, in a cookie and in the
	 * {@value #SECRET_HEADER} response header
	 */
	public Author currentOrNew(HttpServletRequest request, HttpServletResponse response) {
		Optional<Author> current = current(request);
		if (current.isPresent()) {
			return current.get();
		}
		String secret = AuthorSecrets.newSecret();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, secret)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(COOKIE_AGE)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		response.setHeader(SECRET_HEADER, secret);
		return new Author(AuthorSecrets.hash(secret), null);
	}

}
