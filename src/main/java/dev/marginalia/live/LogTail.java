package dev.marginalia.live;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fan-out's place in one event log. Log ids come from an identity column, so a transaction that took id 10 may
 * commit after the one that took 11. A missing id is remembered as a gap and asked for again for a few seconds, so
 * that late commits still reach the pages; a gap that never fills was a rolled-back transaction. Used by the fan-out's
 * thread alone.
 */
final class LogTail {

	private static final long GAP_PATIENCE_MILLIS = 10_000;

	private static final int MAX_GAPS = 1_000;

	private static final int BATCH = 500;

	private final EventLog events;

	private final EventLog.Audience audience;

	private final Map<Long, Long> gaps = new LinkedHashMap<>();

	private long lastId;

	/** Starts after the log's last entry: what was written before is not sent again. */
	LogTail(EventLog events, EventLog.Audience audience) {
		this.events = events;
		this.audience = audience;
		this.lastId = events.lastId(audience);
	}

	/** Hands on what was committed since the last call: late entries (filling gaps) first, then the new ones in order. */
	void read(Consumer<LiveEvent> consumer) {
		long now = System.currentTimeMillis();
		gaps.values().removeIf(since -> now - since > GAP_PATIENCE_MILLIS);
		for (LiveEvent late : events.withIds(audience, List.copyOf(gaps.keySet()))) {
			gaps.remove(late.id());
			consumer.accept(late);
		}
		List<LiveEvent> batch;
		do {
			batch = events.after(audience, lastId, BATCH);
			for (LiveEvent event : batch) {
				for (long missing = lastId + 1; missing < event.id() && gaps.size() < MAX_GAPS; missing++) {
					gaps.put(missing, now);
				}
				lastId = event.id();
				consumer.accept(event);
			}
		}
		while (batch.size() == BATCH);
	}

	/** @return whether ids are awaited (then the fan-out looks again soon, woken or not) */
	boolean awaitsGaps() {
		return !gaps.isEmpty();
	}

}
