package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.support.TestNotes;
import dev.marginalia.notes.internal.NoteWriter;
import dev.marginalia.notes.internal.StoredPlacement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit: notes that wait while the writer is busy go into one transaction together, each is answered only
 * once it is committed (with its event in the log), and a note that cannot be stored takes no other with it.
 * The writer is held inside its first transaction by a gate on the commit, so that the others queue up behind it.
 */
@SpringBootTest
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NoteWriterTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	private static final int WAITING = 20;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteWriter writer;

	@Autowired
	CommitGate gate;

	@Autowired
	JdbcClient jdbc;

	private final ExecutorService threads = Executors.newFixedThreadPool(WAITING + 1);

	@BeforeEach
	void clear() {
		jdbc.sql("DELETE FROM note_events").update();
		TestNotes.deleteAll(jdbc);
	}

	@AfterEach
	void stop() {
		gate.open();
		threads.shutdownNow();
	}

	@Test
	void notesWaitingWhileTheWriterIsBusyShareOneTransactionAndAreAnsweredAfterItsCommit() throws Exception {
		gate.close();
		Future<Note> first = threads.submit(() -> commands.create(SLUG, BLOCK, draft("first"), author(0)));
		gate.awaitHeld();
		long commitsBefore = writer.commits();
		List<Future<Note>> waiting = new ArrayList<>();
		for (int i = 1; i <= WAITING; i++) {
			int n = i;
			waiting.add(threads.submit(() -> commands.create(SLUG, BLOCK, draft("note " + n), author(n))));
		}
		await().atMost(10, TimeUnit.SECONDS).until(() -> writer.waiting() == WAITING);
		assertThat(waiting).as("no answer before the commit").noneMatch(Future::isDone);
		assertThat(first.isDone()).as("the first note is answered after its commit only").isFalse();
		assertThat(storedIds()).as("nothing is visible before the commit").isEmpty();

		gate.open();
		List<String> ids = new ArrayList<>();
		ids.add(first.get(10, TimeUnit.SECONDS).id());
		for (Future<Note> note : waiting) {
			ids.add(note.get(10, TimeUnit.SECONDS).id());
		}

		assertThat(writer.commits() - commitsBefore).as("the first transaction, then one for the twenty waiting")
			.isEqualTo(2);
		assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(jdbc.sql("SELECT note_id FROM note_events WHERE kind = 'added'").query(String.class).list())
			.as("one event per note, written with it").containsExactlyInAnyOrderElementsOf(ids);
	}

	@Test
	void aNoteThatCannotBeStoredFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
		gate.close();
		Future<Note> first = threads.submit(() -> commands.create(SLUG, BLOCK, draft("first"), author(0)));
		gate.awaitHeld();
		List<Future<Note>> good = new ArrayList<>();
		for (int i = 1; i < WAITING; i++) {
			int n = i;
			good.add(threads.submit(() -> commands.create(SLUG, BLOCK, draft("note " + n), author(n))));
		}
		// a reply to a note that does not exist: the database refuses it (foreign key)
		Note orphanReply = new Note("no-such-parent-reply", SLUG, BLOCK, 0, "hash", "text", "no-such-note",
				author(99).secretHash(), Note.ANONYMOUS, "body", "<p>body</p>", Visibility.PUBLIC, now(), null, false, 1);
		CompletableFuture<Note> bad = CompletableFuture.supplyAsync(() -> writer.write(orphanReply, StoredPlacement.ORPHANED, null, now()), threads);
		await().atMost(10, TimeUnit.SECONDS).until(() -> writer.waiting() == WAITING);

		gate.open();
		List<String> ids = new ArrayList<>();
		ids.add(first.get(10, TimeUnit.SECONDS).id());
		for (Future<Note> note : good) {
			ids.add(note.get(10, TimeUnit.SECONDS).id());
		}
		assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(DataIntegrityViolationException.class);
		assertThat(storedIds()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_events WHERE note_id = 'no-such-parent-reply'")
			.query(Integer.class).single()).isZero();
	}

	private List<String> storedIds() {
		return jdbc.sql("SELECT id FROM notes").query(String.class).list();
	}

	private static NewNote draft(String body) {
		return new NewNote(body, null, null);
	}

	private static Author author(int n) {
		return new Author(AuthorSecrets.hash(AuthorSecrets.newSecret()), "Writer " + n);
	}

	private static OffsetDateTime now() {
		return OffsetDateTime.now(ZoneOffset.UTC);
	}

	/** Holds the writer inside its transaction, just before the commit, while closed. */
	static final class CommitGate {

		private final AtomicBoolean closed = new AtomicBoolean();

		private volatile CountDownLatch held = new CountDownLatch(1);

		private volatile CountDownLatch opened = new CountDownLatch(0);

		void close() {
			held = new CountDownLatch(1);
			opened = new CountDownLatch(1);
			closed.set(true);
		}

		void open() {
			closed.set(false);
			opened.countDown();
		}

		void awaitHeld() throws InterruptedException {
			assertThat(held.await(10, TimeUnit.SECONDS)).as("the writer reached the commit").isTrue();
		}

		@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
		void beforeCommit(NoteChanged change) throws InterruptedException {
			if (closed.get()) {
				held.countDown();
				opened.await(30, TimeUnit.SECONDS);
			}
		}

	}

	@TestConfiguration
	static class Config {

		@Bean
		CommitGate commitGate() {
			return new CommitGate();
		}

	}

}
