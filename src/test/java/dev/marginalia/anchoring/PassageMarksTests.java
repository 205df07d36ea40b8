package dev.marginalia.anchoring;

import java.util.List;

import dev.marginalia.anchoring.PassageMarks.Passage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PassageMarksTests {

	@Test
	void aPassageIsMarkedWithAnAnchorBeforeIt() {
		String html = PassageMarks.apply("Stability is a rare resource.", List.of(new Passage(15, 19, "n1")));
		assertThat(html).isEqualTo("Stability is a <span class=\"passage-anchor\" id=\"passage-n1\"></span>"
				+ "<mark class=\"passage\" data-notes=\"n1\" data-count=\"1\" title=\"1 note on this passage\">rare</mark> resource.");
	}

	@Test
	void marksAreClosedAroundTagsAndEntitiesCountAsOneCharacter() {
		String inner = "Tom &amp; <em>Jerry run</em> fast";
		// plain text: "Tom & Jerry run fast"; mark "& Jerry r" = code points 4..13
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply(inner, List.of(new Passage(4, 13, "n1"))));
		assertThat(html.select("mark").eachText()).containsExactly("&", "Jerry r");
		assertThat(html.select("em > mark").text()).isEqualTo("Jerry r");
		assertThat(html.text()).isEqualTo("Tom & Jerry run fast");
	}

	@Test
	void softBreaksAndSpaceRunsCountAsOneSpace() {
		String inner = "one\ntwo   three";
		// plain text "one two three": "two three" = 4..13
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply(inner, List.of(new Passage(4, 13, "n1"))));
		assertThat(html.select("mark").text()).isEqualTo("two three");
	}

	@Test
	void overlappingPassagesAreCutIntoSegmentsNamingEveryNote() {
		String text = "abcdefghij";
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply(text,
				List.of(new Passage(2, 6, "a"), new Passage(4, 8, "b"))));
		List<Element> marks = html.select("mark");
		assertThat(marks).extracting(Element::text).containsExactly("cd", "ef", "gh");
		assertThat(marks).extracting(mark -> mark.attr("data-notes")).containsExactly("a", "a b", "b");
		assertThat(marks.get(1).hasClass("overlap")).isTrue();
		assertThat(html.getElementById("passage-a").nextElementSibling().text()).isEqualTo("cd");
		assertThat(html.getElementById("passage-b").nextElementSibling().text()).isEqualTo("ef");
		assertThat(html.text()).isEqualTo(text);
	}

	@Test
	void offsetsAreCodePoints() {
		String inner = "😀 smile 😀 twice";
		// plain text code points: 0 emoji, 1 space, 2..6 "smile", 7 space, 8 emoji
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply(inner, List.of(new Passage(2, 9, "n"))));
		assertThat(html.select("mark").text()).isEqualTo("smile 😀");
	}

	@Test
	void nestedPassagesKeepTheirOwnAnchors() {
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply("0123456789",
				List.of(new Passage(1, 9, "outer"), new Passage(3, 5, "inner"))));
		assertThat(html.select("mark").eachAttr("data-notes")).containsExactly("outer", "outer inner", "outer");
		assertThat(html.select("span.passage-anchor").eachAttr("id")).containsExactly("passage-outer", "passage-inner");
	}

	@Test
	void everyPassageIsMarkedWithItsCountAndOnlyTheShownNotesAreNamed() {
		String text = "abcdefghij";
		// 400 notes on "cdef", 2 of them shown; 7 on "efgh", none shown
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply(text,
				List.of(new Passage(2, 6, 400, List.of("s1", "s2")), new Passage(4, 8, 7, List.of()))));
		List<Element> marks = html.select("mark");
		assertThat(marks).extracting(Element::text).containsExactly("cd", "ef", "gh");
		assertThat(marks).extracting(mark -> mark.attr("data-count")).containsExactly("400", "407", "7");
		assertThat(marks).as("the count in words, for a screen reader (the accessible description)")
			.extracting(mark -> mark.attr("title"))
			.containsExactly("400 notes on this passage", "407 notes on this passage", "7 notes on this passage");
		assertThat(marks).extracting(mark -> mark.attr("data-notes")).containsExactly("s1 s2", "s1 s2", "");
		assertThat(marks.get(2).hasAttr("data-notes")).isFalse();
		assertThat(html.select("span.passage-anchor").eachAttr("id")).containsExactly("passage-s1", "passage-s2");
		assertThat(html.text()).isEqualTo(text);
	}

	@Test
	void aSegmentTakesTheStyleOfMostOfItsNotesAndItsTitleNamesEveryStyle() {
		PassageMarks.Style green = new PassageMarks.Style("marginalia-green", "green");
		PassageMarks.Style yellow = new PassageMarks.Style("marginalia-yellow", "yellow");
		String text = "abcdefghij";
		// 3 green notes on "cdef", 1 yellow on the same words, 5 yellow on "efgh"
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply(text, List.of(
				new Passage(2, 6, 3, List.of(), green), new Passage(2, 6, 1, List.of("y1"), yellow),
				new Passage(4, 8, 5, List.of(), yellow))));
		List<Element> marks = html.select("mark");
		assertThat(marks).extracting(Element::text).containsExactly("cd", "ef", "gh");
		assertThat(marks).as("one range in two colours is not an overlap").extracting(Element::className)
			.containsExactly("passage marginalia-green",
				"passage overlap marginalia-yellow", "passage marginalia-yellow");
		assertThat(marks).extracting(mark -> mark.attr("title")).containsExactly(
				"4 notes on this passage, highlighted green and yellow",
				"9 notes on this passage, highlighted yellow and green", "5 notes on this passage, highlighted yellow");
		assertThat(html.text()).isEqualTo(text);
	}

	@Test
	void aTopPassageIsMarkedAsSuchWhereItIsAndNowhereElse() {
		// plain text "Stability is a rare resource.": "rare" (15..19) is a top passage, "a rare resource" (13..28) is not
		Document html = Jsoup.parseBodyFragment(PassageMarks.apply("Stability is a rare resource.",
				List.of(new Passage(15, 19, 3, List.of(), true), new Passage(13, 28, 1, List.of()))));
		assertThat(html.select("mark.top").text()).isEqualTo("rare");
		assertThat(html.select("mark.top").attr("title")).isEqualTo("4 notes on this passage; a top passage");
		assertThat(html.select("mark:not(.top)").eachText()).containsExactly("a", "resource");
		assertThat(html.select("mark:not(.top)").attr("title")).isEqualTo("1 note on this passage");
	}

}
