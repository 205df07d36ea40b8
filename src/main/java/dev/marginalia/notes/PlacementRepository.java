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

	/** The notes (not replies) of an article whose anchor key is not known yet (written before there were keys). */
	List<Unplaced> withoutKey(String slug) {
		return jdbc.sql("SELECT n.id, n.block_id, n.block_position, n.block_hash, n.quote_exact, n.quote_prefix, "
				+ "n.quote_suffix, n.quote_start, n.quote_end FROM note_places p JOIN notes n ON n.id = p.note_id "
				+ "WHERE p.article_slug = :slug AND p.parent_id IS NULL AND p.anchor_key IS NULL")
			.param("slug", slug)
			.query(PlacementRepository::unplaced)
			.list();
	}

	void storeKeys(List<Keyed> keyed) {
		for (int from = 0; from < keyed.size(); from += BATCH) {
			batches.batchUpdate("UPDATE note_places SET anchor_key = ? WHERE note_id = ?",
					keyed.subList(from, Math.min(keyed.size(), from + BATCH)).stream()
						.map(k -> new Object[] { k.anchorKey(), k.id() })
						.toList());
		}
	}

	/** The anchor keys of the notes (not replies) of an article not yet placed for this version. */
	List<String> unplacedKeys(String slug, String version) {
		return jdbc.sql("SELECT DISTINCT anchor_key FROM note_places WHERE article_slug = :slug AND parent_id IS NULL "
				+ "AND (placed_version IS NULL OR placed_version <> :version)")
			.param("slug", slug).param("version", version)
			.query(String.class)
			.list();
	}

	/** Where the notes with this anchor key were written: one of them, with its paragraph's text. */
	Optional<Unplaced> anchor(String slug, String anchorKey) {
		return jdbc.sql("SELECT id, block_id, block_position, block_hash, quote_exact, quote_prefix, quote_suffix, "
				+ "quote_start, quote_end, block_text FROM notes WHERE id = (SELECT MIN(note_id) FROM note_places "
				+ "WHERE article_slug = :slug AND anchor_key = :key)")
			.param("slug", slug).param("key", anchorKey)
			.query((row, n) -> unplaced(row, n).withText(row.getString("block_text")))
			.optional();
	}

	/** Stores one placement for every note (not reply) with this anchor key. @return how many */
	int store(String slug, String anchorKey, StoredPlacement placement, String version) {
		return jdbc.sql("UPDATE note_places SET placed_block_id = :block, placed_start = :start, placed_end = :end, "
				+ "orphaned = :orphaned, placed_version = :version WHERE article_slug = :slug AND anchor_key = :key "
				+ "AND parent_id IS NULL AND (placed_version IS NULL OR placed_version <> :version)")
			.param("block", placement.blockId()).param("start", placement.start()).param("end", placement.end())
			.param("orphaned", placement.orphaned()).param("version", version).param("slug", slug)
			.param("key", anchorKey)
			.update();
	}

	private static Unplaced unplaced(ResultSet row, int number) throws SQLException {
		String exact = row.getString("quote_exact");
		ReAnchoring.TextQuote quote = exact == null ? null : new ReAnchoring.TextQuote(exact,
				row.getString("quote_prefix"), row.getString("quote_suffix"), row.getInt("quote_start"),
				row.getInt("quote_end"));
		return new Unplaced(row.getString("id"), row.getString("block_id"), row.getInt("block_position"),
				row.getString("block_hash"), quote, "");
	}

	/** Who is placing an article's notes, for which version, and whether they finished. */
	record Claim(String version, boolean done, OffsetDateTime claimedAt) {
	}

	/** Where a note was written (the paragraph text only where needed). */
	record Unplaced(String id, String blockId, int blockPosition, String blockHash,
			ReAnchoring.@Nullable TextQuote quote, String text) {

		Unplaced withText(String text) {
			return new Unplaced(id, blockId, blockPosition, blockHash, quote, text);
		}

		ReAnchoring.Anchor anchor() {
			return new ReAnchoring.Anchor(blockId, blockPosition, text, quote);
		}

	}

	record Keyed(String id, String anchorKey) {
	}

}
