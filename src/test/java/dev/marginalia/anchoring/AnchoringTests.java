package dev.marginalia.anchoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.marginalia.anchoring.Resolution.Reason;
import dev.marginalia.anchoring.Resolution.Refused;
import dev.marginalia.anchoring.Resolution.Resolved;
import dev.marginalia.anchoring.Selector.Alternatives;
import dev.marginalia.anchoring.Selector.ContainerRange;
import dev.marginalia.anchoring.Selector.Css;
import dev.marginalia.anchoring.Selector.Fragment;
import dev.marginalia.anchoring.Selector.Range;
import dev.marginalia.anchoring.Selector.TextPosition;
import dev.marginalia.anchoring.Selector.XPath;
import dev.marginalia.content.Article;
import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.content.Block;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anchoring face on a table of cases: occurrences told apart by prefix, by suffix, by context across a paragraph
 * boundary (with a page's controls between), by a position hint; what stays ambiguous is refused with its
 * candidates; typographic quotes, non-BMP characters and white space; every selector shape. The table of ambiguous
 * and refused cases is printed.
 */
class AnchoringTests {

	private static final String SLUG = "stability-a-rare-strategic-resource";

	private static final Anchoring anchoring = new Anchoring();

	private static final List<String> table = new ArrayList<>();

	private static Article seed;

	/** Four paragraphs with words that repeat, inside one paragraph and across them. */
	private static final Article small = parse("small", """
			---
			title: Small
			---
			Alpha ends here. The dog ran. The dog slept.

			Kazakhstan joins the club. Then the club grows.

			Beta ends there. The dog ran.

			Kazakhstan joins the club. Emoji 😀 first, then the “quoted words” and 😀 more.
			""");

	@BeforeAll
	static void load() throws IOException {
		seed = parse(SLUG, Files.readString(Path.of("content", SLUG + ".md")));
	}

	@AfterAll
	static void printTable() {
		System.out.println("ANCHORING CASES (target -> answer)");
		table.forEach(System.out::println);
	}

	static Article parse(String slug, String markdown) {
		return new ArticleParser().parse(slug, markdown.getBytes(StandardCharsets.UTF_8));
	}

	static Block block(Article article, int index) {
		return article.blocks().get(index);
	}

	static Selector.TextQuote quote(String exact, String prefix, String suffix) {
		return new Selector.TextQuote(exact, prefix, suffix, null);
	}

	Resolved resolved(String name, Article article, Selector selector) {
		Resolution resolution = anchoring.resolve(article, selector);
		assertThat(resolution).as(name).isInstanceOf(Resolved.class);
		Resolved resolved = (Resolved) resolution;
		table.add(String.format("%-52s -> %s %s by %s", name, resolved.block().id(),
				resolved.quote() == null ? "(paragraph)" : resolved.quote().start() + "-" + resolved.quote().end(),
				resolved.decidedBy()));
		return resolved;
	}

	Refused refused(String name, Article article, Selector selector, Reason reason) {
		Resolution resolution = anchoring.resolve(article, selector);
		assertThat(resolution).as(name).isInstanceOf(Refused.class);
		Refused refused = (Refused) resolution;
		assertThat(refused.reason()).as(name).isEqualTo(reason);
		table.add(String.format("%-52s -> %s %s%s", name, refused.reason(), refused.message(),
				refused.candidates().isEmpty() ? "" : " " + refused.candidates().stream()
					.map(c -> c.blockId() + "@" + c.start() + "-" + c.end()).toList()));
		return refused;
	}

	/** @return where {@code words} start in the block's text, in code points, at its {@code nth} occurrence (from 0) */
	static int at(Block block, String words, int nth) {
		int index = -1;
		for (int i = 0; i <= nth; i++) {
			index = block.text().indexOf(words, index + 1);
		}
		assertThat(index).isNotNegative();
		return block.text().codePointCount(0, index);
	}

	@Test
	void duplicatesAreToldApartByPrefixOnly() {
		Resolved second = resolved("'The dog' in the article, prefix 'ran. '", small, quote("The dog", "ran. ", ""));
		assertThat(second.block()).isEqualTo(block(small, 0));
		assertThat(second.quote().start()).isEqualTo(at(block(small, 0), "The dog", 1));
		assertThat(second.quote().exact()).isEqualTo("The dog");
	}

	@Test
	void duplicatesAreToldApartBySuffixOnly() {
		Resolved slept = resolved("'The dog' in the article, suffix ' slept'", small, quote("The dog", "", " slept"));
		assertThat(slept.block()).isEqualTo(block(small, 0));
		assertThat(slept.quote().start()).isEqualTo(at(block(small, 0), "The dog", 1));
		Resolved inThird = resolved("'The dog ran' in the article, prefix 'there. '", small,
				quote("The dog ran", "Beta ends there. ", ""));
		assertThat(inThird.block()).isEqualTo(block(small, 2));
	}

	@Test
	void contextAcrossAParagraphBoundaryWithThePagesControlsBetweenTellsApart() {
		// as a client reads a page's textContent: the paragraph before, the page's controls, then this one
		String controls = "\n¶Link to paragraph 3\n  ✎ Add a note on paragraph 3\n\n";
		Resolved fourth = resolved("'Kazakhstan joins' after 'ends there.' + controls", small,
				quote("Kazakhstan joins", "The dog ran." + controls, ""));
		assertThat(fourth.block()).isEqualTo(block(small, 3));
		Resolved second = resolved("'Kazakhstan joins' after 'The dog slept.' + controls", small,
				quote("Kazakhstan joins", "The dog slept." + controls.replace('3', '1'), ""));
		assertThat(second.block()).isEqualTo(block(small, 1));
		Resolved clubGrows = resolved("'the club' with suffix running to the next paragraph", small,
				quote("the club", "Kazakhstan joins ", ". Then the club grows.\n ¶ Link ✎ Beta ends"));
		assertThat(clubGrows.block()).isEqualTo(block(small, 1));
		assertThat(clubGrows.quote().start()).isEqualTo(at(block(small, 1), "the club", 0));
	}

	@Test
	void aPositionHintAloneTellsApart() {
		Block first = block(small, 0);
		int second = at(first, "The dog", 1);
		Resolved byHint = resolved("'The dog' refining p1, + position hint", small, new Alternatives(List.of(
				new Fragment(first.id(), quote("The dog", "", "")),
				new Fragment(first.id(), new TextPosition(second, second + 7, null)))));
		assertThat(byHint.quote().start()).isEqualTo(second);
		assertThat(byHint.decidedBy()).isEqualTo("FragmentSelector/TextQuoteSelector");
	}

	@Test
	void whatStaysAmbiguousIsRefusedWithItsCandidates() {
		Refused refused = refused("'The dog' in the article, no context", small, quote("The dog", "", ""),
				Reason.AMBIGUOUS);
		assertThat(refused.candidates()).extracting(Resolution.Candidate::blockId)
			.containsExactly(block(small, 0).id(), block(small, 0).id(), block(small, 2).id());
		assertThat(refused.candidates().get(1).start()).isEqualTo(at(block(small, 0), "The dog", 1));
		Refused inParagraph = refused("'The dog' refining p1, no context", small,
				new Fragment(block(small, 0).id(), quote("The dog", "", "")), Reason.AMBIGUOUS);
		assertThat(inParagraph.candidates()).hasSize(2);
		Refused sameContext = refused("'The dog ran.' after '. ' (two fit)", small, quote("The dog ran.", ". ", ""),
				Reason.AMBIGUOUS);
		assertThat(sameContext.candidates()).extracting(Resolution.Candidate::blockId)
			.containsExactly(block(small, 0).id(), block(small, 2).id());
		Block first = block(small, 0);
		refused("'The dog' + a position hint far from both", small, new Alternatives(List.of(
				new Fragment(first.id(), quote("The dog", "", "")), new Fragment(first.id(), new TextPosition(1, 4, null)))),
				Reason.AMBIGUOUS);
	}

	@Test
	void typographicQuotesNonBmpCharactersAndWhiteSpace() {
		Block last = block(small, 3);
		Resolved straight = resolved("'\"quoted words\"' typed with straight quotes", small,
				quote("\"quoted   words\"", "the ", " and"));
		assertThat(straight.quote().exact()).isEqualTo("“quoted words”");
		int start = last.text().codePointCount(0, last.text().indexOf("“quoted"));
		assertThat(straight.quote().start()).isEqualTo(start);
		assertThat(straight.quote().end()).isEqualTo(start + "“quoted words”".length());
		// 😀 is two UTF-16 units, one code point: positions count code points
		assertThat(last.text().indexOf("“quoted")).isEqualTo(start + 1);
		Resolved emoji = resolved("'😀 more' (non-BMP), with line breaks", small, quote("\n😀\nmore", "", ""));
		assertThat(emoji.quote().exact()).isEqualTo("😀 more");
		assertThat(emoji.quote().end() - emoji.quote().start()).isEqualTo(6);
		Resolved curly = resolved("'“The world is entering' (typographic)", seed,
				new Fragment(block(seed, 2).id(), quote("“The world is entering", "", "")));
		assertThat(curly.quote().start()).isZero();
	}

	@Test
	void theIssuesSilentJumpsLandWhereTheClientSaid() {
		Block abraham = seed.blocks().stream().filter(b -> b.text().contains("two-state")).findFirst().orElseThrow();
		Resolved the = resolved("'the' before 'two-state' (issue 15)", seed,
				new Fragment(abraham.id(), quote("the", "people and promoting ", " two-state solution")));
		assertThat(the.quote().start()).isEqualTo(at(abraham, "the two-state", 0));
		Resolved theWholeArticle = resolved("'the' before 'two-state', whole article", seed,
				quote("the", "promoting ", " two-state"));
		assertThat(theWholeArticle.block()).isEqualTo(abraham);
		assertThat(theWholeArticle.quote().start()).isEqualTo(at(abraham, "the two-state", 0));
		Block last = seed.blocks().get(seed.blocks().size() - 1);
		Resolved kazakhstan = resolved("'Kazakhstan' before '.' (issue 15)", seed,
				quote("Kazakhstan", "concluded the head of ", "."));
		assertThat(kazakhstan.block()).isEqualTo(last);
		assertThat(kazakhstan.quote().start()).isEqualTo(at(last, "Kazakhstan.", 0));
	}

	@Test
	void everySelectorShapeRealClientsSend() {
		Block second = block(small, 1);
		refused("the article alone", small, null, Reason.NO_SELECTOR);
		assertThat(resolved("FragmentSelector alone", small, new Fragment(second.id(), null)).quote()).isNull();
		// positions over the whole article: each paragraph's text and a line break
		int offset = block(small, 0).text().length() + 1;
		Resolved position = resolved("TextPositionSelector over the article", small,
				new TextPosition(offset + 17, offset + 25, null));
		assertThat(position.quote().exact()).isEqualTo("the club");
		refused("TextPositionSelector across two paragraphs", small, new TextPosition(offset - 5, offset + 5, null),
				Reason.ACROSS_PARAGRAPHS);
		refused("TextPositionSelector past the end", small, new TextPosition(5000, 5001, null), Reason.NO_MATCH);
		// Hypothesis: a RangeSelector by XPath from the body, a position over the page, a quote
		Resolved hypothesis = resolved("Hypothesis list (Range, Position, Quote)", small, new Alternatives(List.of(
				new ContainerRange("/main[1]/article[1]/div[2]/p[1]", 17, "/main[1]/article[1]/div[2]/p[1]", 25),
				new TextPosition(9999, 10007, null), quote("the club", "joins ", ". Then"))));
		assertThat(hypothesis.block()).isEqualTo(second);
		assertThat(hypothesis.quote().exact()).isEqualTo("the club");
		assertThat(hypothesis.decidedBy()).isEqualTo("TextQuoteSelector");
		Resolved range = resolved("Hypothesis RangeSelector alone", small,
				new ContainerRange("/main[1]/article[1]/div[2]/p[1]", 17, "/main[1]/article[1]/div[2]/p[1]", 25));
		assertThat(range.quote().exact()).isEqualTo("the club");
		Resolved w3cRange = resolved("W3C RangeSelector of two XPathSelectors", small, new Range(
				new XPath("/html/body/main/article/div[2]/p", null), new XPath("//p[@id='" + second.id() + "']", null),
				null));
		assertThat(w3cRange.quote()).isNull();
		Resolved css = resolved("CssSelector refined by a quote", small, new Css("#" + second.id(), quote("club", "", ".")));
		assertThat(css.quote().start()).isEqualTo(at(second, "club.", 0));
		assertThat(css.decidedBy()).isEqualTo("CssSelector/TextQuoteSelector");
		Resolved chain = resolved("refinedBy three deep", small, new Fragment(block(small, 3).id(),
				new Selector.TextQuote("“quoted words” and", "", "", new TextPosition(1, 7, null))));
		assertThat(chain.quote().exact()).isEqualTo("quoted");
		assertThat(chain.decidedBy()).isEqualTo("FragmentSelector/TextQuoteSelector/TextPositionSelector");
		refused("a quote not in the article", small, quote("The cat", "", ""), Reason.NO_MATCH);
		refused("a quote over two paragraphs", small, quote("slept. Kazakhstan", "", ""), Reason.NO_MATCH);
		refused("an unknown paragraph id", small, new Fragment("p-nothing", null), Reason.NO_MATCH);
		refused("an XPath into nothing", small, new XPath("/html/body/nav[3]", null), Reason.NO_MATCH);
		refused("the article element alone", small, new Css("article", null), Reason.NO_SELECTOR);
		refused("a list whose quote is not there", small, new Alternatives(List.of(new Fragment(second.id(), null),
				quote("not in it", "", ""))), Reason.NO_MATCH);
	}

	@Test
	void theDescriptionWeServeIsUniqueInTheWholeArticle() {
		for (Block block : seed.blocks()) {
			String text = block.text();
			for (int from = text.indexOf("the "); from >= 0; from = text.indexOf("the ", from + 1)) {
				int start = text.codePointCount(0, from);
				TextQuote served = anchoring.describe(seed, block, new CodePointRange(start, start + 3));
				Resolution back = anchoring.resolve(seed, quote(served.exact(), served.prefix(), served.suffix()));
				assertThat(back).as(block.id() + "@" + start).isInstanceOf(Resolved.class);
				assertThat(((Resolved) back).block()).isEqualTo(block);
				assertThat(((Resolved) back).quote().start()).isEqualTo(start);
			}
		}
	}

}
