package dev.marginalia.live;

import dev.marginalia.notes.NoteChanged;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes each note change to its event log (the public one, or the private one for a private note: see
 * {@link EventLog}) in the note's own transaction (so the log holds exactly what was committed), and wakes the
 * fan-out once it is committed: here directly, on other instances through PostgreSQL's NOTIFY, which PostgreSQL
 * delivers only at commit.
 */
@Component
class EventRecorder {

	private final EventLog log;

	private final PostgresWakeups wakeups;

	private final Fanout fanout;

	EventRecorder(EventLog log, PostgresWakeups wakeups, Fanout fanout) {
		this.log = log;
		this.wakeups = wakeups;
		this.fanout = fanout;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void record(NoteChanged change) {
		log.append(change);
		wakeups.notifyOnCommit();
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void committed(NoteChanged change) {
		fanout.wake();
	}

}
