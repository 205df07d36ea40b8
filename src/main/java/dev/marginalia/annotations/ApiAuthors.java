package dev.marginalia.annotations;

import java.util.Optional;

import dev.marginalia.notes.Author;
import dev.marginalia.notes.AuthorIdentity;
import dev.marginalia.notes.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who makes an API request: {@link AuthorIdentity} (bearer token, else cookie), plus the API's answers when that
 * is missing or wrong: 401 with {@code WWW-Authenticate} (RFC 9110 §15.5.2 and RFC 6750 §3).
 */
@Component
class ApiAuthors {

	private final AuthorIdentity identity;

	ApiAuthors(AuthorIdentity identity) {
		this.identity = identity;
	}

	/** @return the reader making the request (see {@link #viewer}), and whether it is the signed-in moderator */
	Viewer viewerOrModerator(HttpServletRequest request) {
		return new Viewer(viewer(request).orElse(null), identity.viewer(request).isModerator());
	}

	/**
	 * @return the reader making the request, if any
	 * @throws ApiProblem 401 for a bearer token this server cannot have issued (rather than reading as nobody)
	 */
	Optional<Author> viewer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		Optional<Author> author = identity.current(request);
		if (bearer && author.isEmpty()) {
			throw ApiProblem.of(HttpStatus.UNAUTHORIZED, "The bearer token is not one this server issues.")
				.withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
		}
		return author;
	}

	/** @throws ApiProblem 401 when the request names no author */
	Author writer(Optional<Author> viewer) {
		return viewer.orElseThrow(() -> ApiProblem
			.of(HttpStatus.UNAUTHORIZED, "Send the secret you were given: Authorization: Bearer <secret>.")
			.withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
	}

	/**
	 * @return the author making the request; a client with neither token nor cookie is given a new secret, in
	 * the {@value AuthorIdentity#SECRET_HEADER} response header (and a cookie)
	 */
	Author writerOrNew(HttpServletRequest request, HttpServletResponse response) {
		return viewer(request).orElseGet(() -> identity.currentOrNew(request, response));
	}

}
