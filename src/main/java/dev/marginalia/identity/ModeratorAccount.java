package dev.marginalia.identity;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The moderator's account, as configured ({@link ModerationProperties}): one, or none (moderation off). Spring
 * Security loads it by its username: a user with the role {@value #ROLE} and the configured bcrypt hash as its
 * password. Any other username is no account.
 */
@Component
public class ModeratorAccount implements UserDetailsService {

	/** The moderator's role: {@code ROLE_MODERATOR} among the authorities, {@code isUserInRole("MODERATOR")}. */
	public static final String ROLE = "MODERATOR";

	private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt\\}\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

	private final ModerationProperties properties;

	ModeratorAccount(ModerationProperties properties) {
		this.properties = properties;
	}

	/** @return whether the request is the signed-in moderator's */
	public static boolean isSignedIn(HttpServletRequest request) {
		return request.isUserInRole(ROLE);
	}

	/** @return whether moderation is on: a username and a usable password hash are configured */
	public boolean isOn() {
		return properties.enabled() && BCRYPT.matcher(storedHash()).matches();
	}

	/** @return the configured username ("" when there is none) */
	String username() {
		return properties.username() == null ? "" : properties.username();
	}

	/** @return the configured hash with its encoder's id ({@code htpasswd -B} prints a bare bcrypt hash) */
	String storedHash() {
		String hash = properties.passwordHash() == null ? "" : properties.passwordHash().strip();
		return hash.startsWith("{") ? hash : "{bcrypt}" + hash;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		if (!isOn() || !username().equals(username)) {
			throw new UsernameNotFoundException("No such account");
		}
		return User.withUsername(username).password(storedHash()).roles(ROLE).build();
	}

}
