package dev.marginalia.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader as someone who may do a thing once: by their secret's hash, else by a hash of their address. */
class ReaderKeyTests {

	@Test
	void aReaderWithASecretIsKnownByItsHash() {
		assertThat(ReaderKey.of("abc123", "192.0.2.1")).isEqualTo(ReaderKey.author("abc123"));
		assertThat(ReaderKey.of("abc123", "192.0.2.1").value()).isEqualTo("author:abc123");
		assertThat(ReaderKey.author("abc123").isAuthor()).isTrue();
	}

	@Test
	void aReaderWithoutOneIsKnownByAHashOfTheirAddressAndNeverByTheAddress() {
		ReaderKey key = ReaderKey.of(null, "192.0.2.1");
		assertThat(key.value()).startsWith("ip:").doesNotContain("192.0.2.1").hasSize(3 + 64);
		assertThat(key.isAuthor()).isFalse();
		assertThat(ReaderKey.of(null, "192.0.2.1")).as("the same address, the same reader").isEqualTo(key);
		assertThat(ReaderKey.of(null, "192.0.2.2")).isNotEqualTo(key);
		assertThat(key.toString()).doesNotContain(key.value());
	}

}
