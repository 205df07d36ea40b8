package dev.marginalia.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.marginalia.hashing.Digests;
import dev.marginalia.hashing.TimeOrderedKeys;

/**
 * The random secrets that stand in for accounts, and what is stored in their place. A secret has at least 216 bits
 * of entropy, so a plain SHA-256 of it is a safe thing to store (no salt or slow hash needed: it cannot be guessed
 * from the hash).
 * <p>
 * A secret issued now begins with the time it was issued (8 characters, milliseconds, in base64url's characters
 * ordered as databases order text, as note ids do) and goes on with 36 random characters; what is stored for it is
 * those 8 characters and 56 hex digits of its SHA-256 (224 bits). The authors of a time sort together: a new author's
 * rows go into the indexes keyed by the author (the authors, their notes, their places) beside the last new ones,
 * where a random hash changed a page of each of those indexes for each new author, and the embedded database wrote
 * each changed page again at the commit. The time tells nothing that the date of the author's first write does
 * not. Secrets issued before (43 random characters) keep their plain SHA-256.
 */
public final class AuthorSecrets {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** Secrets issued before the time came first (and feed tokens): 43 random characters. */
	private static final Pattern RANDOM_SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

	/** Secrets issued now: the time, then random characters. */
	private static final Pattern TIMED_SECRET = Pattern.compile("[A-Za-z0-9_-]{44}");

	private static final int RANDOM_CHARACTERS = 36;

	private AuthorSecrets() {
	}

	/** @return a new author secret: the time now, then 36 random characters (216 bits), base64url (44 characters) */
	public static String newSecret() {
		return TimeOrderedKeys.next(Instant.now(), RANDOM_CHARACTERS);
	}

	/** @return a new random token (a feed's address): 32 random bytes, base64url (43 characters), nothing else */
	public static String newToken() {
		return random(32);
	}

	/** @return whether the text has the shape of a secret (or token) this server issues, now or before */
	public static boolean isWellFormed(String secret) {
		return TIMED_SECRET.matcher(secret).matches() || RANDOM_SECRET.matcher(secret).matches();
	}

	/**
	 * @return what is stored in place of the secret (64 characters): for a secret issued with its time, that time
	 * and 56 hex digits of its SHA-256; for any other text, the 64 hex digits of its SHA-256
	 */
	public static String hash(String secret) {
		String digest = Digests.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));
		if (TIMED_SECRET.matcher(secret).matches()) {
			return secret.substring(0, TimeOrderedKeys.TIME_CHARACTERS)
					+ digest.substring(0, digest.length() - TimeOrderedKeys.TIME_CHARACTERS);
		}
		return digest;
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
	}

}
