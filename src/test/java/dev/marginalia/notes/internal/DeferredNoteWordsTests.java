package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.SearchQuery;
import dev.marginalia.notes.Visibility;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static dev.marginalia.notes.internal.NoteSearchIndexTests.SLUG;
import static dev.marginalia.notes.internal.NoteSearchIndexTests.note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Migration V23 on the embedded database: a new note's words are written after its commit ({@link DeferredNoteWords}),
 * yet a search finds every note committed before it; a note changed while its words wait is indexed as changed
 * (text, visibility, a hidden note's replies), never with what it was; and a deferred writer that took a note first
 * is waited for by a change of it.
 */
class DeferredNoteWordsTests {

	private static final SearchQuery ANNOTATIONS = SearchQuery.of("annotations", null, null, SearchQuery.Kind.ANY,
			SearchQuery.Order.RELEVANCE);

	private final String url = "jdbc:h2:mem:deferred-" + UUID.randomUUID()
			+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=20000";

	// one connection kept open throughout, as in NoteSearchIndexTests (H2 2.4 and sessions closed after a migration)
	private final SingleConnectionDataSource database = new SingleConnectionDataSource(url, "sa", "", true);

	private final JdbcClient jdbc = JdbcClient.create(database);

	private final DeferredNoteWords deferred = new DeferredNoteWords(new JdbcTemplate(database),
			new DataSourceTransactionManager(database));

	private final NoteSearchRepository search = new NoteSearchRepository(jdbc, new JdbcTemplate(database), deferred);

	@BeforeEach
	void migrate() {
		Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration")
			.javaMigrations(new NoteSearchIndex(), new SearchNewestFirstIndex(), new DeferredNoteWordsList())
			.load()
			.migrate();
		jdbc.sql("INSERT INTO authors (secret_hash, display_name, created_at) VALUES ('ada', 'Ada', CURRENT_TIMESTAMP)")
			.update();
	}

	@AfterEach
	void close() {
		deferred.stop();
		database.destroy();
	}

	@Test
	void aNewNotesWordsWaitUntilASearchWritesThemAndItFindsTheNote() {
		note(jdbc, "n1", null, "An annotation", "public", false);
		assertThat(waiting()).containsExactly("n1");
		assertThat(words("n1")).as("not written with the note").isZero();

		assertThat(search.find(SLUG, ANNOTATIONS, null, false, 0, 20).ids()).containsExactly("n1");
		assertThat(waiting()).isEmpty();
		assertThat(words("n1")).isPositive().isEqualTo(distinctWords("n1"));
		assertThat(search.count(SLUG, ANNOTATIONS, null, false)).isEqualTo(1);
	}

	@Test
	void whatWaitedBeforeTheStartIsWrittenAtTheStart() {
		note(jdbc, "n1", null, "An annotation", "public", false); // as a crash leaves it
		deferred.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> waiting().isEmpty());
		assertThat(words("n1")).isPositive().isEqualTo(distinctWords("n1"));
	}

	@Test
	void theThreadWritesTheWordsOfANoteItIsToldOfWithoutASearch() {
		deferred.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> deferred.rounds() > 0); // its first round, at the start
		note(jdbc, "n1", null, "An annotation", "public", false);
		deferred.noteChanged(new NoteChanged(SLUG, "n1", "p-1", NoteChanged.Kind.ADDED, null, Visibility.PUBLIC, "ada"));
		// well within the thread's idle wait (10 s) when nothing tells it
		await().atMost(Duration.ofSeconds(3)).until(() -> waiting().isEmpty());
		assertThat(words("n1")).isPositive().isEqualTo(distinctWords("n1"));
	}

	@Test
	void whereThereIsNoListNewNotesAreNotKeptAsAnnouncements() {
		// a database without the list (PostgreSQL; here H2 before V23): the thread ends at its first round
		SingleConnectionDataSource without = new SingleConnectionDataSource("jdbc:h2:mem:without-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true);
		try {
			DeferredNoteWords elsewhere = new DeferredNoteWords(new JdbcTemplate(without),
					new DataSourceTransactionManager(without));
			elsewhere.catchUp(); // as a search does: looks for the list, finds none
			for (int i = 0; i < 3; i++) {
				elsewhere.noteChanged(new NoteChanged(SLUG, "n" + i, "p-1", NoteChanged.Kind.ADDED, null,
						Visibility.PUBLIC, "ada"));
			}
			assertThat(elsewhere.announced()).isZero();
		}
		finally {
			without.destroy();
		}
		deferred.catchUp(); // where the list is, an announcement waits for the thread's next round
		deferred.noteChanged(new NoteChanged(SLUG, "n1", "p-1", NoteChanged.Kind.ADDED, null, Visibility.PUBLIC, "ada"));
		assertThat(deferred.announced()).isOne();
	}

	@Test
	void manyNotesAreWrittenInTransactionsOfAtMostTheirBatch() {
		int notes = DeferredNoteWords.NOTES_A_TRANSACTION + 10;
		for (int i = 0; i < notes; i++) {
			note(jdbc, "n" + i, null, "Annotation number " + i, "public", false);
		}
		assertThat(waiting()).hasSize(notes);
		assertThat(search.count(SLUG, ANNOTATIONS, null, false)).isEqualTo(notes);
		assertThat(waiting()).isEmpty();
	}

	@Test
	void aNoteWhoseTextChangesWhileItsWordsWaitIsIndexedWithItsNewText() {
		note(jdbc, "n1", null, "An annotation", "public", false);
		jdbc.sql("UPDATE notes SET body = 'A gloss' WHERE id = 'n1'").update();
		assertThat(waiting()).as("the change wrote its words").isEmpty();
		assertThat(words("n1")).isEqualTo(distinctWords("n1"));
		assertThat(search.find(SLUG, ANNOTATIONS, null, false, 0, 20).ids()).isEmpty();
		assertThat(search.find(SLUG, SearchQuery.of("gloss", null, null, SearchQuery.Kind.ANY,
				SearchQuery.Order.RELEVANCE), null, false, 0, 20).ids()).containsExactly("n1");
	}

	@Test
	void aNoteMadePrivateWhileItsWordsWaitIsFoundByItsAuthorAlone() {
		note(jdbc, "n1", null, "An annotation", "public", false);
		makePrivate(jdbc, "n1");
		assertThat(waiting()).isEmpty();
		assertThat(restricted("n1")).containsExactly(true);
		assertThat(search.find(SLUG, ANNOTATIONS, null, false, 0, 20).ids()).isEmpty();
		assertThat(search.find(SLUG, ANNOTATIONS, "ada", false, 0, 20).ids()).containsExactly("n1");
	}

	@Test
	void aReplyWaitingUnderANoteThatIsHiddenIsHiddenWithIt() {
		note(jdbc, "n1", null, "An annotation", "public", false);
		assertThat(search.count(SLUG, ANNOTATIONS, null, false)).isEqualTo(1);
		note(jdbc, "n2", "n1", "An annotating reply", "public", false);
		assertThat(waiting()).containsExactly("n2");

		jdbc.sql("UPDATE notes SET hidden = TRUE WHERE id = 'n1'").update();
		jdbc.sql("UPDATE note_places SET hidden = TRUE WHERE note_id IN ('n1', 'n2')").update();
		assertThat(waiting()).as("the hiding wrote the reply's words").isEmpty();
		assertThat(restricted("n2")).containsExactly(true);
		assertThat(search.find(SLUG, ANNOTATIONS, null, false, 0, 20).ids()).isEmpty();
		assertThat(search.find(SLUG, ANNOTATIONS, null, true, 0, 20).ids()).as("the moderator")
			.containsExactlyInAnyOrder("n1", "n2");
	}

	@Test
	void aNoteDeletedWhileItsWordsWaitLeavesNothing() {
		note(jdbc, "n1", null, "An annotation", "public", false);
		jdbc.sql("DELETE FROM note_places WHERE note_id = 'n1'").update();
		jdbc.sql("DELETE FROM notes WHERE id = 'n1'").update();
		assertThat(search.find(SLUG, ANNOTATIONS, null, false, 0, 20).ids()).isEmpty();
		assertThat(waiting()).isEmpty();
		assertThat(words("n1")).isZero();
	}

	/**
	 * The race the claim closes: the deferred writer has taken the note and written its words as public, not yet
	 * committed, when the note is made private. The change waits for it, then finds its words and restricts them
	 * (without the claim, it would restrict nothing, and the writer would then commit public words of a private note).
	 */
	@Test
	void aChangeOfANoteThatTheDeferredWriterHasTakenWaitsForItAndThenRestrictsItsWords() throws Exception {
		note(jdbc, "n1", null, "An annotation", "public", false);
		Connection writer = database.getConnection();
		writer.setAutoCommit(false);
		assertThat(NoteWordsTrigger.claim(writer, "n1")).isTrue();
		NoteWordsTrigger.indexStored(writer, "n1");

		AtomicReference<Throwable> failed = new AtomicReference<>();
		Thread change = new Thread(() -> {
			try (Connection other = DriverManager.getConnection(url, "sa", "")) {
				makePrivate(JdbcClient.create(new SingleConnectionDataSource(other, true)), "n1");
			}
			catch (SQLException | RuntimeException ex) {
				failed.set(ex);
			}
		});
		change.start();
		// until the change waits in H2 for the writer's transaction to end
		await().atMost(Duration.ofSeconds(10)).until(() -> List.of(change.getStackTrace()).stream()
			.anyMatch(frame -> frame.getMethodName().equals("waitForThisToEnd")));
		writer.commit();
		writer.setAutoCommit(true);
		change.join(Duration.ofSeconds(15).toMillis());

		assertThat(failed.get()).isNull();
		assertThat(change.isAlive()).isFalse();
		assertThat(restricted("n1")).containsExactly(true);
		assertThat(search.find(SLUG, ANNOTATIONS, null, false, 0, 20).ids()).isEmpty();
	}

	private static void makePrivate(JdbcClient client, String id) {
		client.sql("UPDATE notes SET visibility = 'private' WHERE id = ?").param(id).update();
		client.sql("UPDATE note_places SET visibility = 'private' WHERE note_id = ?").param(id).update();
	}

	private List<String> waiting() {
		return jdbc.sql("SELECT note_id FROM note_words_pending ORDER BY note_id").query(String.class).list();
	}

	/** How many rows of words the note has. */
	private int words(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM note_words WHERE note_id = ?").param(id).query(Integer.class).single();
	}

	/** How many distinct words: as many as {@link #words} when none was written twice. */
	private int distinctWords(String id) {
		return jdbc.sql("SELECT COUNT(DISTINCT word) FROM note_words WHERE note_id = ?").param(id)
			.query(Integer.class).single();
	}

	private List<Boolean> restricted(String id) {
		return jdbc.sql("SELECT DISTINCT restricted FROM note_words WHERE note_id = ?").param(id)
			.query(Boolean.class).list();
	}

}
