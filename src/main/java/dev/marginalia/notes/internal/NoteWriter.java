package dev.marginalia.notes.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.marginalia.database.DatabaseFailures;
import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.Note;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores new notes and replies with group commit. One thread takes every note waiting at that moment and writes
 * them in one transaction (for each: its author, its anchor if new, the note and its tags, its entry in the event log); each
 * writer is answered only after that transaction has committed, so an acknowledged note is exactly as durable as
 * with a transaction of its own, while the commit (on the embedded database, a write of every changed page to the
 * file) is shared by the whole batch. When a batch fails, its notes are written again one transaction each, so
 * that one note that cannot be stored (a reply whose note was just deleted) takes no other with it; unless the
 * batch failed because the database is not answering: then every note of it fails at once (none was stored).
 * <p>
 * Called inside a transaction (an import), a note joins it instead; and before the thread starts or after it
 * stopped, a note is written in a transaction of its own on the caller's thread. A new anchor written by an import
 * is held until the import commits: a note on the same new anchor meanwhile waits for it (on H2 up to its lock
 * timeout of two seconds; then its batch fails and it is tried alone, waiting as long again).
 */
@Component
public class NoteWriter implements SmartLifecycle {

	/** The most notes one transaction takes. */
	public static final int MAX_BATCH = 256;

	private static final Logger log = LoggerFactory.getLogger(NoteWriter.class);

	private final AuthorRepository authors;

	private final NoteRepository notes;

	private final NoteTagRepository tags;

	private final PlacementRepository anchors;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final AtomicLong commits = new AtomicLong();

	private final BackgroundThread thread = new BackgroundThread("note-writer", Duration.ofSeconds(30));

	NoteWriter(AuthorRepository authors, NoteRepository notes, NoteTagRepository tags, PlacementRepository anchors,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
		this.authors = authors;
		this.notes = notes;
		this.tags = tags;
		this.anchors = anchors;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Stores a new note and records its author (with the name they gave, if any); returns once it is committed.
	 * @param placement where the note is in the article's current version (the place of its anchor, if new)
	 * @param givenName the name to remember for the author, or null to keep the one they have
	 */
	public Note write(Note note, StoredPlacement placement, @Nullable String givenName, OffsetDateTime now) {
		String anchorKey = note.isReply() ? null : AnchorKeys.of(note.anchor(), note.blockHash());
		Pending pending = new Pending(note, anchorKey, placement, givenName, now, new CompletableFuture<>());
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			store(List.of(pending));
			return note;
		}
		if (!thread.isRunning() || !queue.offer(pending)) {
			transactions.executeWithoutResult(status -> store(List.of(pending)));
			return note;
		}
		if (!thread.isRunning() && queue.remove(pending)) {
			// stopped in between: the thread may be gone without having seen it
			transactions.executeWithoutResult(status -> store(List.of(pending)));
			return note;
		}
		return await(pending);
	}

	private static Note await(Pending pending) {
		try {
			return pending.committed().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the note was being stored", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	private void store(List<Pending> batch) {
		// the anchors first, in key order: two instances writing the same new anchors (on PostgreSQL the second waits
		// for the first to commit) then wait for each other instead of deadlocking
		batch.stream()
			.filter(pending -> pending.anchorKey() != null)
			.sorted(Comparator.comparing(Pending::anchorKey))
			.forEach(pending -> anchors.insertIfAbsent(pending.note().articleSlug(), pending.anchorKey(),
					pending.note().blockHash(), pending.note().anchor(), pending.placement()));
		for (Pending pending : batch) {
			authors.save(pending.note().authorHash(), pending.givenName(), pending.now());
			notes.insert(pending.note(), pending.anchorKey());
			tags.insert(pending.note());
			events.publishEvent(NoteChanged.of(pending.note(), NoteChanged.Kind.ADDED));
		}
	}

	private void run() {
		List<Pending> batch = new ArrayList<>(MAX_BATCH);
		while (thread.isRunning() || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
		// interrupted: whatever is left is written by this thread's last act, not lost
		for (Pending left = queue.poll(); left != null; left = queue.poll()) {
			commitAlone(left);
		}
	}

	private void commit(List<Pending> batch) {
		if (batch.size() == 1) {
			commitAlone(batch.get(0));
			return;
		}
		try {
			transactions.executeWithoutResult(status -> store(batch));
			commits.incrementAndGet();
		}
		catch (RuntimeException | Error ex) {
			if (DatabaseFailures.isUnavailable(ex)) {
				// the database is away: one by one, each note would wait for it as long again, the last of a full
				// batch minutes after its writer was told anything
				batch.forEach(pending -> pending.committed().completeExceptionally(ex));
				return;
			}
			log.debug("A batch of {} notes failed ({}); writing them one by one", batch.size(), ex.toString());
			batch.forEach(this::commitAlone);
			return;
		}
		batch.forEach(pending -> pending.committed().complete(pending.note()));
	}

	private void commitAlone(Pending pending) {
		try {
			transactions.executeWithoutResult(status -> store(List.of(pending)));
			commits.incrementAndGet();
			pending.committed().complete(pending.note());
		}
		catch (RuntimeException | Error ex) {
			pending.committed().completeExceptionally(ex);
		}
	}

	/** @return how many transactions the writer thread has committed */
	public long commits() {
		return commits.get();
	}

	/** @return how many notes wait for the writer thread */
	public int waiting() {
		return queue.size();
	}

	@Override
	public void start() {
		thread.start(this::run);
	}

	/** Stops taking notes; those already waiting are still written (the thread ends when the queue is empty). */
	@Override
	public void stop() {
		thread.stop();
	}

	@Override
	public boolean isRunning() {
		return thread.isRunning();
	}

	/** Stops after the web server has finished its requests (which may be waiting for a commit here). */
	@Override
	public int getPhase() {
		return 0;
	}

	private record Pending(Note note, @Nullable String anchorKey, StoredPlacement placement, @Nullable String givenName,
			OffsetDateTime now, CompletableFuture<Note> committed) {
	}

}
