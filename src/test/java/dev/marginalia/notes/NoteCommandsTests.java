package dev.marginalia.notes;

import java.time.Clock;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.AuthorSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of notes, on the embedded database with the real migrations. */
@NotesSlice
class NoteCommandsTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	@Autowired
	NoteQueries queries;

	@Autowired
	NoteCommands commands;

	@Autowired
	ArticleLibrary library;

	@Autowired
	JdbcClient jdbc;

	String adaSecret;

	Author ada;

	Author bob;

	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@BeforeEach
	void authors() {
		adaSecret = AuthorSecrets.newSecret();
		ada = queries.author(adaSecret);
		bob = queries.author(AuthorSecrets.newSecret());
	}

	int rows() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	@Test
	void aNoteKeepsItsParagraphAsItWasWritten() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("  A *good* point.  ", "Ada", null), ada);
		Article article = library.find(SLUG).orElseThrow();
		assertThat(note.id()).matches("[A-Za-z0-9_-]{22}");
		assertThat(note.body()).isEqualTo("A *good* point.");
		assertThat(note.bodyHtml()).contains("<em>good</em>");
		assertThat(note.blockText()).isEqualTo(article.block(BLOCK).orElseThrow().text());
		assertThat(note.blockPosition()).isEqualTo(article.block(BLOCK).orElseThrow().position());
		assertThat(note.blockHash()).hasSize(64);
		assertThat(note.authorName()).isEqualTo("Ada");
		assertThat(note.visibility()).isEqualTo(Visibility.PUBLIC);
		assertThat(note.version()).isEqualTo(1);
		assertThat(queries.find(SLUG, note.id(), null)).contains(note);
	}

	@Test
	void theNameIsAnonymousWhenNoneIsGivenAndRememberedWhenItIs() {
		assertThat(commands.create(SLUG, BLOCK, new NewNote("x", " ", null), ada).authorName()).isEqualTo("Anonymous");
		commands.create(SLUG, BLOCK, new NewNote("x", "Ada L.", null), ada);
		assertThat(queries.author(adaSecret).displayName()).isEqualTo("Ada L.");
	}

	@Test
	void badInputIsRefusedWithAMessagePerFieldAndNothingIsStored() {
		int before = rows();
		assertThatThrownBy(() -> commands.create(SLUG, BLOCK, new NewNote("   ", null, null), ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKey("body"));
		assertThatThrownBy(() -> commands.create(SLUG, BLOCK, new NewNote("x".repeat(10_001), null, null), ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors().get("body")).contains("10000"));
		assertThatThrownBy(() -> commands.create(SLUG, BLOCK, new NewNote("ok", "n".repeat(81), null), ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKey("authorName"));
		assertThatThrownBy(() -> commands.create(SLUG, BLOCK, new NewNote("a\u0000b", null, null), ada))
			.isInstanceOf(InvalidNoteException.class);
		assertThatThrownBy(() -> commands.create(SLUG, BLOCK, new NewNote("lone \uD800 surrogate", null, null), ada))
			.isInstanceOf(InvalidNoteException.class);
		assertThatThrownBy(() -> commands.create(SLUG, BLOCK, new NewNote("ok", null, "friends"), ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKey("visibility"));
		assertThatThrownBy(() -> commands.create(SLUG, "p-nothere", new NewNote("ok", null, null), ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKey("block"));
		assertThatThrownBy(() -> commands.create("no-such-article", BLOCK, new NewNote("ok", null, null), ada))
			.isInstanceOf(NoteNotFoundException.class);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void exactlyTenThousandCharactersCountedInCodePointsAreAllowed() {
		String emoji = "😀".repeat(10_000);
		assertThat(commands.create(SLUG, BLOCK, new NewNote(emoji, null, null), ada).body()).isEqualTo(emoji);
	}

	@Test
	void onlyTheAuthorCanEditOrDelete() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("mine", null, null), ada);
		assertThatThrownBy(() -> commands.edit(SLUG, note.id(), new NewNote("theirs", null, null), null, bob))
			.isInstanceOf(NoteForbiddenException.class);
		assertThatThrownBy(() -> commands.delete(SLUG, note.id(), null, bob)).isInstanceOf(NoteForbiddenException.class);
		Note edited = commands.edit(SLUG, note.id(), new NewNote("mine, edited", null, "private"), 1, ada);
		assertThat(edited.version()).isEqualTo(2);
		assertThat(edited.editedAt()).isNotNull();
		assertThat(edited.isPrivate()).isTrue();
		commands.delete(SLUG, note.id(), 2, ada);
		assertThat(queries.find(SLUG, note.id(), ada)).isEmpty();
	}

	@Test
	void anEditBreakingTheRulesIsRefusedAndChangesNothing() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("fine", "Ada", null), ada);
		assertThatThrownBy(() -> commands.edit(SLUG, note.id(), new NewNote(" ", null, null), 1, ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKey("body"));
		assertThatThrownBy(() -> commands.edit(SLUG, note.id(), new NewNote("x".repeat(10_001), null, null), 1, ada))
			.isInstanceOf(InvalidNoteException.class);
		assertThatThrownBy(() -> commands.edit(SLUG, note.id(), new NewNote("ok", "n".repeat(81), null), 1, ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKey("authorName"));
		assertThatThrownBy(() -> commands.edit(SLUG, note.id(), new NewNote("ok", null, "everyone"), 1, ada))
			.isInstanceOfSatisfying(InvalidNoteException.class, ex -> assertThat(ex.errors()).containsKey("visibility"));
		Note stored = queries.find(SLUG, note.id(), ada).orElseThrow();
		assertThat(stored.body()).isEqualTo("fine");
		assertThat(stored.version()).isEqualTo(1);
	}

	@Test
	void aStaleVersionIsAConflict() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("v1", null, null), ada);
		commands.edit(SLUG, note.id(), new NewNote("v2", null, null), 1, ada);
		assertThatThrownBy(() -> commands.edit(SLUG, note.id(), new NewNote("v2 again", null, null), 1, ada))
			.isInstanceOf(NoteConflictException.class);
		assertThatThrownBy(() -> commands.delete(SLUG, note.id(), 1, ada)).isInstanceOf(NoteConflictException.class);
		assertThat(queries.find(SLUG, note.id(), ada).orElseThrow().body()).isEqualTo("v2");
	}

	@Test
	void privateNotesAreSeenByTheirAuthorAlone() {
		Note secret = commands.create(SLUG, BLOCK, new NewNote("for me", null, "private"), ada);
		assertThat(queries.find(SLUG, secret.id(), ada)).isPresent();
		assertThat(queries.find(SLUG, secret.id(), bob)).isEmpty();
		assertThat(queries.find(SLUG, secret.id(), null)).isEmpty();
		Article article = library.find(SLUG).orElseThrow();
		assertThat(queries.notesOn(article, ada).on(BLOCK).count()).isEqualTo(1);
		assertThat(queries.notesOn(article, bob).on(BLOCK).count()).isZero();
		assertThat(queries.count(SLUG, bob)).isZero();
		assertThat(queries.page(SLUG, null, 0, 10)).isEmpty();
		assertThatThrownBy(() -> commands.reply(SLUG, secret.id(), new NewNote("peek", null, null), bob))
			.isInstanceOf(NoteNotFoundException.class);
	}

	@Test
	void aReplyToAPrivateNoteIsPrivateWhateverItsDraftSays() {
		Note secret = commands.create(SLUG, BLOCK, new NewNote("for me", null, "private"), ada);
		Note reply = commands.reply(SLUG, secret.id(), new NewNote("still for me", null, "public"), ada);
		Note replyToReply = commands.reply(SLUG, reply.id(), new NewNote("and this", null, "public"), ada);
		Note edited = commands.edit(SLUG, reply.id(), new NewNote("made public?", null, "public"), 1, ada);

		assertThat(List.of(reply, replyToReply, edited)).extracting(Note::visibility).containsOnly(Visibility.PRIVATE);
		assertThat(queries.find(SLUG, reply.id(), bob)).isEmpty();
		assertThat(queries.page(SLUG, bob, 0, 1_000)).extracting(Note::id).doesNotContain(reply.id(), replyToReply.id());
	}

	@Test
	void repliesAreOneLevelDeepAndCounted() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("note", null, null), ada);
		Note reply = commands.reply(SLUG, note.id(), new NewNote("reply", null, null), bob);
		Note replyToReply = commands.reply(SLUG, reply.id(), new NewNote("reply to reply", null, null), ada);
		assertThat(reply.parentId()).isEqualTo(note.id());
		assertThat(replyToReply.parentId()).isEqualTo(note.id());
		assertThat(reply.blockId()).isEqualTo(BLOCK);
		var blockNotes = queries.notesOn(library.find(SLUG).orElseThrow(), null).on(BLOCK);
		assertThat(blockNotes.count()).isEqualTo(3);
		assertThat(blockNotes.threads()).singleElement()
			.satisfies(thread -> assertThat(thread.replies()).extracting(Note::body).containsExactly("reply", "reply to reply"));
	}

	@Test
	void aDeletedNoteWithRepliesStaysAsATombstoneUntilItsLastReplyGoes() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("note", "Ada", null), ada);
		Note reply = commands.reply(SLUG, note.id(), new NewNote("reply", null, null), bob);
		commands.delete(SLUG, note.id(), null, ada);
		Note tombstone = queries.find(SLUG, note.id(), null).orElseThrow();
		assertThat(tombstone.deleted()).isTrue();
		assertThat(tombstone.body()).isEmpty();
		assertThat(tombstone.authorName()).isEqualTo("Anonymous");
		var blockNotes = queries.notesOn(library.find(SLUG).orElseThrow(), null).on(BLOCK);
		assertThat(blockNotes.count()).isEqualTo(1);
		assertThatThrownBy(() -> commands.reply(SLUG, note.id(), new NewNote("late", null, null), bob))
			.isInstanceOf(InvalidNoteException.class);
		commands.delete(SLUG, reply.id(), null, bob);
		assertThat(queries.find(SLUG, note.id(), null)).isEmpty();
		assertThat(rows()).isZero();
	}

	@Test
	void notesOnTextNoLongerInTheArticleAreOrphansNotLost() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("note", null, null), ada);
		jdbc.sql("UPDATE notes SET block_id = 'p-gone', block_text = 'A paragraph that the editors removed entirely.' "
				+ "WHERE id = :id").param("id", note.id()).update();
		ArticleNotes notes = queries.notesOn(library.find(SLUG).orElseThrow(), null);
		assertThat(notes.orphans()).extracting(thread -> thread.note().id()).containsExactly(note.id());
		assertThat(notes.byBlock()).isEmpty();
	}

	@Test
	void aNoteWhoseParagraphChangedItsIdFindsItByItsText() {
		Note note = commands.create(SLUG, BLOCK, new NewNote("note", null, null), ada);
		jdbc.sql("UPDATE notes SET block_id = 'p-AarOld', block_position = 3 WHERE id = :id").param("id", note.id()).update();
		ArticleNotes notes = queries.notesOn(library.find(SLUG).orElseThrow(), null);
		assertThat(notes.orphans()).isEmpty();
		assertThat(notes.on(BLOCK).threads()).extracting(thread -> thread.note().id()).containsExactly(note.id());
	}


}
