package dev.marginalia.annotations;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.annotations.AnnotationDraft.Passage;
import dev.marginalia.anchoring.TextQuote;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassagesTests {

	/** Two astral characters first: code points and UTF-16 units part ways. */
	static final String TEXT = "𝄞𝄞 one two one three one";

	@Test
	void positionsCountCodePointsNotUtf16Units() {
		TextQuote quote = Passages.at(TEXT, 7, 10);
		assertThat(quote.exact()).isEqualTo("two");
		assertThat(quote.prefix()).isEqualTo("𝄞𝄞 one ");
		assertThat(quote.suffix()).isEqualTo(" one three one");
		assertThat(Passages.length(TEXT)).isEqualTo(TEXT.length() - 2);
	}

	@Test
	void contextIsThirtyTwoCodePointsEitherSide() {
		String text = "😀".repeat(40) + "word" + "😀".repeat(40);
		TextQuote quote = Passages.at(text, 40, 44);
		assertThat(quote.prefix()).isEqualTo("😀".repeat(32));
		assertThat(quote.suffix()).isEqualTo("😀".repeat(32));
	}

	@Test
	void aQuoteIsFoundNearestItsStart() {
		assertThat(Passages.quote(TEXT, new Passages.Located("one", null)).start()).isEqualTo(3);
		assertThat(Passages.quote(TEXT, new Passages.Located("one", 12)).start()).isEqualTo(11);
		assertThat(Passages.quote(TEXT, new Passages.Located("one", 99)).start()).isEqualTo(21);
	}

	@Test
	void aPositionAloneSelectsItsWordsWithoutTheSpacesAround() {
		Map<String, String> errors = new LinkedHashMap<>();
		Passages.Located located = Passages.locate(TEXT, new Passage(null, 6, 11, "q", "p"), errors);
		assertThat(errors).isEmpty();
		assertThat(located.exact()).isEqualTo("two");
		assertThat(located.start()).isEqualTo(7);
		assertThat(Passages.locate(TEXT, new Passage(null, 2, 3, "q", "p"), errors)).isNull();
		assertThat(errors).containsKey("p");
	}

	@Test
	void wordsNotThereAndPositionsBeyondTheTextAreErrors() {
		Map<String, String> errors = new LinkedHashMap<>();
		assertThat(Passages.locate(TEXT, new Passage("four", null, null, "q", "p"), errors)).isNull();
		assertThat(Passages.locate(TEXT, new Passage("two", 30, 33, "q", "p"), errors)).isNull();
		assertThat(Passages.locate(TEXT, new Passage(null, 20, 30, "q", "p"), errors)).isNull();
		assertThat(errors).containsOnlyKeys("q.exact", "p.start", "p.end");
		assertThat(Passages.locate(TEXT, new Passage(" two\n", 7, 10, "q", "p"), new LinkedHashMap<>()).exact())
			.isEqualTo("two");
	}

}
