package dev.marginalia.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BlockIdsTests {

	private static final List<String> ARTICLE = List.of(
			"Stability is rare. Conflicts are multiplying everywhere.",
			"For decades, global politics has been shaped by globalization. Its goal seemed rational.",
			"As a result, globalization has gradually lost its legitimacy.",
			"The world does not reject cooperation. It is rejecting illusions.",
			"The world can no longer afford such an approach.");

	@Test
	void keyIsTheInitialsOfTheFirstWordsOfTheFirstAndLastSentences() {
		assertThat(BlockIds.key("As a result, globalization has gradually lost its legitimacy.")).isEqualTo("AarAar");
		assertThat(BlockIds.key("The world does not reject cooperation. It is rejecting illusions. Order must hold."))
			.isEqualTo("TwdOmh");
		assertThat(BlockIds.key("“Quoted — text” starts here.")).isEqualTo("QtsQts");
	}

	@Test
	void idsAreUniqueUrlSafeAndStartWithALetter() {
		List<String> ids = BlockIds.assign(ARTICLE);
		assertThat(new HashSet<>(ids)).hasSize(ARTICLE.size());
		assertThat(ids).allMatch(id -> id.matches("p-[A-Za-z0-9-]+"));
	}

	@Test
	void insertingAParagraphLeavesTheOtherIdsUnchanged() {
		List<String> before = BlockIds.assign(ARTICLE);
		List<String> edited = new ArrayList<>(ARTICLE);
		edited.add(0, "A brand new opening paragraph arrives. Nobody expected it.");
		edited.add(3, "Another inserted paragraph in the middle.");
		List<String> after = BlockIds.assign(edited);
		assertThat(after).containsAll(before);
		assertThat(after.get(1)).isEqualTo(before.get(0));
		assertThat(after.get(4)).isEqualTo(before.get(2));
	}

	@Test
	void deletingAParagraphLeavesTheOtherIdsUnchanged() {
		List<String> before = BlockIds.assign(ARTICLE);
		List<String> edited = new ArrayList<>(ARTICLE);
		edited.remove(1);
		List<String> expected = new ArrayList<>(before);
		expected.remove(1);
		assertThat(BlockIds.assign(edited)).isEqualTo(expected);
	}

	@Test
	void movingAParagraphMovesItsIdWithIt() {
		List<String> before = BlockIds.assign(ARTICLE);
		List<String> edited = new ArrayList<>(ARTICLE);
		edited.add(edited.remove(0));
		List<String> after = BlockIds.assign(edited);
		assertThat(after.get(after.size() - 1)).isEqualTo(before.get(0));
		assertThat(after.subList(0, after.size() - 1)).isEqualTo(before.subList(1, before.size()));
	}

	@Test
	void aTypoFixedInsideAParagraphKeepsItsId() {
		List<String> edited = new ArrayList<>(ARTICLE);
		edited.set(1, edited.get(1).replace("globalization", "globalisation"));
		assertThat(BlockIds.assign(edited)).isEqualTo(BlockIds.assign(ARTICLE));
	}

	@Test
	void identicalParagraphsGetDistinctIdsThatOtherEditsDoNotChange() {
		String repeated = "Thank you.";
		List<String> texts = List.of(repeated, "Something else entirely here.", repeated);
		List<String> ids = BlockIds.assign(texts);
		assertThat(ids.get(0)).isNotEqualTo(ids.get(2));
		assertThat(ids.get(2)).isEqualTo(ids.get(0) + "-2");

		List<String> edited = List.of("A new first paragraph.", repeated, repeated, "Something else entirely here.");
		List<String> after = BlockIds.assign(edited);
		assertThat(after.get(1)).isEqualTo(ids.get(0));
		assertThat(after.get(2)).isEqualTo(ids.get(2));
	}

	@Test
	void differentTextsWithTheSameInitialsAreToldApartByTheirOwnText() {
		List<String> ids = BlockIds.assign(List.of("The world changes.", "Those who care.", "Other text here."));
		assertThat(ids.get(0)).startsWith("p-TwcTwc-").isNotEqualTo(ids.get(1));
		assertThat(ids.get(1)).startsWith("p-TwcTwc-");
		assertThat(ids.get(2)).isEqualTo("p-OthOth");
		// the suffix comes from the block's own text: it does not depend on where the other one is
		assertThat(BlockIds.assign(List.of("Those who care.", "Other text here.", "The world changes.")))
			.containsExactly(ids.get(1), ids.get(2), ids.get(0));
	}

	@Test
	void unicodeTextGetsValidIds() {
		List<String> texts = List.of(
				"Мир вступает в эпоху стабильности. Это важно.",
				"Қазақстан әлемдік нарыққа ұмтылады. Ұлттық мүдде маңызды.",
				"Éléphant à été vu. Ça va.",
				"🌍 🚀 ✨ emoji only sentence.",
				"全球化正在失去合法性。",
				"!!! ... ---");
		List<String> ids = BlockIds.assign(texts);
		assertThat(ids).allMatch(id -> id.matches("p-[A-Za-z0-9-]+"), "URL-safe");
		assertThat(new HashSet<>(ids)).hasSize(texts.size());
		assertThat(ids.get(0)).isEqualTo("p-MvvEv");
		assertThat(ids.get(1)).isEqualTo("p-QanUmm");
		assertThat(ids.get(2)).isEqualTo("p-EaeCv");
		assertThat(ids.get(5)).startsWith("p-x-");
	}

	@Test
	void whitespaceAndUnicodeNormalisationDoNotChangeIds() {
		String composed = "Café au lait. Très bien.";
		String decomposed = "Cafe\u0301   au\nlait. Tre\u0300s bien.";
		assertThat(BlockIds.assign(List.of(decomposed))).isEqualTo(BlockIds.assign(List.of(composed)));
	}

}
