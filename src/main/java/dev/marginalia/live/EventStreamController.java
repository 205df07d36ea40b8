package dev.marginalia.live;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.Reader;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/articles/{slug}/events}: Server-Sent Events of the notes added, edited and deleted on an
 * article. Each event's id is its place in the public log; a browser that reconnects sends {@code Last-Event-ID} and
 * gets what it missed (a client that cannot set headers may send {@code ?lastEventId=}). A private note's changes
 * reach its author's streams alone, without an id (see {@link Streams}).
 */
@RestController
class EventStreamController {

	private final ArticleLibrary library;

	private final Streams streams;

	EventStreamController(ArticleLibrary library, Streams streams) {
		this.library = library;
		this.streams = streams;
	}

	@GetMapping(path = "/api/articles/{slug}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String slug,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParam,
			@AuthenticationPrincipal @Nullable Reader reader) {
		if (library.find(slug).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article");
		}
		String viewer = reader == null ? null : reader.secretHash();
		return streams.open(slug, viewer, parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam));
	}

	private static @Nullable Long parse(@Nullable String id) {
		if (id == null) {
			return null;
		}
		try {
			long value = Long.parseLong(id.strip());
			return value >= 0 ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
