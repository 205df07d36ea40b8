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

	/**
	 * Every distinct anchor of the notes (not replies) of an article, with where its notes are now (one row per
	 * anchor and place: notes written at different times on the same words may have been placed apart).
	 */
	List<AnchorGroup> anchors(String slug) {
		return jdbc.sql("SELECT anchor_key, placed_block_id, placed_start, placed_end, orphaned, COUNT(*) AS notes "
				+ "FROM note_places WHERE article_slug = :slug AND parent_id IS NULL "
				+ "GROUP BY anchor_key, placed_block_id, placed_start, placed_end, orphaned")
			.param("slug", slug)
			.query((row, n) -> new AnchorGroup(row.getString("anchor_key"),
					new StoredPlacement(row.getString("placed_block_id"), (Integer) row.getObject("placed_start"),
							(Integer) row.getObject("placed_end")), row.getBoolean("orphaned"), row.getLong("notes")))
			.list();
	}

	/** Where the notes with this anchor key were written: one of them, with its paragraph's text. */
	Optional<Unplaced> anchor(String slug, String anchorKey) {
		return jdbc.sql("SELECT id, block_id, block_position, block_hash, quote_exact, quote_prefix, quote_suffix, "
				+ "quote_start, quote_end, block_text FROM notes WHERE id = (SELECT note_id FROM note_places "
				+ "WHERE article_slug = :slug AND anchor_key = :key FETCH FIRST 1 ROWS ONLY)")
			.param("slug", slug).param("key", anchorKey)
			.query((row, n) -> unplaced(row, n).withText(row.getString("block_text")))
			.optional();
	}

	/**
	 * Stores one placement for every note with this anchor key (replies too, though theirs is not used: with a
	 * condition on parent_id, H2 chose the parent index and read every row of the article); rows already there
	 * are not written.
	 * @return how many notes moved
	 */
	int store(String slug, String anchorKey, StoredPlacement placement) {
		return jdbc.sql("UPDATE note_places SET placed_block_id = :block, placed_start = :start, placed_end = :end, "
				+ "orphaned = :orphaned WHERE article_slug = :slug AND anchor_key = :key "
				+ "AND (placed_block_id IS DISTINCT FROM :block OR placed_start IS DISTINCT FROM :start "
				+ "OR placed_end IS DISTINCT FROM :end OR orphaned <> :orphaned)")
			.param("block", placement.blockId()).param("start", placement.start()).param("end", placement.end())
			.param("orphaned", placement.orphaned()).param("slug", slug)
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

	/** The notes of one anchor at one place: how many. */
	record AnchorGroup(String anchorKey, StoredPlacement placement, boolean orphaned, long notes) {

		/** @return whether these notes are at the given place already */
		boolean isAt(StoredPlacement other) {
			return placement.equals(other) && orphaned == other.orphaned();
		}

	}

}
