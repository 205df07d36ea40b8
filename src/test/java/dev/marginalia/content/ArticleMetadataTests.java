package dev.marginalia.content;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleMetadataTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			A plain headline                      | “A plain headline”
			“The world is entering an era”        | “The world is entering an era”
			"Straight quotes"                     | "Straight quotes"
			«Guillemets»                          | «Guillemets»
			„Deutsche Anführungszeichen“          | „Deutsche Anführungszeichen“
			“A quote” and what follows            | ““A quote” and what follows”
			A headline ending in a “quote”        | “A headline ending in a “quote””
			“                                     | ““”
			""")
	void aTitleIsQuotedOnceWhateverMarksItHasItself(String title, String quoted) {
		assertThat(new ArticleMetadata(title, "", "", "", "en").quotedTitle()).isEqualTo(quoted);
	}

}
