package dev.marginalia.anchoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextQuoteTests {

	@Test
	void aTextDirectiveKeepsWholeWordsOfContextAndEncodesItsOwnSyntax() {
		TextQuote quote = new TextQuote("two-state, and more", "lt, people and promoting the ", " solution 😀 fo",
				10, 29);
		assertThat(quote.textDirective())
			.isEqualTo("text=people%20and%20promoting%20the-,two%2Dstate%2C%20and%20more,-solution%20%F0%9F%98%80");
	}

	@Test
	void aTextDirectiveWithoutContextIsTheWordsAlone() {
		assertThat(new TextQuote("Kazakhstan", "", "", 0, 10).textDirective()).isEqualTo("text=Kazakhstan");
		assertThat(new TextQuote("end", "Th", ".", 20, 23).textDirective()).isEqualTo("text=end");
		assertThat(new TextQuote("end", "Th", ".", 2, 5).textDirective()).as("the paragraph's first word, whole")
			.isEqualTo("text=Th-,end");
	}

}
