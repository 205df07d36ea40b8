package dev.marginalia.notes;

/**
 * A reader who writes: known only by the hash of a random secret they hold (a cookie or a bearer token).
 * @param secretHash SHA-256 of the secret, hex
 * @param displayName the name they last gave, or null
 * @param issuedNow whether their secret was issued by the request at hand (their first write): such an author has
 * no notes yet, so nothing about their notes needs to be read
 */
public record Author(String secretHash, @org.jspecify.annotations.Nullable String displayName, boolean issuedNow) {

	/** An author known before the request at hand. */
	public Author(String secretHash, @org.jspecify.annotations.Nullable String displayName) {
		this(secretHash, displayName, false);
	}

	/** @return the author of a secret that the request at hand has just issued */
	public static Author issued(String secretHash) {
		return new Author(secretHash, null, true);
	}

	@Override
	public String toString() {
		return "Author[" + secretHash.substring(0, 8) + "…]";
	}

}
