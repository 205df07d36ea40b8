package dev.marginalia.live;

import org.springframework.stereotype.Component;

/**
 * Where the public event log stands. A page rendered now carries it, so that its live stream starts from there and
 * nothing written between the page and the stream's opening is lost. Private notes never move it (see
 * {@link EventLog}).
 */
@Component
public class EventPosition {

	private final EventLog log;

	EventPosition(EventLog log) {
		this.log = log;
	}

	/** @return the id of the last public event written, 0 when there is none */
	public long current() {
		return log.lastId(EventLog.Audience.EVERYONE);
	}

}
