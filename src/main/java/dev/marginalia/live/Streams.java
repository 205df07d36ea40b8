package dev.marginalia.live;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.ReplyNotice;
import dev.marginalia.notes.ReplyNotices;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open event streams of this instance, by article. Each reader is told only what they may see. Events of public
 * notes carry their id in the public log; the changes of a private note reach its author's streams alone, and
 * without an id (the private log's ids are never shown, and an event without one leaves the stream's last id as it
 * was): they are live only, not sent again to a stream that reconnects, whose page shows them when next loaded.
 * Another reader's stream is sent nothing for them, not even an id skipped. A new public reply is also sent, as a
 * {@code reply} event, to the streams of the reader who wrote the note it answers (and not the reply): each stream
 * knows its reader, so that is decided here, and no author's hash goes to any page. A stream lives half an hour, then the
 * browser reconnects with the last id it saw and is sent what it missed; a comment every 20 seconds keeps proxies
 * from closing a quiet stream.
 */
@Component
class Streams {

	static final Duration LIFETIME = Duration.ofMinutes(30);

	static final int REPLAY_LIMIT = 500;

	private final Map<String, Set<Subscriber>> bySlug = new ConcurrentHashMap<>();

	private final AtomicLong sent = new AtomicLong();

	private final EventLog log;

	private final ReplyNotices replies;

	Streams(EventLog log, ReplyNotices replies) {
		this.log = log;
		this.replies = replies;
	}

	/**
	 * @param lastEventId the last event the reader saw, or null for a new page (nothing to replay)
	 */
	SseEmitter open(String slug, @Nullable String viewerHash, @Nullable Long lastEventId) {
		SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
		Subscriber subscriber = new Subscriber(emitter, slug, viewerHash);
		Set<Subscriber> subscribers = bySlug.computeIfAbsent(slug, key -> ConcurrentHashMap.newKeySet());
		subscribers.add(subscriber);
		Runnable remove = () -> subscribers.remove(subscriber);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		subscriber.send(SseEmitter.event().reconnectTime(3_000).comment("connected"));
		if (lastEventId != null) {
			// public events only: the same for every reader
			List<LiveEvent> replayed = log.replay(slug, lastEventId, REPLAY_LIMIT);
			// the replies among them to this reader's notes, in one read (not one per reply missed)
			Map<String, ReplyNotice> notices = new HashMap<>();
			if (viewerHash != null) {
				List<String> replyIds = replayed.stream().filter(Streams::mayBeNotice).map(LiveEvent::noteId).toList();
				try {
					replies.to(slug, replyIds, viewerHash).forEach(notice -> notices.put(notice.replyId(), notice));
				}
				catch (RuntimeException ex) {
					// the replay goes on without them
				}
			}
			for (LiveEvent missed : replayed) {
				subscriber.send(message(missed));
				ReplyNotice notice = notices.get(missed.noteId());
				if (notice != null && mayBeNotice(missed)) {
					subscriber.send(notice(missed, notice));
				}
			}
		}
		return emitter;
	}

	void publish(LiveEvent event) {
		Set<Subscriber> subscribers = bySlug.getOrDefault(event.slug(), Set.of());
		Optional<ReplyNotice> notice = noticeOf(event, subscribers);
		for (Subscriber subscriber : subscribers) {
			if (event.isVisibleTo(subscriber.viewerHash())) {
				if (subscriber.send(message(event))) {
					sent.incrementAndGet();
					// the reader wrote the note this replies to: told so apart (decided here, per stream)
					notice.filter(reply -> reply.isFor(subscriber.viewerHash()))
						.ifPresent(reply -> subscriber.send(notice(event, reply)));
				}
				else {
					subscribers.remove(subscriber);
				}
			}
		}
	}

	/**
	 * @return the notice of a new public reply, looked up once for all the streams of its article, and only when one
	 * of them has a reader who may have written the note it answers; never throws (the fan-out goes on without it)
	 */
	private Optional<ReplyNotice> noticeOf(LiveEvent event, Set<Subscriber> subscribers) {
		if (!mayBeNotice(event) || subscribers.stream().allMatch(subscriber -> subscriber.viewerHash() == null)) {
			return Optional.empty();
		}
		try {
			return replies.of(event.slug(), event.noteId());
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** @return whether the event is a new public reply, which may be a notice to the author of the note it answers */
	private static boolean mayBeNotice(LiveEvent event) {
		return event.kind() == NoteChanged.Kind.ADDED && event.parentId() != null && event.isPublic();
	}

	/** @return how many streams are open on this instance */
	int open() {
		return bySlug.values().stream().mapToInt(Set::size).sum();
	}

	/** @return how many events this instance has sent to streams */
	long sent() {
		return sent.get();
	}

	@Scheduled(fixedDelay = 20_000, initialDelay = 20_000)
	void heartbeat() {
		bySlug.values().forEach(subscribers -> subscribers.forEach(subscriber ->
				subscriber.send(SseEmitter.event().comment("keep-alive"))));
	}

	/** Before the server stops: close every stream cleanly, so browsers reconnect elsewhere at once. */
	@EventListener(ContextClosedEvent.class)
	void closeAll() {
		bySlug.values().forEach(subscribers -> {
			subscribers.forEach(subscriber -> subscriber.emitter().complete());
			subscribers.clear();
		});
	}

	private static SseEmitter.SseEventBuilder message(LiveEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", event.kind().name().toLowerCase(Locale.ROOT));
		data.put("note", event.noteId());
		data.put("block", event.blockId());
		if (event.parentId() != null) {
			data.put("parent", event.parentId());
		}
		SseEmitter.SseEventBuilder message = SseEmitter.event();
		if (event.isPublic()) {
			message.id(Long.toString(event.id()));
		}
		return message.name("note").data(data, MediaType.APPLICATION_JSON);
	}

	/**
	 * A {@code reply} event: someone replied to this reader's note. Without an id (the {@code note} event before it
	 * carries the reply's place in the log). Only the reply's author's name goes out, never anyone's secret hash.
	 */
	private static SseEmitter.SseEventBuilder notice(LiveEvent event, ReplyNotice reply) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("note", reply.replyId());
		data.put("parent", reply.parentId());
		data.put("block", event.blockId());
		data.put("author", reply.authorName());
		data.put("href", "/articles/" + event.slug() + "/notes/" + reply.replyId());
		return SseEmitter.event().name("reply").data(data, MediaType.APPLICATION_JSON);
	}

	private record Subscriber(SseEmitter emitter, String slug, @Nullable String viewerHash) {

		/**
		 * Sends one event; a reader who has gone away is dropped. Never throws: one broken stream must not stop
		 * the event from reaching the others (completing a stream the container has already ended throws too).
		 * @return whether it was sent
		 */
		boolean send(SseEmitter.SseEventBuilder event) {
			synchronized (this) {
				try {
					emitter.send(event);
					return true;
				}
				catch (IOException | RuntimeException ex) {
					try {
						emitter.completeWithError(ex);
					}
					catch (RuntimeException alreadyEnded) {
						// the container ended the request first (the reader went away): nothing left to complete
					}
					return false;
				}
			}
		}

	}


}
