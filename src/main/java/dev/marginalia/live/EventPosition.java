package dev.marginalia.live;

import org.springframework.stereotype.Component;

/**
 * Where the event log stands. A page rendered now carries it, so that its live stream starts from there and
 * nothing written between the page and the stream's opening is lost.
 */
@Component
public class EventPosition {

	private final EventLog log;

	EventPosition(EventLog log) {
		this.log = log;
	}

	/** @return the id of the last event written, 0 when there is none */
	public long current() {
		return log.lastId();
	}

}
