package dev.marginalia.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Turns the author secret a request presents into a {@link ReaderAuthentication}: {@code Authorization: Bearer
 * <secret>} first (a program's), then the {@value AuthorCookie#NAME} cookie (a browser's). A bearer token that is
 * not a well-formed secret names nobody, even with a cookie beside it (the API answers it 401). Only the shape is
 * checked, and nothing is read: any secret of that shape names an author, the first write under it included. It
 * comes after the moderator's remember-me in the chain, and keeps the moderator's authorities when both are there.
 */
public final class ReaderAuthenticationFilter extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository repository = new RequestAttributeSecurityContextRepository();

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String secret = secret(request);
		if (secret != null) {
			Authentication signedIn = contexts.getContext().getAuthentication();
			List<GrantedAuthority> authorities = signedIn == null || trust.isAnonymous(signedIn) ? List.of()
					: List.copyOf(signedIn.getAuthorities());
			SecurityContext context = contexts.createEmptyContext();
			context.setAuthentication(new ReaderAuthentication(Reader.withSecret(secret), authorities));
			contexts.setContext(context);
			repository.saveContext(context, request, response);
		}
		chain.doFilter(request, response);
	}

	/** @return the secret the request presents (bearer token first, then cookie), if well formed */
	static @Nullable String secret(HttpServletRequest request) {
		if (hasBearerToken(request)) {
			String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).strip();
			return AuthorSecrets.isWellFormed(token) ? token : null;
		}
		Cookie cookie = WebUtils.getCookie(request, AuthorCookie.NAME);
		return cookie != null && AuthorSecrets.isWellFormed(cookie.getValue()) ? cookie.getValue() : null;
	}

	/** @return whether the request presents a bearer token (which then wins over the cookie, well formed or not) */
	public static boolean hasBearerToken(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}

}
