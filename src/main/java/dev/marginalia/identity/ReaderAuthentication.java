package dev.marginalia.identity;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request that presents an author secret: its principal is the {@link Reader}. When the moderator is signed in
 * too (the same browser), the moderator's authorities come along, so that the request is both: the reader's notes
 * are theirs, and the moderator's pages are open.
 */
final class ReaderAuthentication extends AbstractAuthenticationToken {

	private final Reader reader;

	ReaderAuthentication(Reader reader, Collection<? extends GrantedAuthority> signedIn) {
		super(signedIn);
		this.reader = reader;
		setAuthenticated(true);
	}

	@Override
	public Reader getPrincipal() {
		return reader;
	}

	/** @return nothing: the secret is not kept */
	@Override
	public @Nullable Object getCredentials() {
		return null;
	}

}
