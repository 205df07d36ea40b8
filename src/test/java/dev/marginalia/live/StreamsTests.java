package dev.marginalia.live;

import dev.marginalia.notes.NoteChanged;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/** One stream that has gone away never keeps an event from the others, and is dropped. */
class StreamsTests {

	@Test
	void aBrokenStreamIsDroppedAndTheOthersStillGetTheEvent() {
		Streams streams = new Streams(null, null);
		SseEmitter gone = streams.open("an-article", null, null);
		streams.open("an-article", null, null);
		gone.complete();
		streams.publish(new LiveEvent(1, "an-article", "note-1", "p-1", NoteChanged.Kind.ADDED, null, null));
		assertThat(streams.sent()).as("sent to the stream still open").isEqualTo(1);
		assertThat(streams.open()).as("the stream that went away is dropped").isEqualTo(1);
	}

}
