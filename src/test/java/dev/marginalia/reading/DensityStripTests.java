package dev.marginalia.reading;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.notes.ConversationShape;
import dev.marginalia.notes.ConversationShape.TopPassage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The density strip has a band per block, in the order of the text, as tall as the block is long (short ones at
 * least a little), named as readers count blocks, as wide as its step of public notes; the top passages list quotes
 * each passage and links to its words.
 */
class DensityStripTests {

	static final Article ARTICLE = new ArticleParser().parse("strip", """
			---
			title: A strip
			---

			# A strip

			A short one.

			A much longer paragraph, with many more words in it than the one before, so that its band is the tallest \
			of them all by far, longer than anything else in this small article about strips.

			- an item
			""".getBytes(StandardCharsets.UTF_8));

	static Block block(int index) {
		return ARTICLE.blocks().get(index);
	}

	@Test
	void aBandPerBlockInTheOrderOfTheTextNamedAsReadersCountThem() {
		ConversationShape shape = new ConversationShape(Map.of(block(2).id(), 8, block(1).id(), 1), List.of());

		DensityStrip strip = DensityStrip.of(ARTICLE, shape);

		assertThat(strip.bands()).extracting(DensityStrip.Band::href)
			.containsExactlyElementsOf(ARTICLE.blocks().stream().map(block -> "#" + block.id()).toList());
		assertThat(strip.bands()).extracting(DensityStrip.Band::label)
			.containsExactly("Heading 1: no notes", "Paragraph 1: 1 note", "Paragraph 2: 8 notes", "Paragraph 3: no notes");
		assertThat(strip.bands()).extracting(DensityStrip.Band::level).containsExactly(0, 2, 4, 0);
		assertThat(strip.bands()).extracting(DensityStrip.Band::width).containsExactly(4, 10, 16, 4);
		assertThat(strip.bands()).extracting(DensityStrip.Band::top).containsOnly(false);
		assertThat(strip.summary())
			.isEqualTo("Public notes on 2 of the 4 paragraphs and headings; the most on paragraph 2 (8 notes), paragraph 1 (1 note).");
	}

	@Test
	void bandsAreAsTallAsTheirBlocksAreLongAndFillTheStripInOrder() {
		DensityStrip strip = DensityStrip.of(ARTICLE, ConversationShape.NONE);
		List<Double> ys = strip.bands().stream().map(band -> Double.parseDouble(band.y())).toList();
		List<Double> heights = strip.bands().stream().map(band -> Double.parseDouble(band.height())).toList();

		assertThat(ys).isSorted();
		assertThat(ys.get(0)).isZero();
		assertThat(heights.get(2)).as("the long paragraph").isGreaterThan(2 * heights.get(1));
		assertThat(heights.get(1)).as("short blocks take a little room all the same").isEqualTo(heights.get(3))
			.isGreaterThan(10);
		assertThat(ys.get(3) + heights.get(3)).isLessThanOrEqualTo(DensityStrip.HEIGHT);
		assertThat(strip.summary()).isEqualTo("No public notes yet.");
	}

	@Test
	void stepsFollowTheSquareRootOfTheShareOfTheMost() {
		assertThat(DensityStrip.level(0, 0)).isZero();
		assertThat(DensityStrip.level(0, 10)).isZero();
		assertThat(DensityStrip.level(1, 100)).isEqualTo(1);
		assertThat(DensityStrip.level(7, 100)).isEqualTo(2);
		assertThat(DensityStrip.level(50, 100)).isEqualTo(3);
		assertThat(DensityStrip.level(57, 100)).isEqualTo(4);
		assertThat(DensityStrip.level(100, 100)).isEqualTo(4);
	}

	@Test
	void topPassagesQuoteTheirWordsAndLinkToThemInTheText() {
		Block paragraph = block(2);
		ConversationShape shape = new ConversationShape(Map.of(paragraph.id(), 5),
				List.of(new TopPassage(paragraph.id(), 2, 13, 3, 5), new TopPassage("p-gone", 0, 3, 3, 3),
						new TopPassage(paragraph.id(), 10, 10_000, 3, 3)));

		List<TopPassages.Item> items = TopPassages.of(ARTICLE, shape);

		assertThat(items).as("a passage no longer in the article is left out").hasSize(1);
		assertThat(DensityStrip.of(ARTICLE, shape).bands()).extracting(DensityStrip.Band::label)
			.containsExactly("Heading 1: no notes", "Paragraph 1: no notes", "Paragraph 2: 5 notes, a top passage",
					"Paragraph 3: no notes");
		TopPassages.Item item = items.get(0);
		assertThat(item.quote()).isEqualTo("much longer");
		assertThat(item.label()).isEqualTo("paragraph 2");
		assertThat(item.fragment()).startsWith("#" + paragraph.id() + ":~:text=A-,much%20longer,-paragraph%2C%20with");
		assertThat(item.readers()).isEqualTo(3);
	}

	@Test
	void theSvgHasALinkPerBandNamedAndTitledWithItsBarAndTarget() {
		ConversationShape shape = new ConversationShape(Map.of(block(2).id(), 3),
				List.of(new TopPassage(block(2).id(), 2, 13, 3, 3)));

		org.jsoup.nodes.Document svg = org.jsoup.Jsoup.parseBodyFragment(DensityStrip.of(ARTICLE, shape).svg());

		assertThat(svg.select("svg.density-strip[viewBox='0 0 16 1000'] > a")).hasSize(4);
		org.jsoup.nodes.Element band = svg.selectFirst("a[href=#" + block(2).id() + "]");
		assertThat(band.attr("aria-label")).isEqualTo("Paragraph 2: 3 notes, a top passage");
		assertThat(band.selectFirst("title").text()).isEqualTo(band.attr("aria-label"));
		assertThat(band.select("rect").eachAttr("class")).containsExactly("hit", "band level-4", "top-tick");
		assertThat(band.selectFirst("rect.hit").attr("width")).isEqualTo("16");
		assertThat(svg.selectFirst("a[href=#" + block(1).id() + "]").select("rect").eachAttr("class"))
			.containsExactly("hit", "band level-0");
	}

}
