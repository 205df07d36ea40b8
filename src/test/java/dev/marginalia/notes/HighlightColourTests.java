package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.anchoring.TextQuote;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The palette of highlight colours and the rules of a note's colour. */
class HighlightColourTests {

	@Test
	void eachColourHasAKeyANameAndAClassOfTheStylesheet() {
		assertThat(HighlightColour.choices()).extracting(HighlightColour::key)
			.containsExactly("yellow", "green", "blue", "pink", "purple");
		assertThat(HighlightColour.choices()).extracting(HighlightColour::label)
			.containsExactly("Yellow", "Green", "Blue", "Pink", "Purple");
		assertThat(HighlightColour.GREEN.styleClass()).isEqualTo("marginalia-green");
		assertThat(HighlightColour.DEFAULT).as("the highlight before colours").isEqualTo(HighlightColour.YELLOW);
	}

	@Test
	void keysAreReadInAnyCaseAndStyleClassesExactly() {
		assertThat(HighlightColour.ofKey(" Green ")).contains(HighlightColour.GREEN);
		assertThat(HighlightColour.ofKey("red")).isEmpty();
		assertThat(HighlightColour.ofKey(null)).isEmpty();
		assertThat(HighlightColour.ofStyleClass("marginalia-pink")).contains(HighlightColour.PINK);
		assertThat(HighlightColour.ofStyleClass("Marginalia-Pink")).isEmpty();
		assertThat(HighlightColour.ofStyleClass("pink")).isEmpty();
		assertThat(HighlightColour.fromDb("lavender")).as("a key a later version wrote: the default shows").isNull();
	}

	@Test
	void aDraftsColourIsCheckedAndOnlyAPassageMayHaveOne() {
		Map<String, String> errors = new LinkedHashMap<>();
		DraftRules.Checked checked = DraftRules.check(new NewNote("Text", null, null).withColour("BLUE"), errors);
		assertThat(errors).isEmpty();
		assertThat(checked.givenColour()).isEqualTo(HighlightColour.BLUE);
		assertThat(checked.checkColour(true).errors()).isEmpty();
		assertThat(checked.checkColour(false).errors())
			.containsExactly(Map.entry("colour", "Only a note on a passage has a highlight colour."));

		Map<String, String> unknown = new LinkedHashMap<>();
		DraftRules.check(new NewNote("Text", null, null).withColour("red"), unknown);
		assertThat(unknown).containsExactly(
				Map.entry("colour", "Choose one of the highlight colours: yellow, green, blue, pink or purple."));

		assertThat(DraftRules.check(new NewNote("Text", null, null), new LinkedHashMap<>()).checkColour(false).errors())
			.as("none given: nothing to check").isEmpty();
	}

	@Test
	void theAddFormsColourCountsForAPassageAloneButABadOneIsAlwaysShown() {
		NoteForm paragraph = new NoteForm("Text", null, null, null, null, null, null, "pink");
		assertThat(paragraph.toNewNote().colour()).isNull();
		NoteForm passage = new NoteForm("Text", null, null, null, "lost its legitimacy", null, null, "pink");
		assertThat(passage.toNewNote().colour()).isEqualTo("pink");
		NoteForm bad = new NoteForm("Text", null, null, null, null, null, null, "red");
		assertThat(bad.toNewNote().colour()).isEqualTo("red");
		NoteForm edit = new NoteForm("Text", null, null, 3, null, null, null, "pink");
		assertThat(edit.toNewNote().colour()).as("an edit's colour is the note's to judge").isEqualTo("pink");
		assertThat(new NoteForm("Text", null, null, null).isChecked(HighlightColour.YELLOW)).isTrue();
		assertThat(passage.isChecked(HighlightColour.PINK)).isTrue();
	}

	@Test
	void aNotesHighlightIsItsColourOrTheDefaultOnAPassageAndNoneElsewhere() {
		OffsetDateTime now = OffsetDateTime.now();
		Note paragraph = new Note("n1", "a", "p-1", 0, "h", "text", null, "author", "Ada", "b", "b", Visibility.PUBLIC,
				now, null, false, 1);
		assertThat(paragraph.highlight()).isNull();
		Note passage = new Note("n2", "a", "p-1", 0, "h", "some text", null, "author", "Ada", "b", "b",
				Visibility.PUBLIC, now, null, false, 1, new TextQuote("text", "some ", "", 5, 9));
		assertThat(passage.highlight()).isEqualTo(HighlightColour.YELLOW);
		assertThat(passage.withColour(HighlightColour.PURPLE).highlight()).isEqualTo(HighlightColour.PURPLE);
		assertThat(passage.withColour(HighlightColour.PURPLE).withTags(List.of("t")).colour())
			.as("tags keep the colour").isEqualTo(HighlightColour.PURPLE);
	}

}
