package dev.marginalia.identity;

import org.jspecify.annotations.Nullable;

/**
 * A reader as someone who may do a thing once (flag a note, find it useful): a reader who presents an author secret
 * is known by it, one who does not by a hash of their network address (so readers behind one address who have never
 * written count as one). Only hashes: neither the secret nor the address is kept.
 * @param value {@code author:} and the secret's hash, or {@code ip:} and the address's (at most 67 characters)
 */
public record ReaderKey(String value) {

	/**
	 * @param secretHash the hash of the secret the request presents ({@link Reader#secretHash()}), or null
	 * @param address the request's network address (behind a trusted proxy, the forwarded one)
	 */
	public static ReaderKey of(@Nullable String secretHash, String address) {
		return secretHash != null ? author(secretHash) : new ReaderKey("ip:" + AuthorSecrets.hash(address));
	}

	/** @param secretHash the hash of the secret the reader presents ({@link Reader#secretHash()}) */
	public static ReaderKey author(String secretHash) {
		return new ReaderKey("author:" + secretHash);
	}

	/** @return whether the reader is known by their author secret (not by their address) */
	public boolean isAuthor() {
		return value.startsWith("author:");
	}

	@Override
	public String toString() {
		return "ReaderKey[" + value.substring(0, Math.min(value.length(), 12)) + "…]";
	}

}
