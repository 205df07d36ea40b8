package dev.marginalia.reading;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteModeration;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list of articles says how many public notes each article has and when the last was written (issue 19): what
 * every reader may see, so nothing private, hidden or deleted counts, nor moves the time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IndexActivityTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	static final OffsetDateTime START = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	@Autowired
	NoteModeration moderation;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
	}

	Element listed() {
		WebClient.Page index = web.page("/");
		assertThat(index.status()).isEqualTo(200);
		return index.html().selectFirst("a[href=/articles/" + SLUG + "]").closest("li").selectFirst(".activity");
	}

	Note write(String body, String visibility, int minute) {
		Note note = commands.create(SLUG, BLOCK, new NewNote(body, null, visibility), author());
		writtenAt(note.id(), minute);
		return note;
	}

	Note reply(Note to, String body, String visibility, int minute) {
		Note reply = commands.reply(SLUG, to.id(), new NewNote(body, null, visibility), author());
		writtenAt(reply.id(), minute);
		return reply;
	}

	void writtenAt(String id, int minute) {
		OffsetDateTime time = START.plusMinutes(minute);
		jdbc.sql("UPDATE notes SET created_at = :time WHERE id = :id").param("time", time).param("id", id).update();
		jdbc.sql("UPDATE note_places SET created_at = :time WHERE note_id = :id").param("time", time).param("id", id)
			.update();
	}

	Author author() {
		return queries.author(AuthorSecrets.newSecret());
	}

	@Test
	void anArticleWithoutNotesSaysSo() {
		Author author = author();
		Note gone = commands.create(SLUG, BLOCK, new NewNote("Written, then deleted", null, "public"), author);
		commands.delete(SLUG, gone.id(), null, author);
		assertThat(listed().text()).isEqualTo("No notes yet");
		assertThat(listed().select("time")).isEmpty();
	}

	@Test
	void onlyPublicNotesAndRepliesCountAndGiveTheLastActivity() {
		Note counted = write("A public note", "public", 1);
		reply(counted, "A public reply", "public", 5);

		write("A private note, written last", "private", 60);
		Note hidden = write("A note the moderator hides", "public", 50);
		reply(hidden, "A reply under the hidden note", "public", 55);
		moderation.setHidden(SLUG, hidden.id(), true);
		Author deleter = author();
		Note deleted = commands.create(SLUG, BLOCK, new NewNote("Deleted by its author", null, "public"), deleter);
		writtenAt(deleted.id(), 40);
		commands.delete(SLUG, deleted.id(), null, deleter);
		Author keeper = author();
		Note tombstone = commands.create(SLUG, BLOCK, new NewNote("Deleted, kept for its reply", null, "public"), keeper);
		writtenAt(tombstone.id(), 30);
		reply(tombstone, "The reply that keeps it", "public", 3);
		commands.delete(SLUG, tombstone.id(), null, keeper);

		Element activity = listed();
		assertThat(activity.selectFirst(".note-total").text()).isEqualTo("3 notes");
		Element time = activity.selectFirst("time");
		assertThat(time.attr("datetime")).isEqualTo("2026-03-01T09:05:00Z");
		assertThat(time.hasAttr("data-relative")).isTrue();
		assertThat(activity.text()).isEqualTo("3 notes, last 1 Mar 2026");
	}

	@Test
	void oneNoteIsSaidSoAndTheNextOneOnTheNextLoad() {
		write("The only one", "public", 0);
		assertThat(listed().text()).isEqualTo("1 note, last 1 Mar 2026");
		assertThat(listed().text()).as("kept").isEqualTo("1 note, last 1 Mar 2026");
		commands.create(SLUG, "p-FdgIsg", new NewNote("Another, today", null, "public"), author());
		assertThat(listed().selectFirst(".note-total").text()).isEqualTo("2 notes");
	}

}
