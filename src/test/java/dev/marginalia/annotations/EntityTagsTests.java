package dev.marginalia.annotations;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class EntityTagsTests {

	@Test
	void ifMatchComparesStrongly() {
		assertThat(matches("\"a-1\"", "\"a-1\"")).isTrue();
		assertThat(matches("W/\"a-1\"", "\"a-1\"")).isFalse();
		assertThat(matches("\"a-2\"", "\"a-1\"")).isFalse();
	}

	@Test
	void ifMatchTakesAListOrAStar() {
		assertThat(matches("\"x\", \"a-1\"", "\"a-1\"")).isTrue();
		assertThat(matches("\"a,1\", \"b\"", "\"a,1\"")).isTrue();
		assertThat(matches("*", "\"a-1\"")).isTrue();
	}

	@Test
	void aWriteWithoutPreconditionsPasses() {
		assertThat(EntityTags.preconditionFails(new MockHttpServletRequest("PUT", "/"), "\"a-1\"")).isFalse();
	}

	/** @return whether a PUT with this If-Match may change a resource whose tag is {@code current} */
	private static boolean matches(String ifMatch, String current) {
		MockHttpServletRequest put = new MockHttpServletRequest("PUT", "/");
		put.addHeader("If-Match", ifMatch);
		return !EntityTags.preconditionFails(put, current);
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
