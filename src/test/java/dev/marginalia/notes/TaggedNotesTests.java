package dev.marginalia.notes;

import java.util.ArrayList;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.AuthorSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Notes with tags, on the embedded database with the real migrations: kept as written in the note's transaction,
 * read with every list of notes, replaced by an edit, gone with their note, and counted for what a reader may see.
 */
@NotesSlice
class TaggedNotesTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteModeration moderation;

	@Autowired
	NoteQueries queries;

	@Autowired
	ArticleLibrary library;

	@Autowired
	JdbcClient jdbc;

	Author ada;

	Author bob;

	@BeforeEach
	void authors() {
		ada = queries.author(AuthorSecrets.newSecret());
		bob = queries.author(AuthorSecrets.newSecret());
	}

	Note write(String body, String visibility, String... tags) {
		return commands.create(SLUG, BLOCK, new NewNote(body, null, visibility).withTags(List.of(tags)), ada);
	}

	int tagRows() {
		return jdbc.sql("SELECT COUNT(*) FROM note_tags").query(Integer.class).single();
	}

	@Test
	void aNoteKeepsItsTagsAsWrittenInTheirOrderWhereverItIsRead() {
		Note note = write("Tagged", "public", " Energy ", "trade policy", "energy", "<b>bold</b>");
		List<String> tags = List.of("Energy", "trade policy", "<b>bold</b>");
		assertThat(note.tags()).containsExactlyElementsOf(tags);
		assertThatThrownBy(() -> note.tags().add("more")).isInstanceOf(UnsupportedOperationException.class);
		assertThat(jdbc.sql("SELECT tag_key FROM note_tags WHERE note_id = :id ORDER BY position").param("id", note.id())
			.query(String.class).list()).containsExactly("energy", "trade policy", "<b>bold</b>");

		Article article = library.find(SLUG).orElseThrow();
		assertThat(queries.find(SLUG, note.id(), null).orElseThrow().tags()).containsExactlyElementsOf(tags);
		assertThat(queries.pageNotes(article, null).on(BLOCK).threads().get(0).note().tags()).containsExactlyElementsOf(tags);
		assertThat(queries.paragraphNotes(article, BLOCK, null, 0).threads().get(0).note().tags()).containsExactlyElementsOf(tags);
		assertThat(queries.notesOn(article, null).on(BLOCK).threads().get(0).note().tags()).containsExactlyElementsOf(tags);
		assertThat(queries.page(SLUG, null, 0, 10).get(0).tags()).containsExactlyElementsOf(tags);
		assertThat(write("Untagged", "public").tags()).isEmpty();
	}

	@Test
	void aReplyCarriesTagsOfItsOwn() {
		Note note = write("Tagged", "public", "energy");
		Note reply = commands.reply(SLUG, note.id(), new NewNote("Agreed", null, null).withTags(List.of("agreement")), bob);
		assertThat(reply.tags()).containsExactly("agreement");
		Article article = library.find(SLUG).orElseThrow();
		NoteThread thread = queries.pageNotes(article, null).on(BLOCK).threads().get(0);
		assertThat(thread.note().tags()).containsExactly("energy");
		assertThat(thread.replies().get(0).tags()).containsExactly("agreement");
	}

	@Test
	void brokenTagsAreRefusedWithTheirMessageAndNothingIsStored() {
		int tagsBefore = tagRows();
		List<String> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add("t" + i);
		}
		assertThatThrownBy(() -> write("x", null, eleven.toArray(String[]::new)))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors())
				.containsEntry("tags", "At most 10 tags per note; this one has 11."));
		assertThatThrownBy(() -> write("x", null, "fine", "z".repeat(41)))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors().get("tags"))
				.startsWith("A tag can have at most 40 characters: “zzz"));
		assertThatThrownBy(() -> write("", null, "nul\u0000"))
			.as("every field's message at once")
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKeys("body", "tags"));
		Note note = write("kept", null, "kept");
		assertThatThrownBy(() -> commands.edit(SLUG, note.id(), new NewNote("edited", null, null)
			.withTags(List.of("a,b")), null, ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors().get("tags")).contains("comma"));
		assertThat(queries.find(SLUG, note.id(), ada).orElseThrow().tags()).containsExactly("kept");
		assertThat(tagRows()).isEqualTo(tagsBefore + 1);
	}

	@Test
	void tagsOfFortyCodePointsFitOnEitherDatabase() {
		String emoji = "😀".repeat(40);
		String dotted = "İ".repeat(40); // lower case: 80 code points
		assertThat(write("Long tags", null, emoji, dotted).tags()).containsExactly(emoji, dotted);
	}

	@Test
	void anEditReplacesTheTagsAndAnEditWithoutAnyKeepsThem() {
		Note note = write("v1", null, "one", "two");
		Note edited = commands.edit(SLUG, note.id(), new NewNote("v2", null, null).withTags(List.of("Two", "three")), 1, ada);
		assertThat(edited.tags()).containsExactly("Two", "three");
		Note kept = commands.edit(SLUG, note.id(), new NewNote("v3", null, null), 2, ada);
		assertThat(kept.tags()).containsExactly("Two", "three");
		assertThat(queries.find(SLUG, note.id(), null).orElseThrow().tags()).containsExactly("Two", "three");
		commands.edit(SLUG, note.id(), new NewNote("v4", null, null).withTags(List.of()), 3, ada);
		assertThat(queries.find(SLUG, note.id(), null).orElseThrow().tags()).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_tags WHERE note_id = :id").param("id", note.id())
			.query(Integer.class).single()).isZero();
	}

	@Test
	void aDeletedNoteTakesItsTagsWithIt() {
		int before = tagRows();
		Note alone = write("alone", null, "gone");
		Note answered = write("answered", null, "gone too");
		Note reply = commands.reply(SLUG, answered.id(), new NewNote("reply", null, null).withTags(List.of("stays")), bob);
		commands.delete(SLUG, alone.id(), null, ada);
		commands.delete(SLUG, answered.id(), null, ada);
		assertThat(jdbc.sql("SELECT tag FROM note_tags").query(String.class).list()).as("the tombstone has none")
			.containsExactly("stays");
		commands.delete(SLUG, reply.id(), null, bob);
		assertThat(tagRows()).isEqualTo(before);
	}

	@Test
	void theTagCountsCountWhatTheViewerMaySee() {
		write("one", "public", "Energy", "trade");
		write("two", "public", "energy");
		write("mine alone", "private", "energy", "secret plan");
		Note hidden = write("hidden", "public", "energy", "hidden topic");
		moderation.setHidden(SLUG, hidden.id(), true);
		Note deleted = write("deleted", "public", "deleted topic");
		commands.delete(SLUG, deleted.id(), null, ada);
		commands.create(SLUG, BLOCK, new NewNote("Bob's", null, "private").withTags(List.of("bob only")), bob);

		List<TagCount> seen = List.of(new TagCount("Energy", "energy", 2), new TagCount("trade", "trade", 1));
		assertThat(queries.tagCounts(SLUG, null)).as("anyone").containsExactlyElementsOf(seen);
		assertThat(queries.tagCounts(SLUG, bob)).as("Bob").extracting(TagCount::key)
			.containsExactlyInAnyOrder("energy", "trade", "bob only");
		assertThat(queries.tagCounts(SLUG, ada)).as("Ada, with her private note")
			.extracting(count -> count.key() + " " + count.notes())
			.containsExactly("energy 3", "secret plan 1", "trade 1");
		assertThat(queries.tagCounts("no-such-article", ada)).isEmpty();
	}

}
