package dev.marginalia.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import dev.marginalia.hashing.Digests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.security.web.authentication.rememberme.PersistentTokenBasedRememberMeServices;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The moderator's sign-ins, kept as Spring Security's persistent remember-me, always on: no instance keeps a
 * session, so this is how every instance knows a signed-in moderator. Each sign-in gets a new random series and
 * token in the {@value #COOKIE} cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} over TLS, for
 * {@code marginalia.moderation.sign-in-lifetime}) and a row of {@code persistent_logins}. Nothing a browser held
 * before signing in is accepted (a series exists only once the server has made it). Three changes to Spring's
 * class:
 * <ul>
 * <li>the token is not renewed on each request: a page, its scripts and its event stream ask at once, and all
 * but the first would look like a stolen cookie (Spring's answer: every sign-in ended);</li>
 * <li>the table keeps a SHA-256 of the token with the password hash signed in with, not the token: the database
 * alone signs nobody in, and a new password ends every sign-in;</li>
 * <li>signing out deletes this sign-in, found by its cookie (without a session, nobody is authenticated yet when
 * the sign-out runs, and Spring's class would delete nothing); a failed sign-in leaves the cookie alone.</li>
 * </ul>
 */
@Component
public final class ModeratorSignIns extends PersistentTokenBasedRememberMeServices {

	public static final String COOKIE = "marginalia_moderator";

	private final SignInTokens tokens;

	private final ModeratorAccount account;

	private final Duration lifetime;

	private final Clock clock;

	ModeratorSignIns(SignInTokens tokens, ModeratorAccount account, ModerationProperties properties, Clock clock) {
		// the key only ties the authentication made here to this instance's check of it
		super(UUID.randomUUID().toString(), account, tokens);
		this.tokens = tokens;
		this.account = account;
		this.lifetime = properties.signInLifetime();
		this.clock = clock;
		setCookieName(COOKIE);
		setCookieCustomizer(cookie -> cookie.setAttribute("SameSite", "Strict"));
		setTokenValiditySeconds((int) lifetime.toSeconds());
		setTokenLength(32);
		setAlwaysRemember(true);
	}

	@Override
	protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication moderator) {
		String series = generateSeriesData();
		String token = generateTokenData();
		Date now = Date.from(clock.instant());
		tokens.removeSignedInBefore(Date.from(clock.instant().minus(lifetime)));
		tokens.createNewToken(new PersistentRememberMeToken(moderator.getName(), series, stored(token), now));
		setCookie(new String[] { series, token }, getTokenValiditySeconds(), request, response);
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookie, HttpServletRequest request,
			HttpServletResponse response) {
		PersistentRememberMeToken signIn = find(cookie);
		if (signIn == null) {
			throw new RememberMeAuthenticationException("Not a sign-in of the moderator's");
		}
		if (signIn.getDate().toInstant().plus(lifetime).isBefore(clock.instant())) {
			throw new RememberMeAuthenticationException("The sign-in has expired");
		}
		return getUserDetailsService().loadUserByUsername(signIn.getUsername());
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		cancelCookie(request, response);
		String cookie = extractRememberMeCookie(request);
		if (cookie == null || cookie.isEmpty()) {
			return;
		}
		try {
			PersistentRememberMeToken signIn = find(decodeCookie(cookie));
			if (signIn != null) {
				tokens.removeSeries(signIn.getSeries());
			}
		}
		catch (InvalidCookieException ex) {
			// not a cookie of ours: nothing to end
		}
	}

	@Override
	public void loginFail(HttpServletRequest request, HttpServletResponse response) {
		// a failed sign-in sets no cookie, and ends no sign-in
	}

	/** @return the sign-in the cookie's series and token name, or null */
	private @Nullable PersistentRememberMeToken find(String[] cookie) {
		if (cookie.length != 2) {
			throw new InvalidCookieException("Not a series and a token");
		}
		PersistentRememberMeToken signIn = tokens.getTokenForSeries(cookie[0]);
		if (signIn == null || !MessageDigest.isEqual(signIn.getTokenValue().getBytes(StandardCharsets.US_ASCII),
				stored(cookie[1]).getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		return signIn;
	}

	/** @return what the table keeps of a token: its SHA-256 with the password hash (a new password, a new hash) */
	private String stored(String token) {
		return Digests.sha256Hex(account.storedHash() + "\n" + token);
	}

}
