package dev.marginalia.notes;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import dev.marginalia.content.Article;
import dev.marginalia.notes.internal.NoteReadModel;
import dev.marginalia.notes.internal.Placements;
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

	private final NoteReadModel reads;

	private final Placements placements;

	ArticleStamps(NoteReadModel reads, Placements placements) {
		this.reads = reads;
		this.placements = placements;
	}

	/** @return the stamp of what readers without an author secret see: read it before reading the notes */
	public Stamp stamp(Article article) {
		// the count first: a placement finishing in between bumps it, and the page is filed under the older count
		long count = counter(article.slug()).get();
		return new Stamp(article.version(), count, 0, placements.isCurrent(article));
	}

	/**
	 * @param authorHash the reader's author secret's hash, or null for a reader without one
	 * @return the stamp of what this reader sees, their private notes included: read it before reading the notes
	 */
	public Stamp stampFor(Article article, @Nullable String authorHash) {
		Stamp everyones = stamp(article);
		return authorHash == null ? everyones
				: new Stamp(everyones.version(), everyones.changes(),
						reads.privateChanges(article.slug(), authorHash), everyones.placed());
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
	 * @param placed whether the notes are placed for this version of the article (see {@link Placements}): until
	 * they are, what is built from them shows the places of the version before and is not kept
	 */
	public record Stamp(String version, long changes, long ownPrivateChanges, boolean placed) {
	}

}
