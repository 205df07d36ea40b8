package dev.marginalia.annotations;

import java.util.Optional;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.identity.ModeratorAccount;
import dev.marginalia.identity.Reader;
import dev.marginalia.identity.ReaderAuthenticationFilter;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.Readers;
import dev.marginalia.notes.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who makes an API request: the {@link Reader} Spring Security made of its bearer token, else its cookie (see
 * {@link ReaderAuthenticationFilter}), plus the API's answers when that is missing or wrong: 401 with
 * {@code WWW-Authenticate} (RFC 9110 §15.5.2 and RFC 6750 §3).
 */
@Component
class ApiAuthors {

	private final Readers readers;

	ApiAuthors(Readers readers) {
		this.readers = readers;
	}

	/** @return the reader making the request (see {@link #viewer}), and whether it is the signed-in moderator */
	Viewer viewerOrModerator(HttpServletRequest request) {
		return new Viewer(viewer(request).orElse(null), ModeratorAccount.isSignedIn(request));
	}

	/**
	 * @return the reader making the request, if any
	 * @throws ApiProblem 401 for a bearer token this server cannot have issued (rather than reading as nobody)
	 */
	Optional<Author> viewer(HttpServletRequest request) {
		Optional<Author> author = readers.current(Reader.of(request.getUserPrincipal()));
		if (author.isEmpty() && ReaderAuthenticationFilter.hasBearerToken(request)) {
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
	 * the {@value AuthorCookie#SECRET_HEADER} response header (and a cookie)
	 */
	Author writerOrNew(HttpServletRequest request, HttpServletResponse response) {
		return viewer(request).orElseGet(() -> readers.currentOrNew(null, request, response));
	}

}
