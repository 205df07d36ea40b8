package dev.marginalia.live;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.marginalia.content.Article;
import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.Placements;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What an article's notes are at, as far as this instance knows: the article's version and a count of changes to
 * its notes (every change here, every event from another instance, every re-anchoring bumps it). Whatever is built
 * from the notes and kept (the article page, the API's pages) is filed under the stamp read before the notes were:
 * a page built while a note was being written is filed under the older count and never served once the newer one
 * is known.
 */
@Component
public class ArticleStamps {

	private final ConcurrentMap<String, AtomicLong> changes = new ConcurrentHashMap<>();

	/** @return the stamp to file what is built now under: read it before reading the notes */
	public Stamp stamp(Article article) {
		return new Stamp(article.version(), counter(article.slug()).get());
	}

	private AtomicLong counter(String slug) {
		return changes.computeIfAbsent(slug, key -> new AtomicLong());
	}

	/** A note was written, edited, deleted, hidden or shown here: its writer's next read must show it. */
	@TransactionalEventListener(fallbackExecution = true)
	void noteChanged(NoteChanged change) {
		counter(change.slug()).incrementAndGet();
	}

	/** A note changed on any instance (the live fan-out reads every instance's events). */
	@EventListener
	void noteEventArrived(NoteEventArrived event) {
		counter(event.slug()).incrementAndGet();
	}

	/** The article's notes were re-anchored for a new version of it. */
	@EventListener
	void notesPlaced(Placements.NotesPlaced event) {
		counter(event.slug()).incrementAndGet();
	}

	/** What a kept representation was built from. */
	public record Stamp(String version, long changes) {
	}

}
