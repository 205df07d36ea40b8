package dev.marginalia.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password against the configured ones, through Spring Security's
 * DelegatingPasswordEncoder. An unknown username costs the same as a wrong password: the password is checked
 * against the configured hash either way, and the answer is the same.
 */
@Component
class ModeratorCredentials {

	private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt\\}\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");

	private final PasswordEncoder encoder;

	private final ModerationProperties properties;

	@Autowired
	ModeratorCredentials(ModerationProperties properties) {
		this(properties, PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	ModeratorCredentials(ModerationProperties properties, PasswordEncoder encoder) {
		this.properties = properties;
		this.encoder = encoder;
	}

	/** @return whether moderation is on: a username and a usable password hash are configured */
	boolean isOn() {
		return properties.enabled() && isUsable();
	}

	boolean matches(String username, String password) {
		if (!isOn()) {
			return false;
		}
		boolean passwordMatches = encoder.matches(password, storedHash());
		boolean usernameMatches = MessageDigest.isEqual(username.getBytes(StandardCharsets.UTF_8),
				properties.username().getBytes(StandardCharsets.UTF_8));
		return usernameMatches & passwordMatches;
	}

	/** @return the configured hash with its encoder's id ({@code htpasswd -B} prints a bare bcrypt hash) */
	String storedHash() {
		String hash = properties.passwordHash().strip();
		return hash.startsWith("{") ? hash : "{bcrypt}" + hash;
	}

	/** @return whether the configured hash is a bcrypt hash, the kind this application checks */
	boolean isUsable() {
		return BCRYPT.matcher(storedHash()).matches();
	}

}
