package dev.marginalia.live;

import dev.marginalia.notes.NoteChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Metrics for operators (Prometheus at {@code /actuator/prometheus}): notes written, by what happened, on
 * this instance; event streams open now; events sent to them.
 */
@Component
class LiveMetrics {

	private final Counter added;

	private final Counter edited;

	private final Counter deleted;

	LiveMetrics(MeterRegistry registry, Streams streams) {
		this.added = counter(registry, "added");
		this.edited = counter(registry, "edited");
		this.deleted = counter(registry, "deleted");
		Gauge.builder("marginalia.live.connections", streams, Streams::open)
			.description("Event streams open on this instance")
			.register(registry);
		Gauge.builder("marginalia.live.events.sent", streams, Streams::sent)
			.description("Events sent to open streams by this instance")
			.register(registry);
	}

	private static Counter counter(MeterRegistry registry, String kind) {
		return Counter.builder("marginalia.notes.written")
			.description("Notes and replies written through this instance (committed)")
			.tag("kind", kind)
			.register(registry);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void committed(NoteChanged change) {
		switch (change.kind()) {
			case ADDED -> added.increment();
			case EDITED -> edited.increment();
			case DELETED -> deleted.increment();
		}
	}

}
