package dev.marginalia.feeds;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What XML 1.0 cannot carry is left out of a feed's text, and nothing else. */
class XmlTextTests {

	@Test
	void controlCharactersAndLoneSurrogatesAreLeftOut() {
		assertThat(XmlText.of("a\u0000b\u0007c\u001Fd\uFFFEe\uFFFF")).isEqualTo("abcde");
		assertThat(XmlText.of("lone \uD800 high, lone \uDC00 low")).isEqualTo("lone  high, lone  low");
	}

	@Test
	void everythingElseIsKeptAsItIs() {
		String text = "Tabs\tand\nlines\r, accents é, CJK 漢字, emoji 😀, <tags> & \"quotes\"";
		assertThat(XmlText.of(text)).isSameAs(text);
	}

}
