package dev.marginalia.anchoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import dev.marginalia.content.Article;
import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.content.Block;
import dev.marginalia.anchoring.Anchor;
import dev.marginalia.anchoring.Placement.Method;
import dev.marginalia.anchoring.Placement;
import dev.marginalia.anchoring.TextQuote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of edit scenarios: the seed article is edited in each way a correction can take, and every note
 * must land where a reader would expect, or be orphaned, never on a look-alike. The table is printed.
 */
class ReAnchoringTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static String source;

	static Article original;

	static final List<String> table = new ArrayList<>();

	@BeforeAll
	static void load() throws IOException {
		source = Files.readString(Path.of("content", SLUG + ".md"));
		original = parse(source);
	}

	@AfterAll
	static void printTable() {
		System.out.println("RE-ANCHORING SCENARIOS (minimum score " + ReAnchoring.MIN_SCORE + ", passages "
				+ ReAnchoring.MIN_QUOTE_SCORE + ")");
		table.forEach(System.out::println);
	}

	static Article parse(String markdown) {
		return new ArticleParser().parse(SLUG, markdown.getBytes(StandardCharsets.UTF_8));
	}

	static Block block(Article article, String startsWith) {
		return article.blocks().stream().filter(b -> b.text().startsWith(startsWith)).findFirst().orElseThrow();
	}

	static Anchor paragraphNote(String startsWith) {
		Block block = block(original, startsWith);
		return new Anchor(block.id(), block.position(), block.text(), null);
	}

	static Anchor passageNote(String startsWith, String exact, int occurrence) {
		Block block = block(original, startsWith);
		String text = block.text();
		int at = -1;
		for (int i = 0; i <= occurrence; i++) {
			at = text.indexOf(exact, at + 1);
		}
		int start = text.codePointCount(0, at);
		TextQuote quote = new TextQuote(exact, text.substring(Math.max(0, at - 32), at),
				text.substring(at + exact.length(), Math.min(text.length(), at + exact.length() + 32)), start,
				start + exact.codePointCount(0, exact.length()));
		return new Anchor(block.id(), block.position(), block.text(), quote);
	}

	static Article edit(UnaryOperator<String> change) {
		String edited = change.apply(source);
		assertThat(edited).as("the scenario changed the article").isNotEqualTo(source);
		return parse(edited);
	}

	static Optional<Placement> place(String scenario, Article edited, Anchor anchor, String expected) {
		Optional<Placement> placement = new ReAnchoring(edited).place(anchor);
		table.add(String.format("| %-44s | %-14s | %-42s | %s |", scenario, anchor.quote() == null ? "paragraph" : "passage",
				placement.map(p -> p.method() + " " + p.block().id() + String.format(" (%.2f)", p.score())).orElse("ORPHANED"),
				expected));
		return placement;
	}

	@Test
	void typoFixed() {
		Article edited = edit(text -> text.replace("hundreds of millions of people", "hundreds of milions of people"));
		Optional<Placement> placed = place("typo fixed", edited, paragraphNote("As a result"), "same paragraph");
		assertThat(placed).get().satisfies(p -> {
			assertThat(p.method()).isEqualTo(Method.SAME_ID);
			assertThat(p.block().text()).contains("milions");
		});
	}

	@Test
	void sentenceAdded() {
		Article edited = edit(text -> text.replace("It is a sign of political maturity.",
				"It is a sign of political maturity. Maturity also means patience."));
		Optional<Placement> placed = place("sentence added", edited, paragraphNote("The world does not reject"),
				"same paragraph, new id");
		assertThat(placed).get().satisfies(p -> assertThat(p.block().text()).endsWith("Maturity also means patience."));
	}

	@Test
	void sentenceRemoved() {
		Article edited = edit(text -> text.replace(" The involvement of well-known political figures in such schemes "
				+ "only intensified the already critical attitude towards governments associated with leftist ideological programs.", ""));
		Optional<Placement> placed = place("sentence removed", edited, paragraphNote("This loss of trust"),
				"same paragraph, new id");
		assertThat(placed).get().satisfies(p -> {
			assertThat(p.block().text()).startsWith("This loss of trust").doesNotContain("well-known");
			assertThat(p.score()).isGreaterThanOrEqualTo(ReAnchoring.MIN_SCORE);
		});
	}

	@Test
	void paragraphSplitInTwo() {
		Article edited = edit(text -> text.replace("inconvenience, and stability cannot be based on ideological dogma.",
				"inconvenience, and stability cannot be based on ideological dogma.").replace(
				"This shift became particularly evident", "\n>\n> This shift became particularly evident"));
		Anchor paragraph = paragraphNote("The current international situation");
		Anchor passage = passageNote("The current international situation", "national interests cannot be ignored", 0);
		Block first = block(edited, "The current international situation");
		Block second = block(edited, "This shift became");
		assertThat(second.text().length()).isGreaterThan(first.text().length());
		assertThat(place("paragraph split in two", edited, paragraph, "the part with most of the text")).get()
			.satisfies(p -> assertThat(p.block()).isEqualTo(second));
		assertThat(place("paragraph split in two", edited, passage, "the part with the quote")).get()
			.satisfies(p -> assertThat(p.block().text()).startsWith("This shift became"));
	}

	@Test
	void twoParagraphsMerged() {
		Article edited = edit(text -> text.replace("common sense.\n>\n> As a result", "common sense. As a result"));
		Block merged = block(edited, "However, over time");
		assertThat(merged.text()).contains("As a result");
		assertThat(place("two paragraphs merged (first)", edited, paragraphNote("However, over time"), "the merged paragraph"))
			.get().satisfies(p -> assertThat(p.block()).isEqualTo(merged));
		assertThat(place("two paragraphs merged (second)", edited, paragraphNote("As a result"), "the merged paragraph"))
			.get().satisfies(p -> assertThat(p.block()).isEqualTo(merged));
	}

	@Test
	void paragraphMoved() {
		String moved = "> The world can no longer afford such an approach.\n>\n";
		Article edited = edit(text -> text.replace(moved, "").replace("> Kazakhstan remains true", moved + "> Kazakhstan remains true"));
		Anchor anchor = paragraphNote("The world can no longer");
		assertThat(place("paragraph moved", edited, anchor, "same paragraph, same id")).get().satisfies(p -> {
			assertThat(p.method()).isEqualTo(Method.SAME_ID);
			assertThat(p.block().position()).isNotEqualTo(anchor.blockPosition());
		});
	}

	@Test
	void paragraphDeleted() {
		Article edited = edit(text -> text.replace("> All these steps make the partnership with the United States stronger than ever.\n>\n", ""));
		assertThat(place("paragraph deleted", edited, paragraphNote("All these steps"), "orphaned")).isEmpty();
		assertThat(place("paragraph deleted", edited, passageNote("All these steps", "stronger than ever", 0), "orphaned")).isEmpty();
	}

	@Test
	void wholeArticleRewritten() {
		String rewritten = source.substring(0, source.indexOf("# ")) + """
				# A different piece altogether

				Autumn rain fell on the harbour town while the fishing boats waited for the tide to turn.

				> Markets opened late on Tuesday after a power cut stopped the trading floor for two hours.
				>
				> The committee will publish its findings on school meals in the spring.
				>
				> Engineers replaced the old bridge with a lighter steel design that carries twice the load.
				""";
		Article edited = parse(rewritten);
		int orphaned = 0;
		for (Block block : original.blocks()) {
			if (new ReAnchoring(edited).place(new Anchor(block.id(), block.position(), block.text(), null)).isEmpty()) {
				orphaned++;
			}
		}
		table.add(String.format("| %-44s | %-14s | %-42s | %s |", "whole article rewritten", "paragraph",
				orphaned + " of " + original.blocks().size() + " ORPHANED", "all orphaned"));
		assertThat(orphaned).isEqualTo(original.blocks().size());
	}

	@Test
	void paragraphDuplicated() {
		String copy = "> The world can no longer afford such an approach.\n>\n";
		Article edited = edit(text -> text.replace(copy, copy + copy));
		Anchor anchor = paragraphNote("The world can no longer");
		List<Block> copies = edited.blocks().stream().filter(b -> b.text().equals(anchor.blockText())).toList();
		assertThat(copies).hasSize(2);
		assertThat(copies.get(0).id()).isNotEqualTo(anchor.blockId());
		assertThat(place("paragraph duplicated", edited, anchor, "the first copy")).get().satisfies(p -> {
			assertThat(p.method()).isEqualTo(Method.NEAR_ID);
			assertThat(p.block()).isEqualTo(copies.get(0));
		});
	}

	@Test
	void aQuoteThatOccursTwiceKeepsItsOwnOccurrence() {
		Anchor first = passageNote("However, over time", "without", 0);
		Anchor second = passageNote("However, over time", "without", 1);
		Article edited = edit(text -> text.replace("However, over time, this concept", "However, over time, this idea"));
		Placement one = place("quote occurs twice (first)", edited, first, "the first occurrence").orElseThrow();
		Placement two = place("quote occurs twice (second)", edited, second, "the second occurrence").orElseThrow();
		String text = one.block().text();
		assertThat(text.substring(one.range().start(), one.range().end())).isEqualTo("without");
		assertThat(two.range().start()).isGreaterThan(one.range().start());
		assertThat(text.substring(0, one.range().start())).endsWith("inclusivity ");
		assertThat(text.substring(0, two.range().start())).endsWith("freedom ");
	}

	@Test
	void aPassageWithATypoFixedInsideItIsFoundByItsQuote() {
		Anchor anchor = passageNote("The world does not reject", "order must be based on the rule of law", 0);
		Article edited = edit(text -> text.replace("order must be based on the rule of law", "order must be founded on the rule of law"));
		Placement placed = place("typo fixed inside the quote", edited, anchor, "the edited passage").orElseThrow();
		assertThat(placed.block().text().substring(placed.range().start(), placed.range().end()))
			.contains("founded on the rule of law");
	}

	@Test
	void aPassageWhoseWordsAreGoneIsOrphanedEvenIfItsParagraphStays() {
		Anchor anchor = passageNote("The world does not reject", "crystal clear", 0);
		Article edited = edit(text -> text.replace("The emerging new doctrine is crystal clear: ", "The emerging new doctrine: "));
		assertThat(place("quoted words deleted", edited, anchor, "orphaned")).isEmpty();
	}

	@Test
	void twoOccurrencesWithTheSameContextAreTiedAndTheNoteIsOrphanedUnlessItsPositionNamesOne() {
		Article article = parse("---\ntitle: T\n---\nHe said the same words. He said the same words. And then he left.\n");
		Block block = article.blocks().get(0);
		int second = block.text().lastIndexOf("same words");
		TextQuote farFromBoth = new TextQuote("same", "said the ", " words", 40, 44);
		TextQuote atTheSecond = new TextQuote("same", "said the ", " words", second, second + 4);
		ReAnchoring reAnchoring = new ReAnchoring(article);
		Optional<Placement> guessed = reAnchoring.place(new Anchor(block.id(), 0, block.text(), farFromBoth));
		table.add(String.format("| %-44s | %-14s | %-42s | %s |", "two occurrences, same context", "passage",
				guessed.map(p -> p.range().toString()).orElse("ORPHANED"), "orphaned"));
		assertThat(guessed).as("a tie that no position singles out is not guessed").isEmpty();
		assertThat(reAnchoring.place(new Anchor(block.id(), 0, block.text(), atTheSecond))).get()
			.satisfies(p -> assertThat(p.range()).isEqualTo(new CodePointRange(second, second + 4)));
	}

	@Test
	void aQuoteThatLeftItsParagraphForTwoEqualPlacesIsOrphaned() {
		Article article = parse("---\ntitle: T\n---\nFirst the words of peace came.\n\nAn unrelated line about trade and "
				+ "tariffs.\n\nThen the words of peace came.\n");
		Anchor anchor = new Anchor("p-gone", 1, "Quagga zebras yodel over xylophones.",
				new TextQuote("words of peace", "the ", " came", 9, 23));
		assertThat(new ReAnchoring(article).place(anchor)).as("two paragraphs hold it equally").isEmpty();
	}

	@Test
	void aParagraphWithTwoEqualCopiesEquallyFarFromItsOldPlaceIsOrphaned() {
		Article article = parse("---\ntitle: T\n---\nThe words of peace came at dawn to the valley.\n\nAn unrelated line "
				+ "about trade and tariffs.\n\nThe words of peace came at dawn to the valley.\n");
		Anchor anchor = new Anchor("p-gone", 1, "The words of peace came at dawn to the valley.", null);
		assertThat(new ReAnchoring(article).place(anchor)).as("one copy before, one after").isEmpty();
		Anchor nearer = new Anchor("p-gone", 0, "The words of peace came at dawn to the valley.", null);
		assertThat(new ReAnchoring(article).place(nearer)).get().satisfies(p -> assertThat(p.block().position()).isZero());
	}

	@Test
	void positionsAreInCodePoints() {
		Article article = parse("---\ntitle: T\n---\nEmoji 😀 first, then the quoted words and 😀 more.\n");
		Block block = article.blocks().get(0);
		String exact = "the quoted words";
		int utf16 = block.text().indexOf(exact);
		int codePoints = block.text().codePointCount(0, utf16);
		assertThat(codePoints).isEqualTo(utf16 - 1);
		Anchor anchor = new Anchor(block.id(), 0, block.text(),
				new TextQuote(exact, block.text().substring(0, utf16), " and 😀 more.", codePoints, codePoints + exact.length()));
		Placement placed = new ReAnchoring(article).place(anchor).orElseThrow();
		assertThat(placed.range()).isEqualTo(new CodePointRange(codePoints, codePoints + exact.length()));
	}

	@Test
	void unrelatedParagraphsScoreFarBelowTheMinimum() {
		double worst = 0;
		for (Block a : original.blocks()) {
			for (Block b : original.blocks()) {
				boolean related = a == b || a.text().contains(b.text().substring(1, 40)) || b.text().contains(a.text().substring(1, 40));
				if (!related) {
					worst = Math.max(worst, TextSimilarity.paragraphScore(a.text(), b.text()));
				}
			}
		}
		table.add(String.format("| %-44s | %-14s | %-42s | %s |", "noise: best score between unrelated paragraphs",
				"paragraph", String.format("%.2f", worst), "below " + ReAnchoring.MIN_SCORE));
		assertThat(worst).isLessThan(ReAnchoring.MIN_SCORE / 2);
	}

}
