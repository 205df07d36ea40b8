package dev.marginalia.annotations;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseFormatTests {

	@Test
	void jsonLdUnlessPlainJsonIsPreferred() {
		assertThat(negotiate(null)).isEqualTo(ResponseFormat.JSON_LD);
		assertThat(negotiate("*/*")).isEqualTo(ResponseFormat.JSON_LD);
		assertThat(negotiate("application/*")).isEqualTo(ResponseFormat.JSON_LD);
		assertThat(negotiate("application/ld+json;profile=\"http://www.w3.org/ns/anno.jsonld\"")).isEqualTo(ResponseFormat.JSON_LD);
		assertThat(negotiate("application/json, application/ld+json")).isEqualTo(ResponseFormat.JSON_LD);
		assertThat(negotiate("application/json")).isEqualTo(ResponseFormat.JSON);
		assertThat(negotiate("application/ld+json;q=0.1, application/json")).isEqualTo(ResponseFormat.JSON);
		assertThat(negotiate("text/html, */*;q=0.1")).isEqualTo(ResponseFormat.JSON_LD);
		assertThat(negotiate("not a media type")).isEqualTo(ResponseFormat.JSON_LD);
	}

	@Test
	void neitherIsNotAcceptable() {
		assertThatThrownBy(() -> negotiate("text/html")).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> negotiate("application/ld+json;q=0, application/json;q=0, */*"))
			.isInstanceOf(ApiProblem.class);
	}

	private static ResponseFormat negotiate(String accept) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (accept != null) {
			request.addHeader("Accept", accept);
		}
		return ResponseFormat.negotiate(request);
	}

}
