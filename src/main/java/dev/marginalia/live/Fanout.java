package dev.marginalia.live;

import dev.marginalia.notes.NoteEventArrived;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads new entries of the event logs when woken (by a local commit or a NOTIFY from another instance) and hands
 * them to the open streams. One thread; no timer polls the tables, except a slow safety net. The public log's
 * entries go to every stream and mark what was built from the article's notes out of date; the private log's go to
 * their authors' streams alone (see {@link EventLog}), each log read from its own place ({@link LogTail}).
 */
@Component
class Fanout implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Fanout.class);

	private final EventLog events;

	private final Streams streams;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private LogTail everyones;

	private LogTail authors;

	private Thread thread;

	private final ApplicationEventPublisher publisher;

	Fanout(EventLog events, Streams streams, ApplicationEventPublisher publisher) {
		this.events = events;
		this.streams = streams;
		this.publisher = publisher;
	}

	void wake() {
		wake.release();
	}

	@Override
	public void start() {
		everyones = new LogTail(events, EventLog.Audience.EVERYONE);
		authors = new LogTail(events, EventLog.Audience.AUTHOR);
		running = true;
		thread = new Thread(this::run, "live-fanout");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		wake.release();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				boolean awaitsGaps = everyones.awaitsGaps() || authors.awaitsGaps();
				wake.tryAcquire(awaitsGaps ? 250 : 30_000, TimeUnit.MILLISECONDS);
				wake.drainPermits();
				if (running) {
					dispatch();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Live updates could not read the event log: {}", ex.toString());
			}
		}
	}

	private void dispatch() {
		everyones.read(event -> {
			streams.publish(event);
			publisher.publishEvent(new NoteEventArrived(event.slug()));
		});
		authors.read(streams::publish);
	}

}
