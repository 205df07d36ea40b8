package dev.marginalia.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.marginalia.hashing.Digests;

import static org.assertj.core.api.Assertions.assertThat;

/** Author secrets begin with their time, and so do the hashes stored for them; secrets issued before still work. */
class AuthorSecretsTests {

	@Test
	void aNewSecretIsFortyFourCharactersOfBase64urlAndWellFormed() {
		String secret = AuthorSecrets.newSecret();

		assertThat(secret).matches("[A-Za-z0-9_-]{44}");
		assertThat(AuthorSecrets.isWellFormed(secret)).isTrue();
	}

	@Test
	void theHashOfANewSecretIsItsTimeAndFiftySixHexDigitsOfItsDigest() {
		String secret = AuthorSecrets.newSecret();
		String digest = Digests.sha256Hex(secret.getBytes(StandardCharsets.US_ASCII));

		assertThat(AuthorSecrets.hash(secret)).hasSize(64)
			.isEqualTo(secret.substring(0, 8) + digest.substring(0, 56))
			.isEqualTo(AuthorSecrets.hash(secret));
	}

	@Test
	void theHashesOfSecretsIssuedOneAfterAnotherSortInThatOrderAndDiffer() {
		List<String> hashes = new ArrayList<>();
		Set<String> distinct = new HashSet<>();
		long until = System.currentTimeMillis() + 20;
		while (System.currentTimeMillis() <= until || hashes.size() < 1_000) {
			String hash = AuthorSecrets.hash(AuthorSecrets.newSecret());
			// within one millisecond the order is the random part's: compare the time alone
			hashes.add(hash.substring(0, 8));
			distinct.add(hash);
		}

		assertThat(hashes).isSorted();
		assertThat(new HashSet<>(hashes)).hasSizeGreaterThan(1);
		assertThat(distinct).hasSize(hashes.size());
	}

	@Test
	void aSecretIssuedBeforeKeepsItsPlainDigest() {
		String before = AuthorSecrets.newToken();
		String digest = Digests.sha256Hex(before.getBytes(StandardCharsets.US_ASCII));

		assertThat(before).matches("[A-Za-z0-9_-]{43}");
		assertThat(AuthorSecrets.isWellFormed(before)).isTrue();
		assertThat(AuthorSecrets.hash(before)).isEqualTo(digest);
	}

	@Test
	void anythingElseIsNotASecret() {
		assertThat(AuthorSecrets.isWellFormed("")).isFalse();
		assertThat(AuthorSecrets.isWellFormed("a".repeat(42))).isFalse();
		assertThat(AuthorSecrets.isWellFormed("a".repeat(45))).isFalse();
		assertThat(AuthorSecrets.isWellFormed("a".repeat(43) + "=")).isFalse();
		assertThat(AuthorSecrets.isWellFormed("a".repeat(40) + "a/b+")).isFalse();
	}

}
