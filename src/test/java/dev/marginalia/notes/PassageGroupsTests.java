package dev.marginalia.notes;

import java.util.List;
import java.util.Map;

import dev.marginalia.notes.ConversationShape.TopPassage;
import dev.marginalia.notes.PassageGroups.Selection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passages are the selections of one paragraph whose words overlap; they are ranked by their different readers (a
 * reader who wrote on a passage many times counts once), then their notes, then the order of the text.
 */
class PassageGroupsTests {

	static final Map<String, Integer> ORDER = Map.of("p-one", 0, "p-two", 1, "p-three", 2);

	static List<TopPassage> top(List<Selection> selections, int limit, int minReaders) {
		return PassageGroups.top(selections, ORDER::get, limit, minReaders);
	}

	@Test
	void overlappingSelectionsAreOnePassageShownAsTheSelectionMostReadersChose() {
		List<TopPassage> top = top(List.of(
				new Selection("p-one", 10, 40, "ada", 1),
				new Selection("p-one", 20, 30, "bob", 2),
				new Selection("p-one", 20, 30, "carol", 1),
				new Selection("p-one", 35, 60, "dan", 1)), 5, 1);

		assertThat(top).containsExactly(new TopPassage("p-one", 20, 30, 4, 5));
	}

	@Test
	void selectionsThatOnlyTouchOrLieInOtherParagraphsAreApart() {
		List<TopPassage> top = top(List.of(
				new Selection("p-one", 0, 10, "ada", 1),
				new Selection("p-one", 10, 20, "bob", 1),
				new Selection("p-two", 0, 10, "carol", 1)), 5, 1);

		assertThat(top).containsExactly(new TopPassage("p-one", 0, 10, 1, 1), new TopPassage("p-one", 10, 20, 1, 1),
				new TopPassage("p-two", 0, 10, 1, 1));
	}

	@Test
	void aReaderCountsOnceHoweverManyNotesAndSelections() {
		List<TopPassage> top = top(List.of(
				new Selection("p-one", 0, 10, "ada", 7),
				new Selection("p-one", 5, 15, "ada", 3),
				new Selection("p-one", 2, 8, "bob", 1)), 5, 1);

		assertThat(top).containsExactly(new TopPassage("p-one", 0, 10, 2, 11));
	}

	@Test
	void amongSelectionsWithAsManyReadersTheEarliestThenTheLongestIsShown() {
		assertThat(top(List.of(new Selection("p-one", 5, 9, "ada", 1), new Selection("p-one", 3, 7, "bob", 1)), 5, 1))
			.extracting(TopPassage::start, TopPassage::end).containsExactly(org.assertj.core.groups.Tuple.tuple(3, 7));
		assertThat(top(List.of(new Selection("p-one", 3, 5, "ada", 1), new Selection("p-one", 3, 9, "bob", 1)), 5, 1))
			.extracting(TopPassage::start, TopPassage::end).containsExactly(org.assertj.core.groups.Tuple.tuple(3, 9));
	}

	@Test
	void theMostReadersFirstThenTheMostNotesThenTheOrderOfTheTextAndOnlyThoseWithEnoughReaders() {
		List<TopPassage> top = top(List.of(
				// p-three: 3 readers, 3 notes
				new Selection("p-three", 0, 5, "a", 1), new Selection("p-three", 0, 5, "b", 1),
				new Selection("p-three", 0, 5, "c", 1),
				// p-two: 3 readers, 4 notes
				new Selection("p-two", 50, 55, "a", 2), new Selection("p-two", 50, 55, "b", 1),
				new Selection("p-two", 52, 58, "c", 1),
				// p-one, early: 3 readers, 3 notes (as p-three, but earlier in the text)
				new Selection("p-one", 0, 5, "d", 1), new Selection("p-one", 1, 5, "e", 1),
				new Selection("p-one", 0, 5, "f", 1),
				// p-one, later: 4 readers
				new Selection("p-one", 40, 45, "a", 1), new Selection("p-one", 40, 45, "b", 1),
				new Selection("p-one", 40, 45, "c", 1), new Selection("p-one", 40, 45, "d", 1),
				// p-two, early: 2 readers, too few
				new Selection("p-two", 0, 5, "a", 5), new Selection("p-two", 0, 5, "b", 5)), 3, 3);

		assertThat(top).containsExactly(new TopPassage("p-one", 40, 45, 4, 4), new TopPassage("p-two", 50, 55, 3, 4),
				new TopPassage("p-one", 0, 5, 3, 3));
		assertThat(top(List.of(new Selection("p-two", 0, 5, "a", 5), new Selection("p-two", 0, 5, "b", 5)), 3, 3))
			.isEmpty();
	}

	@Test
	void noSelectionsNoPassages() {
		assertThat(top(List.of(), 5, 1)).isEmpty();
	}

}
