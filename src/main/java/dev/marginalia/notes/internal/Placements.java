package dev.marginalia.notes.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLoaded;
import dev.marginalia.notes.Note;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-anchors the notes of an article once per version of it, not per request. Places are stored per anchor (what
 * notes were written on, shared by the notes written on the same words), not per note: a new note's anchor is
 * placed when first written, and when an article changes its anchors are placed again in one run. Several
 * instances sharing a database agree through a compare-and-set on the article's row in
 * {@code article_placements}: one runs, the others see it running and serve what is stored meanwhile
 * (without caching it). A claim left unfinished (an instance died) is taken over after {@link #STALE_CLAIM}.
 * {@link ReAnchoring} decides every placement, as it did per request.
 *
 * <p>Placed when a version is read in ({@link ArticleLoaded}), never by a request that reads the notes: those ask
 * {@link #isCurrent}, and until it says yes they show the places of the version before and are not kept. A version
 * another instance was placing (or that could not be placed: the database was away) is tried again every
 * {@code marginalia.placements.retry} (10 s), which also takes over a claim left by an instance that died.
 */
@Service
public class Placements {

	public static final Duration STALE_CLAIM = Duration.ofMinutes(2);

	/** Anchors read at a time, so that memory stays bounded whatever the article. */
	private static final int SLICE = 2_000;

	/** The most anchors one transaction moves. */
	private static final int WRITES_PER_TRANSACTION = 10_000;

	private static final Logger log = LoggerFactory.getLogger(Placements.class);

	private final Anchoring anchoring;

	private final PlacementRepository repository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Slug to the version this instance knows is placed. */
	private final ConcurrentMap<String, String> placed = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

	/** Slug to the version read in here whose notes this instance has not seen placed yet. */
	private final ConcurrentMap<String, Article> pending = new ConcurrentHashMap<>();

	public Placements(Anchoring anchoring, PlacementRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.anchoring = anchoring;
		this.repository = repository;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** A version was read in: its notes are placed now, before it is served. */
	@EventListener
	void articleLoaded(ArticleLoaded loaded) {
		Article article = loaded.article();
		pending.put(article.slug(), article);
		try {
			ensureCurrent(article);
		}
		catch (RuntimeException ex) {
			log.warn("Could not place the notes of {} (version {}) now; trying again shortly: {}", article.slug(),
					article.version(), ex.toString());
		}
	}

	/** The versions not yet placed, tried again: placed by another instance meanwhile, or claimed by one that died. */
	@Scheduled(fixedDelayString = "${marginalia.placements.retry:PT10S}", initialDelayString = "${marginalia.placements.retry:PT10S}")
	void retryPending() {
		for (Article article : List.copyOf(pending.values())) {
			try {
				ensureCurrent(article);
			}
			catch (RuntimeException ex) {
				log.debug("Still cannot place the notes of {}: {}", article.slug(), ex.toString());
			}
		}
	}

	/**
	 * @return whether the article's notes are placed for this version (read only: by this instance's memory, else by
	 * the article's row, which a finished run of any instance marks done)
	 */
	public boolean isCurrent(Article article) {
		if (article.version().equals(placed.get(article.slug()))) {
			return true;
		}
		Optional<PlacementRepository.Claim> claim = repository.claim(article.slug());
		return claim.isPresent() && claim.get().version().equals(article.version()) && claim.get().done()
				&& markPlaced(article);
	}

	/**
	 * Makes sure the article's notes are placed for this version, re-anchoring them if no instance has yet.
	 * @return whether they are (false: another instance is placing them now; what is stored is the previous
	 * version's placement)
	 */
	public boolean ensureCurrent(Article article) {
		if (article.version().equals(placed.get(article.slug()))) {
			return true;
		}
		synchronized (locks.computeIfAbsent(article.slug(), slug -> new Object())) {
			if (article.version().equals(placed.get(article.slug()))) {
				return true;
			}
			OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
			Optional<PlacementRepository.Claim> claim = repository.claim(article.slug());
			boolean mine;
			if (claim.isEmpty()) {
				mine = repository.claimFirst(article.slug(), article.version(), now);
			}
			else if (claim.get().version().equals(article.version())) {
				if (claim.get().done()) {
					// placed by another instance, or by this one before a restart
					return markPlaced(article);
				}
				boolean stale = claim.get().claimedAt().isBefore(now.minus(STALE_CLAIM));
				mine = stale && repository.claimOver(article.slug(), claim.get(), article.version(), now);
			}
			else {
				mine = repository.claimOver(article.slug(), claim.get(), article.version(), now);
			}
			if (!mine) {
				return false;
			}
			long started = System.nanoTime();
			Run run = placeAll(article);
			repository.finish(article.slug(), article.version());
			log.info("Re-anchored {} notes on {} in {} ms ({} distinct anchors, {} of them moved; {})", run.notes(),
					article.slug(), (System.nanoTime() - started) / 1_000_000, run.anchors(), run.moved(), run.timings());
			return markPlaced(article);
		}
	}

	private boolean markPlaced(Article article) {
		placed.put(article.slug(), article.version());
		pending.computeIfPresent(article.slug(), (slug, waiting) -> waiting.version().equals(article.version()) ? null : waiting);
		events.publishEvent(new NotesPlaced(article.slug(), article.version()));
		return true;
	}

	/**
	 * Places the notes for this version: each anchor (the words notes were written on; every note has one, shared
	 * with the notes written on the same words) is placed once, and only the anchors that moved are written, in JDBC
	 * batches. The cost grows with the number of distinct anchors, not with the number of notes: the notes are
	 * neither read nor written (but counted, for the log).
	 */
	private Run placeAll(Article article) {
		List<PlacementRepository.Keyed> keyed = new ArrayList<>();
		for (PlacementRepository.Unplaced note : repository.withoutKey(article.slug())) {
			keyed.add(new PlacementRepository.Keyed(note.id(), AnchorKeys.of(note.anchor(), note.blockHash())));
		}
		if (!keyed.isEmpty()) {
			transactions.executeWithoutResult(status -> repository.storeKeys(keyed));
		}
		ReAnchoring anchoring = this.anchoring.reAnchoring(article);
		// each paragraph text read once for the whole run, and one copy of it: ReAnchoring remembers its answers by it
		Map<String, String> texts = new HashMap<>();
		List<PlacementRepository.Moved> moved = new ArrayList<>();
		int anchors = 0;
		int movedTotal = 0;
		long after = 0;
		Timings timings = new Timings();
		List<PlacementRepository.StoredAnchor> slice;
		do {
			long reading = System.nanoTime();
			slice = repository.anchors(article.slug(), after, SLICE);
			long placing = timings.read(reading);
			for (PlacementRepository.StoredAnchor stored : slice) {
				String text = texts.computeIfAbsent(stored.blockHash(), repository::text);
				StoredPlacement placement = StoredPlacement.of(anchoring.place(stored.withText(text).anchor()));
				if (!stored.isAt(placement)) {
					moved.add(new PlacementRepository.Moved(stored.id(), placement));
				}
			}
			long writing = timings.placed(placing);
			anchors += slice.size();
			if (!slice.isEmpty()) {
				after = slice.get(slice.size() - 1).id();
			}
			if (moved.size() >= WRITES_PER_TRANSACTION || (slice.size() < SLICE && !moved.isEmpty())) {
				// a few transactions, not one: H2 slows down on a transaction that rewrites very many rows; the
				// page is not kept before the run is done, so a reader never keeps a half-placed article
				List<PlacementRepository.Moved> writes = List.copyOf(moved);
				transactions.executeWithoutResult(status -> repository.store(writes));
				movedTotal += writes.size();
				moved.clear();
			}
			timings.written(writing);
		}
		while (slice.size() == SLICE);
		return new Run(repository.notes(article.slug()), anchors, movedTotal, timings);
	}

	/**
	 * @return where a new note goes in the version of the article it was written on: stored as its anchor's place
	 * if the anchor is new (a reply goes with its note and needs none)
	 */
	public StoredPlacement placeNew(Article article, Note note) {
		return StoredPlacement.of(anchoring.reAnchoring(article).place(note.anchor()));
	}

	/** What a run did: the article's notes (replies included: they go with their note), its anchors, how many moved. */
	private record Run(long notes, int anchors, int moved, Timings timings) {
	}

	/** Where a run's time went, for the log: reading the anchors, placing them, writing those that moved. */
	private static final class Timings {

		private long read;

		private long placed;

		private long written;

		/** @return now, where the next step starts */
		long read(long started) {
			long now = System.nanoTime();
			read += now - started;
			return now;
		}

		long placed(long started) {
			long now = System.nanoTime();
			placed += now - started;
			return now;
		}

		void written(long started) {
			written += System.nanoTime() - started;
		}

		@Override
		public String toString() {
			return "read " + read / 1_000_000 + " ms, placed " + placed / 1_000_000 + " ms, written "
					+ written / 1_000_000 + " ms";
		}

	}

	/** An article's notes were placed for a version of it: pages built before show the old places. */
	public record NotesPlaced(String slug, String version) {
	}

}
