package dev.marginalia.live;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.marginalia.content.Article;
import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.Placements;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What an article's notes are at, as far as this instance knows: the article's version and a count of changes to
 * its public notes (every public change here, every public event from another instance, every re-anchoring bumps
 * it), and for a reader with an author secret, how many changes they made to their own private notes there (counted
 * in the private event log, so that it holds whichever instance they were made on). Whatever is built from the
 * notes and kept (the article page, the API's pages) is filed under the stamp read before the notes were: a page
 * built while a note was being written is filed under the older count and never served once the newer one is known.
 *
 * <p>A private note never moves what another reader's page is filed under: their page would be rendered again, and
 * its time would tell that someone wrote one even where its bytes do not.
 */
@Component
public class ArticleStamps {

	private final ConcurrentMap<String, AtomicLong> changes = new ConcurrentHashMap<>();

	private final EventLog log;

	ArticleStamps(EventLog log) {
		this.log = log;
	}

	/** @return the stamp of what readers without an author secret see: read it before reading the notes */
	public Stamp stamp(Article article) {
		return new Stamp(article.version(), counter(article.slug()).get(), 0);
	}

	/**
	 * @param authorHash the reader's author secret's hash, or null for a reader without one
	 * @return the stamp of what this reader sees, their private notes included: read it before reading the notes
	 */
	public Stamp stampFor(Article article, @Nullable String authorHash) {
		Stamp everyones = stamp(article);
		return authorHash == null ? everyones
				: new Stamp(everyones.version(), everyones.changes(), log.privateChanges(article.slug(), authorHash));
	}

	private AtomicLong counter(String slug) {
		return changes.computeIfAbsent(slug, key -> new AtomicLong());
	}

	/** A public note was written, edited, deleted, hidden or shown here: its writer's next read must show it. */
	@TransactionalEventListener(fallbackExecution = true)
	void noteChanged(NoteChanged change) {
		if (change.isPublic()) {
			counter(change.slug()).incrementAndGet();
		}
	}

	/** A public note changed on any instance (the live fan-out reads every instance's events). */
	@EventListener
	void noteEventArrived(NoteEventArrived event) {
		counter(event.slug()).incrementAndGet();
	}

	/** The article's notes were re-anchored for a new version of it. */
	@EventListener
	void notesPlaced(Placements.NotesPlaced event) {
		counter(event.slug()).incrementAndGet();
	}

	/**
	 * What a kept representation was built from.
	 * @param changes the count of changes to the article's public notes
	 * @param ownPrivateChanges how many changes the reader made to their private notes on it (0 without a reader)
	 */
	public record Stamp(String version, long changes, long ownPrivateChanges) {
	}

}
