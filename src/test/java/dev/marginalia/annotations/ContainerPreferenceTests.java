package dev.marginalia.annotations;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerPreferenceTests {

	@Test
	void withoutPreferTheContainerHoldsDescriptions() {
		ContainerPreference preference = ContainerPreference.of(new MockHttpServletRequest(), null);
		assertThat(preference).isEqualTo(new ContainerPreference(false, false, false));
	}

	@Test
	void theIncludeParameterListsThePreferencesSeparatedBySpaces() {
		ContainerPreference preference = ContainerPreference.of(prefer("return=representation; include=\""
				+ Vocabulary.PREFER_MINIMAL_CONTAINER + " " + Vocabulary.PREFER_CONTAINED_IRIS + "\""), null);
		assertThat(preference).isEqualTo(new ContainerPreference(true, true, true));
	}

	@Test
	void otherPreferencesInTheSameHeaderAreIgnored() {
		ContainerPreference preference = ContainerPreference.of(
				prefer("respond-async, return=representation;include=\"" + Vocabulary.PREFER_CONTAINED_IRIS + "\""),
				false);
		assertThat(preference.iris()).isTrue();
		assertThat(ContainerPreference.of(prefer("return=minimal"), null).applied()).isFalse();
	}

	@Test
	void theQueryParameterDecidesWhenPreferDoesNot() {
		assertThat(ContainerPreference.of(new MockHttpServletRequest(), true).iris()).isTrue();
		assertThat(ContainerPreference.of(prefer("return=representation;include=\""
				+ Vocabulary.PREFER_CONTAINED_DESCRIPTIONS + "\""), true).iris()).isFalse();
	}

	@Test
	void askingForIrisAndDescriptionsAtOnceIsAnError() {
		assertThatThrownBy(() -> ContainerPreference.of(prefer("return=representation;include=\""
				+ Vocabulary.PREFER_CONTAINED_IRIS + " " + Vocabulary.PREFER_CONTAINED_DESCRIPTIONS + "\""), null))
			.isInstanceOf(ApiProblem.class);
	}

	private static MockHttpServletRequest prefer(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Prefer", value);
		return request;
	}

}
