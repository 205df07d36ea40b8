package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of "Useful" that need no server: what a press asks for, where a form leads back, the order. */
class ReactionRulesTests {

	static final String ARTICLE = "/articles/a-slug";

	@ParameterizedTest(name = "pressed={0}")
	@CsvSource(nullValues = "null", value = { "true, ON", "on, ON", " TRUE , ON", "false, OFF", "off, OFF",
			"null, TOGGLE", "'', TOGGLE", "maybe, TOGGLE" })
	void aPressAsksForWhatItsFormSays(String value, NoteReactions.Press press) {
		assertThat(NoteReactions.Press.parse(value)).isEqualTo(press);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(nullValues = "null", value = {
			"null, " + ARTICLE + "?done=useful",
			ARTICLE + ", " + ARTICLE + "?done=useful",
			ARTICLE + "?sort=useful, " + ARTICLE + "?sort=useful&done=useful",
			ARTICLE + "/p/p-AbcDef/notes?sort=newest&page=2, " + ARTICLE + "/p/p-AbcDef/notes?sort=newest&page=2",
			ARTICLE + "/notes, " + ARTICLE + "/notes",
			ARTICLE + "/orphans?page=3, " + ARTICLE + "/orphans?page=3",
			"/articles/another-slug, " + ARTICLE + "?done=useful",
			"https://evil.example" + ARTICLE + ", " + ARTICLE + "?done=useful",
			"//evil.example" + ARTICLE + ", " + ARTICLE + "?done=useful",
			ARTICLE + "/search?q=x, " + ARTICLE + "?done=useful",
			ARTICLE + "?sort=<script>, " + ARTICLE + "?done=useful",
			ARTICLE + "-longer, " + ARTICLE + "?done=useful" })
	void aFormLeadsBackToAPageOfItsArticleAndNowhereElse(String back, String expected) {
		assertThat(ReactionController.backTo("a-slug", back, true)).isEqualTo(expected);
	}

	@Test
	void theArticlePageSaysWhatWasDoneSinceItCannotShowWhoPressed() {
		assertThat(ReactionController.backTo("a-slug", ARTICLE, false)).isEqualTo(ARTICLE + "?done=unuseful");
	}

	@Test
	void aPageSendsBackItsOwnAddressWithItsOrderAndPage() {
		assertThat(UsefulMarks.back(ARTICLE, ThreadOrder.DEFAULT, 1)).isEqualTo(ARTICLE);
		assertThat(UsefulMarks.back(ARTICLE + "/notes", ThreadOrder.USEFUL, 1)).isEqualTo(ARTICLE + "/notes?sort=useful");
		assertThat(UsefulMarks.back(ARTICLE + "/orphans", ThreadOrder.DEFAULT, 2)).isEqualTo(ARTICLE + "/orphans?page=2");
		assertThat(UsefulMarks.back(ARTICLE + "/p/x/notes", ThreadOrder.NEWEST, 3))
			.isEqualTo(ARTICLE + "/p/x/notes?sort=newest&page=3");
	}

	@Test
	void aPageKnowsWhoPressedOnlyWhereItIsTheReadersOwn() {
		UsefulMarks shared = UsefulMarks.unknown(ARTICLE);
		assertThat(shared.known()).isFalse();
		assertThat(shared.isMine("n1")).isFalse();
		UsefulMarks own = new UsefulMarks(ARTICLE, Set.of("n1"));
		assertThat(own.known()).isTrue();
		assertThat(own.isMine("n1")).isTrue();
		assertThat(own.isMine("n2")).isFalse();
	}

	@Test
	void theMostUsefulComeFirstThenTheNewest() {
		assertThat(ThreadOrder.parse("useful")).isEqualTo(ThreadOrder.USEFUL);
		assertThat(ThreadOrder.parse(" Useful ")).isEqualTo(ThreadOrder.USEFUL);
		assertThat(ThreadOrder.USEFUL.ranksTheMargin()).isTrue();
		assertThat(ThreadOrder.NEWEST.ranksTheMargin()).isFalse();
		List<NoteThread> threads = List.of(thread("old, 2", 1, 2), thread("new, 0", 3, 0), thread("newer, 2", 2, 2),
				thread("oldest, 5", 0, 5));
		assertThat(threads.stream().sorted(ThreadOrder.USEFUL.comparator()).map(thread -> thread.note().body()))
			.containsExactly("oldest, 5", "newer, 2", "old, 2", "new, 0");
	}

	@Test
	void onlyAPublicNoteNeitherHiddenNorDeletedTakesReactions() {
		assertThat(note("public", false, false).takesReactions()).isTrue();
		assertThat(note("private", false, false).takesReactions()).isFalse();
		assertThat(note("public", true, false).takesReactions()).isFalse();
		assertThat(note("public", false, true).takesReactions()).isFalse();
	}

	static NoteThread thread(String body, int minute, int useful) {
		return new NoteThread(note(body, minute).withUseful(useful), List.of());
	}

	static Note note(String body, int minute) {
		return new Note("id-" + body, "a-slug", "p-x", 0, "hash", "text", null, "author", "Ada", body, body,
				Visibility.PUBLIC, OffsetDateTime.of(2026, 1, 1, 0, minute, 0, 0, ZoneOffset.UTC), null, false, 1);
	}

	static Note note(String visibility, boolean hidden, boolean deleted) {
		return new Note("id", "a-slug", "p-x", 0, "hash", "text", null, "author", "Ada", "b", "b",
				Visibility.parse(visibility), OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), null, deleted, 1,
				null, hidden);
	}

}
