package dev.marginalia.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.marginalia.hashing.Digests;

/**
 * The random secrets that stand in for accounts. A secret has 256 bits of entropy, so a plain SHA-256 of it is a
 * safe thing to store (no salt or slow hash needed: it cannot be guessed from the hash).
 */
public final class AuthorSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

	private AuthorSecrets() {
	}

	/** @return a new secret: 32 random bytes, base64url (43 characters) */
	public static String newSecret() {
		return random(32);
	}

	/** @return whether the text has the shape of a secret this server issues */
	public static boolean isWellFormed(String secret) {
		return SECRET.matcher(secret).matches();
	}

	/** @return the hash stored in place of the secret */
	public static String hash(String secret) {
		return Digests.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
