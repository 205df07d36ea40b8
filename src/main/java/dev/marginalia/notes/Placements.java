package dev.marginalia.notes;

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

import dev.marginalia.content.Article;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-anchors the notes of an article once per version of it, not per request: new notes are placed when
 * written, and when an article changes its notes are placed again in one run (batched updates). Several
 * instances sharing a database agree through a compare-and-set on the article's row in
 * {@code article_placements}: one runs, the others see it running and serve what is stored meanwhile
 * (without caching it). A claim left unfinished (an instance died) is taken over after {@link #STALE_CLAIM}.
 * {@link ReAnchoring} decides every placement, as it did per request.
 */
@Service
public class Placements {

	static final Duration STALE_CLAIM = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(Placements.class);

	private final PlacementRepository repository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Slug to the version this instance knows is placed. */
	private final ConcurrentMap<String, String> placed = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

	Placements(PlacementRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events,
			Clock clock) {
		this.repository = repository;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
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
			log.info("Re-anchored {} notes on {} in {} ms ({} distinct anchors, {} notes moved)", run.notes(), article.slug(),
					(System.nanoTime() - started) / 1_000_000, run.anchors(), run.moved());
			return markPlaced(article);
		}
	}

	private boolean markPlaced(Article article) {
		placed.put(article.slug(), article.version());
		events.publishEvent(new NotesPlaced(article.slug(), article.version()));
		return true;
	}

	/**
	 * Places the notes for this version: once per distinct anchor (where notes were written), one set-based update
	 * for all the notes that share it, writing only the rows whose place changed. The cost grows with the number
	 * of distinct anchors and of notes that move, not with the number of notes.
	 */
	private Run placeAll(Article article) {
		List<PlacementRepository.Keyed> keyed = new ArrayList<>();
		for (PlacementRepository.Unplaced note : repository.withoutKey(article.slug())) {
			keyed.add(new PlacementRepository.Keyed(note.id(), AnchorKeys.of(note.anchor(), note.blockHash())));
		}
		if (!keyed.isEmpty()) {
			transactions.executeWithoutResult(status -> repository.storeKeys(keyed));
		}
		ReAnchoring anchoring = new ReAnchoring(article);
		List<PlacementRepository.AnchorGroup> groups = repository.anchors(article.slug());
		Map<String, List<PlacementRepository.AnchorGroup>> byKey = new HashMap<>();
		for (PlacementRepository.AnchorGroup group : groups) {
			byKey.computeIfAbsent(group.anchorKey(), key -> new ArrayList<>()).add(group);
		}
		Map<String, StoredPlacement> placements = new HashMap<>();
		byKey.forEach((key, places) -> repository.anchor(article.slug(), key).ifPresent(anchor -> {
			StoredPlacement placement = StoredPlacement.of(anchoring.place(anchor.anchor()));
			if (places.size() != 1 || !places.get(0).isAt(placement)) {
				placements.put(key, placement);
			}
		}));
		// a transaction per anchor: H2 slows down sharply on one transaction that rewrites 100,000 rows, and every
		// anchor's notes move together either way (the page is not kept before the run is done)
		int moved = 0;
		for (Map.Entry<String, StoredPlacement> entry : placements.entrySet()) {
			Integer stored = transactions.execute(status -> repository.store(article.slug(), entry.getKey(), entry.getValue()));
			moved += stored == null ? 0 : stored;
		}
		long notes = groups.stream().mapToLong(PlacementRepository.AnchorGroup::notes).sum();
		return new Run(notes, byKey.size(), moved);
	}

	/**
	 * @return where a new note goes in the version of the article it was written on (a reply goes with its note
	 * and needs none)
	 */
	StoredPlacement placeNew(Article article, Note note) {
		return StoredPlacement.of(new ReAnchoring(article).place(note.anchor()));
	}

	private record Run(long notes, int anchors, int moved) {
	}

	/** An article's notes were placed for a version of it: pages built before show the old places. */
	public record NotesPlaced(String slug, String version) {
	}

}
