package dev.marginalia.notes;

import java.util.Optional;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.identity.ModeratorAccount;
import dev.marginalia.identity.Reader;
import dev.marginalia.identity.ReaderKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.marginalia.notes.internal.AuthorRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The reader of a request, as notes know them: Spring Security makes a {@link Reader} of the author secret the
 * request presents (controllers take it with {@code @AuthenticationPrincipal @Nullable Reader}, null for a reader
 * without one); this gives their author, with the name they gave, a new secret on a first write, and who is
 * looking ({@link Viewer}: the reader, and whether the request is the signed-in moderator's).
 */
@Component
public class Readers {

	private final AuthorRepository authors;

	private final AuthorCookie cookie;

	Readers(AuthorRepository authors, AuthorCookie cookie) {
		this.authors = authors;
		this.cookie = cookie;
	}

	/** @return the reader's author, with the name they last gave (one database read), if they present a secret */
	public Optional<Author> current(@Nullable Reader reader) {
		return Optional.ofNullable(reader)
			.map(known -> authors.find(known.secretHash()).orElse(new Author(known.secretHash(), null)));
	}

	/**
	 * @return the reader's author; a reader without a secret is given a new one, in a cookie and in the
	 * {@value AuthorCookie#SECRET_HEADER} response header
	 */
	public Author currentOrNew(@Nullable Reader reader, HttpServletRequest request, HttpServletResponse response) {
		return current(reader).orElseGet(() -> Author.issued(cookie.issue(request, response).secretHash()));
	}

	/** @return who is looking: the reader's author (if any) and whether the request is the moderator's */
	public Viewer viewer(@Nullable Reader reader, HttpServletRequest request) {
		return new Viewer(current(reader).orElse(null), ModeratorAccount.isSignedIn(request));
	}

	/**
	 * @return the reader as someone who may do a thing once (find a note useful): by their secret, or by their
	 * address when they present none
	 */
	public static ReaderKey key(@Nullable Reader reader, HttpServletRequest request) {
		return ReaderKey.of(reader == null ? null : reader.secretHash(), request.getRemoteAddr());
	}

	/**
	 * @return who is looking, as {@link #viewer}, but with the author known by their secret's hash only (nothing
	 * read; the name they gave is not looked up): enough to tell their notes from others'
	 */
	public static Viewer pageViewer(@Nullable Reader reader, HttpServletRequest request) {
		return new Viewer(reader == null ? null : new Author(reader.secretHash(), null),
				ModeratorAccount.isSignedIn(request));
	}

}
