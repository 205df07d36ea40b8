package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import dev.marginalia.notes.NoteChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the embedded database, writes the words of new notes after the notes' own commit, up to
 * {@value #NOTES_A_TRANSACTION} notes a transaction. {@link NoteWordsTrigger} puts each new note on the list
 * {@code note_words_pending} in the note's own transaction (migration V23, {@link DeferredNoteWordsList}), so that a
 * note on it survives a crash and is written at the next start. H2's store is copy-on-write: each commit writes again
 * every index page it changed, and the two word indexes (a page for each word of each note) were about half of what
 * the note writer's group commits wrote; written a few times a second for hundreds of notes at once, they cost a
 * fraction of that.
 * <p>
 * A search first writes whatever is still on the list ({@link #catchUp()}), so that it finds every note committed
 * before it, as when the words were written with the note; a thread of its own writes them otherwise,
 * {@value #INTERVAL_MS} ms after it is told of a committed note (so that more come with it), and every
 * {@value #IDLE_MS} ms in any case. Each note is taken off the list (a delete of its row) before its words are
 * written, in the same transaction, as a change of the note does ({@link NoteWordsTrigger}): of two transactions that
 * would write the same note's words one does, and the other waits for it and then sees them. On PostgreSQL (whose
 * full-text index is kept by its trigger in the note's transaction) there is no list, and this does nothing.
 */
@Component
class DeferredNoteWords implements SmartLifecycle {

	/** The most notes whose words one transaction writes. */
	static final int NOTES_A_TRANSACTION = 500;

	/** How long the thread waits, once told of a new note, for more to come before it writes their words. */
	static final long INTERVAL_MS = 250;

	/** How long it waits when told of nothing (a note added while it was not listening is written by then). */
	static final long IDLE_MS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(DeferredNoteWords.class);

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final ReentrantLock writing = new ReentrantLock();

	private final Semaphore added = new Semaphore(0);

	private final AtomicLong rounds = new AtomicLong();

	/** Once the list has been seen: it stays (a migration made it). */
	private volatile boolean listSeen;

	private final BackgroundThread thread = new BackgroundThread("note-words", Duration.ofSeconds(5));

	DeferredNoteWords(JdbcTemplate template, PlatformTransactionManager transactionManager) {
		this.template = template;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Whether the database has the list of notes whose words wait (H2 after migration V23). */
	static boolean listExists(Connection connection) throws SQLException {
		try (PreparedStatement table = connection.prepareStatement("SELECT COUNT(*) FROM information_schema.tables "
				+ "WHERE LOWER(table_name) = 'note_words_pending'");
				ResultSet found = table.executeQuery()) {
			return found.next() && found.getInt(1) > 0;
		}
	}

	/** Writes the words of every note on the list; returns when it is empty (or at once where there is none). */
	void catchUp() {
		if (!listed()) {
			return;
		}
		writing.lock();
		try {
			Integer listed;
			do {
				listed = transactions.execute(status -> writeSome());
			}
			while (listed != null && listed == NOTES_A_TRANSACTION);
		}
		finally {
			writing.unlock();
		}
	}

	private boolean listed() {
		if (!listSeen) {
			listSeen = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) DeferredNoteWords::listExists));
		}
		return listSeen;
	}

	/** @return how many notes were on the list (up to {@value #NOTES_A_TRANSACTION}), each now written or gone */
	private Integer writeSome() {
		return template.execute((ConnectionCallback<Integer>) connection -> {
			List<String> waiting = new ArrayList<>();
			try (PreparedStatement list = connection.prepareStatement("SELECT note_id FROM note_words_pending "
					+ "ORDER BY note_id FETCH FIRST " + NOTES_A_TRANSACTION + " ROWS ONLY");
					ResultSet found = list.executeQuery()) {
				while (found.next()) {
					waiting.add(found.getString(1));
				}
			}
			for (String id : waiting) {
				if (NoteWordsTrigger.claim(connection, id)) {
					NoteWordsTrigger.indexStored(connection, id);
				}
			}
			return waiting.size();
		});
	}

	/**
	 * A note was added (and committed): its words are written within {@value #INTERVAL_MS} ms. Only once the thread
	 * has seen the list (its first round sees it before it reads it, so a note committed earlier is in that round):
	 * where there is none (PostgreSQL), the thread has ended and nothing would take the permits.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void noteChanged(NoteChanged change) {
		if (change.kind() == NoteChanged.Kind.ADDED && listSeen) {
			added.release();
		}
	}

	/** @return how many added notes have been announced and not yet taken by a round */
	int announced() {
		return added.availablePermits();
	}

	private void run() {
		boolean started = true; // whatever a crash left on the list, first
		while (thread.isRunning()) {
			try {
				if (!started) {
					// told of a note, or woken to stop, or a round all the same after the idle wait
					boolean toldOfANote = added.tryAcquire(IDLE_MS, TimeUnit.MILLISECONDS);
					if (!thread.isRunning()) {
						return;
					}
					log.trace("A round of the words of new notes (told of one: {})", toldOfANote);
				}
				started = false;
				TimeUnit.MILLISECONDS.sleep(INTERVAL_MS);
				added.drainPermits();
				if (!listed()) {
					// PostgreSQL (or H2 before V23): the words are written with the note; the migrations ran before
					return;
				}
				catchUp();
				rounds.incrementAndGet();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the database is away, or a change of a note held it longer than the lock timeout: the next round
				log.debug("The words of new notes wait for the next round: {}", ex.toString());
			}
		}
	}

	/** @return how many rounds the thread has finished */
	long rounds() {
		return rounds.get();
	}

	@Override
	public void start() {
		thread.start(this::run);
	}

	/** Ends the thread after its round. */
	@Override
	public void stop() {
		thread.stop(added::release);
	}

	@Override
	public boolean isRunning() {
		return thread.isRunning();
	}

}
