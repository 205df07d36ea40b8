package dev.marginalia.notes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of tags, on their own: what a tag may be, how many a note has, how the form's field is read. */
class NoteTagsTests {

	static List<String> check(List<String> tags, Map<String, String> errors) {
		return NoteTags.check(tags, errors);
	}

	@Test
	void tagsAreTrimmedAndTakenOnceKeepingTheFirstSpelling() {
		Map<String, String> errors = new LinkedHashMap<>();
		assertThat(check(List.of("  Energy ", "trade policy", "energy", "ENERGY", "Trade Policy"), errors))
			.containsExactly("Energy", "trade policy");
		assertThat(errors).isEmpty();
		assertThat(NoteTags.key(" Énergie ")).isEqualTo("énergie");
		assertThat(NoteTags.key("E\u0301nergie")).as("one form of each letter (NFC)").isEqualTo("énergie");
	}

	@Test
	void aTagHasOneToFortyCharactersCountedInCodePoints() {
		String forty = "😀".repeat(40);
		assertThat(NoteTags.problem(forty)).as("40 emoji are 80 UTF-16 units, and a tag").isNull();
		assertThat(NoteTags.problem("x".repeat(41))).isEqualTo("A tag can have at most 40 characters: “" + "x".repeat(41) + "”.");
		assertThat(NoteTags.problem("y".repeat(500))).as("a long one is shortened in the message")
			.isEqualTo("A tag can have at most 40 characters: “" + "y".repeat(40) + "…”.");
		assertThat(NoteTags.problem("   ")).isEqualTo("A tag cannot be empty.");
	}

	@Test
	void controlCharactersBrokenUnicodeAndCommasAreRefused() {
		for (String tag : List.of("a\tb", "new\nline", "nul\u0000", "bell\u0007", "lone \uD83D", "\uFFFD")) {
			assertThat(NoteTags.problem(tag)).as(tag).isEqualTo("A tag cannot contain control characters or broken Unicode.");
		}
		assertThat(NoteTags.problem("one, two")).isEqualTo("A tag cannot contain a comma: “one, two” (commas separate tags).");
		assertThat(NoteTags.problem("<b>bold</b> & \"quoted\"")).as("markup is text, not a problem").isNull();
	}

	@Test
	void aNoteHasAtMostTenTagsCountedOnceEach() {
		List<String> twelve = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			twelve.add("tag " + i);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		assertThat(check(twelve, errors)).isEmpty();
		assertThat(errors).containsExactly(Map.entry("tags", "At most 10 tags per note; this one has 12."));

		List<String> tenAndTwice = new ArrayList<>(twelve.subList(0, 10));
		tenAndTwice.add("TAG 1");
		errors.clear();
		assertThat(check(tenAndTwice, errors)).as("the same tag twice is one").hasSize(10);
		assertThat(errors).isEmpty();
	}

	@Test
	void theFirstBrokenTagIsTheMessageAndNoneIsKept() {
		Map<String, String> errors = new LinkedHashMap<>();
		assertThat(check(List.of("fine", "x".repeat(41), "a\u0001"), errors)).isEmpty();
		assertThat(errors.get("tags")).startsWith("A tag can have at most 40 characters");
		assertThat(NoteTags.check(null, errors)).as("none given").isNull();
	}

	@Test
	void theFormsFieldIsSplitAtCommasLeavingOutEmptyTags() {
		assertThat(NoteTags.split(" energy,, trade policy ,")).containsExactly("energy", "trade policy");
		assertThat(NoteTags.split("")).isEmpty();
		assertThat(NoteTags.split(null)).as("no field: an edit keeps the tags").isNull();
		assertThat(NoteTags.join(List.of("energy", "trade policy"))).isEqualTo("energy, trade policy");
	}

}
