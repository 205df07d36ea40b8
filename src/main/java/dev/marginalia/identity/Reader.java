package dev.marginalia.identity;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;

/**
 * A reader known by the author secret their request presents (there are no accounts): the principal Spring
 * Security makes of it ({@link ReaderAuthenticationFilter}); controllers take it with
 * {@code @AuthenticationPrincipal @Nullable Reader} (null: a reader without a secret). Only the secret's hash is
 * kept: it tells the reader's notes from others' and finds the name they gave; the secret stays in the request.
 * @param secretHash SHA-256 of the secret, hex (see {@link AuthorSecrets#hash})
 */
public record Reader(String secretHash) {

	static Reader withSecret(String secret) {
		return new Reader(AuthorSecrets.hash(secret));
	}

	/** @return the reader a request's principal ({@code request.getUserPrincipal()}) is, or null */
	public static @Nullable Reader of(@Nullable Principal principal) {
		return principal instanceof Authentication authentication && authentication.getPrincipal() instanceof Reader reader
				? reader : null;
	}

	@Override
	public String toString() {
		return "Reader[" + secretHash.substring(0, 8) + "…]";
	}

}
