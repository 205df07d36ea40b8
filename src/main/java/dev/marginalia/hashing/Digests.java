package dev.marginalia.hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 digests and their lowercase hex. Every feature used to write the same few lines (and the same
 * impossible {@link NoSuchAlgorithmException}); they call this instead, so that the bytes hashed stay each
 * caller's choice (its encoding, its separators) and the hashing itself is written once.
 */
public final class Digests {

	private static final HexFormat HEX = HexFormat.of();

	private Digests() {
	}

	/** @return the SHA-256 of the parts, one after the other, as if they were one array */
	public static byte[] sha256(byte[]... parts) {
		MessageDigest digest = newSha256();
		for (byte[] part : parts) {
			digest.update(part);
		}
		return digest.digest();
	}

	/** @return the SHA-256 of the text's UTF-8 bytes, 64 hex digits */
	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** @return the SHA-256 of the parts, one after the other, 64 hex digits */
	public static String sha256Hex(byte[]... parts) {
		return HEX.formatHex(sha256(parts));
	}

	/**
	 * A short digest, where a tag or a version needs only to tell contents apart, not to resist an attacker.
	 * @param leadingBytes how many of the digest's 32 bytes to keep (twice as many hex digits)
	 * @return the first bytes of the SHA-256 of the text's UTF-8 bytes, in hex
	 */
	public static String sha256Hex(int leadingBytes, String text) {
		return sha256Hex(leadingBytes, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param leadingBytes how many of the digest's 32 bytes to keep (twice as many hex digits)
	 * @return the first bytes of the SHA-256 of the parts, one after the other, in hex
	 */
	public static String sha256Hex(int leadingBytes, byte[]... parts) {
		return HEX.formatHex(sha256(parts), 0, leadingBytes);
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
