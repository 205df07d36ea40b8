package dev.marginalia.annotations;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTests {

	@Test
	void ifMatchComparesStrongly() {
		assertThat(EntityTags.matches("\"a-1\"", "\"a-1\"")).isTrue();
		assertThat(EntityTags.matches("W/\"a-1\"", "\"a-1\"")).isFalse();
		assertThat(EntityTags.matches("\"a-2\"", "\"a-1\"")).isFalse();
	}

	@Test
	void ifMatchTakesAListOrAStar() {
		assertThat(EntityTags.matches("\"x\", \"a-1\"", "\"a-1\"")).isTrue();
		assertThat(EntityTags.matches("\"a,1\", \"b\"", "\"a,1\"")).isTrue();
		assertThat(EntityTags.matches("*", "\"a-1\"")).isTrue();
	}

	@Test
	void aRepresentationsTagDependsOnItsBytesAndMediaType() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		assertThat(EntityTags.of(body, "application/json")).isEqualTo(EntityTags.of(body, "application/json"))
			.isNotEqualTo(EntityTags.of(body, "application/ld+json"))
			.isNotEqualTo(EntityTags.of("[]".getBytes(StandardCharsets.UTF_8), "application/json"))
			.matches("\"[0-9a-f]{32}\"");
	}

}
