package dev.marginalia.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads new entries of the event log when woken (by a local commit or a NOTIFY from another instance) and
 * hands them to the open streams. One thread; no timer polls the table, except a slow safety net.
 *
 * <p>Log ids come from an identity column, so a transaction that took id 10 may commit after the one that took
 * 11. A missing id is remembered as a gap and asked for again for a few seconds, so that late commits still
 * reach the pages; a gap that never fills was a rolled-back transaction.
 */
@Component
class Fanout implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Fanout.class);

	private static final long GAP_PATIENCE_MILLIS = 10_000;

	private static final int MAX_GAPS = 1_000;

	private static final int BATCH = 500;

	private final EventLog events;

	private final Streams streams;

	private final Semaphore wake = new Semaphore(0);

	private final Map<Long, Long> gaps = new LinkedHashMap<>();

	private volatile boolean running;

	private long lastId;

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
		lastId = events.lastId();
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
				wake.tryAcquire(gaps.isEmpty() ? 30_000 : 250, TimeUnit.MILLISECONDS);
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
		long now = System.currentTimeMillis();
		gaps.values().removeIf(since -> now - since > GAP_PATIENCE_MILLIS);
		for (LiveEvent late : events.withIds(List.copyOf(gaps.keySet()))) {
			gaps.remove(late.id());
			streams.publish(late);
		}
		List<LiveEvent> batch;
		do {
			batch = events.after(lastId, BATCH);
			for (LiveEvent event : batch) {
				for (long missing = lastId + 1; missing < event.id() && gaps.size() < MAX_GAPS; missing++) {
					gaps.put(missing, now);
				}
				lastId = event.id();
				streams.publish(event);
				publisher.publishEvent(new NoteEventArrived(event.slug()));
			}
		}
		while (batch.size() == BATCH);
	}

}
