package dev.marginalia.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The check of the sign-in form that Spring Security's form login hands over: both fields given and not too long
 * ({@link IncompleteSignInException}, not a failure), no lock-out of the username or the address
 * ({@link SignInLockedException}), then the password against the configured hash, known username or not: the same
 * work and the same answer ({@code BadCredentialsException}, counted by {@link SignInGuard}) for both. Spring's
 * {@code DaoAuthenticationProvider} would check an unknown username against a hash of its own cost, not the
 * configured one, which a stopwatch tells apart.
 */
final class ModeratorPasswordCheck implements AuthenticationProvider {

	/** bcrypt reads at most 72 bytes of a password; Spring Security refuses longer ones. */
	private static final int BCRYPT_MAX_BYTES = 72;

	private final ModeratorAccount account;

	private final SignInGuard guard;

	private final PasswordEncoder encoder;

	ModeratorPasswordCheck(ModeratorAccount account, SignInGuard guard, PasswordEncoder encoder) {
		this.account = account;
		this.guard = guard;
		this.encoder = encoder;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		if (!account.isOn()) {
			throw new DisabledException("Moderation is off");
		}
		String username = attempt.getName();
		String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
		List<String> incomplete = new ArrayList<>();
		if (username.isEmpty() || username.length() > IncompleteSignInException.MAX_FIELD) {
			incomplete.add("username");
		}
		if (password.isEmpty() || password.length() > IncompleteSignInException.MAX_FIELD) {
			incomplete.add("password");
		}
		if (!incomplete.isEmpty()) {
			throw new IncompleteSignInException(incomplete);
		}
		Duration wait = guard.wait(username, address(attempt));
		if (!wait.isZero()) {
			throw new SignInLockedException(wait);
		}
		if (!matches(username, password)) {
			throw new BadCredentialsException("That username and password do not match.");
		}
		UserDetails moderator = account.loadUserByUsername(username);
		return UsernamePasswordAuthenticationToken.authenticated(moderator, null, moderator.getAuthorities());
	}

	/** The configured hash is checked every time, whatever the username; an over-long password as an empty one. */
	boolean matches(String username, String password) {
		boolean tooLong = password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
		boolean passwordMatches = encoder.matches(tooLong ? "" : password, account.storedHash());
		boolean usernameMatches = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
				account.username().getBytes(StandardCharsets.UTF_8));
		return usernameMatches & passwordMatches & !tooLong;
	}

	/** @return the address the attempt came from, as the form login recorded it */
	static String address(Authentication attempt) {
		return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
				? details.getRemoteAddress() : "";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
