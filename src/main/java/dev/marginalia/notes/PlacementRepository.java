package dev.marginalia.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored placements of notes, and the per-article claim on re-anchoring them (portable SQL). */
@Repository
class PlacementRepository {

	private static final int BATCH = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	PlacementRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	Optional<Claim> claim(String slug) {
		return jdbc.sql("SELECT version, done, claimed_at FROM article_placements WHERE article_slug = :slug")
			.param("slug", slug)
			.query((row, n) -> new Claim(row.getString("version"), row.getBoolean("done"),
					row.getObject("claimed_at", OffsetDateTime.class)))
			.optional();
	}

	/** @return whether this call created the claim (false: another instance did first) */
	boolean claimFirst(String slug, String version, OffsetDateTime now) {
		try {
			return jdbc.sql("INSERT INTO article_placements (article_slug, version, done, claimed_at) "
					+ "VALUES (:slug, :version, FALSE, :now)")
				.param("slug", slug).param("version", version).param("now", now)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Compare-and-set: takes the claim over when it is still what was read. */
	boolean claimOver(String slug, Claim seen, String version, OffsetDateTime now) {
		return jdbc.sql("UPDATE article_placements SET version = :version, done = FALSE, claimed_at = :now "
				+ "WHERE article_slug = :slug AND version = :seenVersion AND done = :seenDone AND claimed_at = :seenAt")
			.param("version", version).param("now", now).param("slug", slug)
			.param("seenVersion", seen.version()).param("seenDone", seen.done()).param("seenAt", seen.claimedAt())
			.update() == 1;
	}

	void finish(String slug, String version) {
		jdbc.sql("UPDATE article_placements SET done = TRUE WHERE article_slug = :slug AND version = :version")
			.param("slug", slug).param("version", version).update();
	}

	/** The notes (not replies) of an article not yet placed for this version. */
	List<Unplaced> unplaced(String slug, String version) {
		return jdbc.sql("SELECT n.id, n.block_id, n.block_position, n.block_hash, n.quote_exact, n.quote_prefix, "
				+ "n.quote_suffix, n.quote_start, n.quote_end FROM note_places p JOIN notes n ON n.id = p.note_id "
				+ "WHERE p.article_slug = :slug AND p.parent_id IS NULL "
				+ "AND (p.placed_version IS NULL OR p.placed_version <> :version)")
			.param("slug", slug).param("version", version)
			.query(PlacementRepository::unplaced)
			.list();
	}

	/** The paragraph text that notes with this hash were written on. */
	String text(String slug, String blockHash) {
		return jdbc.sql("SELECT block_text FROM notes WHERE article_slug = :slug AND block_hash = :hash "
				+ "FETCH FIRST 1 ROWS ONLY")
			.param("slug", slug).param("hash", blockHash)
			.query(String.class).single();
	}

	/** Stores placements in batches. */
	void store(List<Placed> placed, String version) {
		for (int from = 0; from < placed.size(); from += BATCH) {
			List<Placed> batch = placed.subList(from, Math.min(placed.size(), from + BATCH));
			batches.batchUpdate("UPDATE note_places SET placed_block_id = ?, placed_start = ?, placed_end = ?, "
					+ "orphaned = ?, placed_version = ? WHERE note_id = ?", batch.stream()
				.map(p -> new Object[] { p.placement().blockId(), p.placement().start(), p.placement().end(),
						p.placement().orphaned(), version, p.id() })
				.toList());
		}
	}

	private static Unplaced unplaced(ResultSet row, int number) throws SQLException {
		String exact = row.getString("quote_exact");
		ReAnchoring.TextQuote quote = exact == null ? null : new ReAnchoring.TextQuote(exact,
				row.getString("quote_prefix"), row.getString("quote_suffix"), row.getInt("quote_start"),
				row.getInt("quote_end"));
		return new Unplaced(row.getString("id"), row.getString("block_id"), row.getInt("block_position"),
				row.getString("block_hash"), quote);
	}

	/** Who is placing an article's notes, for which version, and whether they finished. */
	record Claim(String version, boolean done, OffsetDateTime claimedAt) {
	}

	/** A note to place: its anchor without the paragraph text (fetched once per distinct text). */
	record Unplaced(String id, String blockId, int blockPosition, String blockHash,
			ReAnchoring.@Nullable TextQuote quote) {
	}

	record Placed(String id, StoredPlacement placement) {
	}

}
