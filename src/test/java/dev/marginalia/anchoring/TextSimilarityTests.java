package dev.marginalia.anchoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.content.Block;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick test before an approximate search: exact for patterns of up to 64 characters, never wrongly "no". */
class TextSimilarityTests {

	static List<String> paragraphs;

	@BeforeAll
	static void load() throws IOException {
		String markdown = Files.readString(Path.of("content", "stability-a-rare-strategic-resource.md"));
		paragraphs = new ArticleParser().parse("stability-a-rare-strategic-resource", markdown.getBytes(StandardCharsets.UTF_8))
			.blocks()
			.stream()
			.map(Block::text)
			.filter(text -> text.length() > 60)
			.toList();
	}

	@Test
	void theFilterNeverRulesOutATextTheApproximateSearchMatches() {
		Random random = new Random(11);
		int matched = 0;
		int ruledOut = 0;
		for (int round = 0; round < 3_000; round++) {
			String source = paragraphs.get(random.nextInt(paragraphs.size()));
			int length = 4 + random.nextInt(Math.min(150, source.length() - 4));
			int from = random.nextInt(source.length() - length + 1);
			String pattern = edited(source.substring(from, from + length), random.nextInt(length / 3 + 1), random);
			int maxErrors = pattern.length() / 4;
			// searched in its own paragraph (a match within a few edits) and in another (mostly none)
			for (String text : List.of(source, paragraphs.get(random.nextInt(paragraphs.size())))) {
				boolean found = TextSimilarity.approximate(text, pattern, maxErrors) != null;
				boolean passes = TextSimilarity.mayMatch(text, pattern, maxErrors);
				assertThat(!found || passes).as("'%s' in '%s'", pattern, text).isTrue();
				if (pattern.length() <= 64) {
					assertThat(passes).as("'%s' in '%s'", pattern, text).isEqualTo(found);
				}
				matched += found ? 1 : 0;
				ruledOut += passes ? 0 : 1;
			}
		}
		// the test means something only if both happen often
		assertThat(matched).isGreaterThan(1_000);
		assertThat(ruledOut).isGreaterThan(1_000);
	}

	@Test
	void aParagraphScoresOneAgainstAnEqualTextOrOneThatKeepsAllOfItAndLessAgainstHalfOfIt() {
		for (String paragraph : paragraphs) {
			assertThat(TextSimilarity.paragraphScore(paragraph, new String(paragraph.toCharArray()))).isEqualTo(1.0);
			assertThat(TextSimilarity.paragraphScore(paragraph, paragraph + " A sentence added at its end."))
				.as("every bigram of the old text kept").isEqualTo(1.0);
			assertThat(TextSimilarity.paragraphScore(paragraph, paragraph.substring(0, paragraph.length() / 2)))
				.isLessThan(0.9);
		}
		assertThat(TextSimilarity.paragraphScore("a", "a")).as("no bigrams at all").isEqualTo(1.0);
		assertThat(TextSimilarity.paragraphScore("a", "b")).isEqualTo(0.0);
	}

	@Test
	void aQuoteFromElsewhereIsRuledOutAndOneWithTyposIsNot() {
		String text = paragraphs.stream().filter(paragraph -> paragraph.length() > 200).findFirst().orElseThrow();
		String quote = text.substring(10, 110);
		assertThat(TextSimilarity.mayMatch(text, quote.replace('e', 'a'), quote.length() / 4)).isTrue();
		assertThat(TextSimilarity.mayMatch(text, "Entirely different words that this paragraph lacks", 12)).isFalse();
	}

	/** The text with this many random edits: a character replaced, inserted or removed. */
	private static String edited(String text, int edits, Random random) {
		StringBuilder out = new StringBuilder(text);
		for (int i = 0; i < edits && out.length() > 1; i++) {
			int at = random.nextInt(out.length());
			switch (random.nextInt(3)) {
				case 0 -> out.setCharAt(at, (char) ('a' + random.nextInt(26)));
				case 1 -> out.insert(at, (char) ('a' + random.nextInt(26)));
				default -> out.deleteCharAt(at);
			}
		}
		return out.toString();
	}

}
