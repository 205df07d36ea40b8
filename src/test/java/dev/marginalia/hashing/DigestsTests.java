package dev.marginalia.hashing;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The values stored and sent (author hashes, block hashes, entity tags, asset versions) were written by copies of
 * this code: these known SHA-256 values (FIPS 180-2's "abc", and others from another implementation) keep them
 * as they were: lowercase hex, UTF-8 text, parts hashed as one.
 */
class DigestsTests {

	@Test
	void theHexOfAKnownDigestIsLowercaseAndWhole() {
		assertThat(Digests.sha256Hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(Digests.sha256Hex(new byte[0]))
			.isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void textIsHashedAsUtf8() {
		assertThat(Digests.sha256Hex("Zoë"))
			.isEqualTo("c6a12698582fc1104ea24107a2d7268145ff06ef859707729d01fd060897f067")
			.isEqualTo(Digests.sha256Hex("Zoë".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void aShortDigestIsTheStartOfTheWholeOne() {
		assertThat(Digests.sha256Hex(16, "abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223");
		assertThat(Digests.sha256Hex(6, "abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo("ba7816bf8f01");
	}

	@Test
	void partsAreHashedOneAfterTheOther() {
		byte[] mediaType = "application/json".getBytes(StandardCharsets.UTF_8);
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		assertThat(Digests.sha256Hex(16, mediaType, new byte[] {0}, body)).isEqualTo("2f899668f4040d7b8822b5019944efd8");
		assertThat(Digests.sha256("ab".getBytes(StandardCharsets.US_ASCII), "c".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(Digests.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
	}

}
