package dev.marginalia.notes;

/**
 * A reader who writes: known only by the hash of a random secret they hold (a cookie or a bearer token).
 * @param secretHash SHA-256 of the secret, hex
 * @param displayName the name they last gave, or null
 */
public record Author(String secretHash, @org.jspecify.annotations.Nullable String displayName) {

	@Override
	public String toString() {
		return "Author[" + secretHash.substring(0, 8) + "…]";
	}

}
