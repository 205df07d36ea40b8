package dev.marginalia.notes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import dev.marginalia.anchoring.Anchor;
import dev.marginalia.anchoring.TextQuote;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The anchors of notes (where they were written, and where that is now: one row per distinct anchor, see
 * {@code V9__anchors.sql}), and the per-article claim on re-anchoring them (portable SQL).
 */
@Repository
public class PlacementRepository {

	/** Statements per JDBC batch. */
	private static final int BATCH = 1_000;

	private static final String ANCHOR_COLUMNS = "anchor_key, block_id, block_position, block_hash, quote_exact, "
			+ "quote_prefix, quote_suffix, quote_start, quote_end, placed_block_id, placed_start, placed_end, orphaned";

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	public PlacementRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	public Optional<Claim> claim(String slug) {
		return jdbc.sql("SELECT version, done, claimed_at FROM article_placements WHERE article_slug = :slug")
			.param("slug", slug)
			.query((row, n) -> new Claim(row.getString("version"), row.getBoolean("done"),
					row.getObject("claimed_at", OffsetDateTime.class)))
			.optional();
	}

	/** @return whether this call created the claim (false: another instance did first) */
	public boolean claimFirst(String slug, String version, OffsetDateTime now) {
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
	public boolean claimOver(String slug, Claim seen, String version, OffsetDateTime now) {
		return jdbc.sql("UPDATE article_placements SET version = :version, done = FALSE, claimed_at = :now "
				+ "WHERE article_slug = :slug AND version = :seenVersion AND done = :seenDone AND claimed_at = :seenAt")
			.param("version", version).param("now", now).param("slug", slug)
			.param("seenVersion", seen.version()).param("seenDone", seen.done()).param("seenAt", seen.claimedAt())
			.update() == 1;
	}

	public void finish(String slug, String version) {
		jdbc.sql("UPDATE article_placements SET done = TRUE WHERE article_slug = :slug AND version = :version")
			.param("slug", slug).param("version", version).update();
	}

	/** The notes (not replies) of an article whose anchor key is not known yet (written before there were keys). */
	public List<Unplaced> withoutKey(String slug) {
		return jdbc.sql("SELECT n.id, n.block_id, n.block_position, n.block_hash, n.quote_exact, n.quote_prefix, "
				+ "n.quote_suffix, n.quote_start, n.quote_end FROM note_places p JOIN notes n ON n.id = p.note_id "
				+ "WHERE p.article_slug = :slug AND p.parent_id IS NULL AND p.anchor_key IS NULL")
			.param("slug", slug)
			.query(PlacementRepository::unplaced)
			.list();
	}

	/**
	 * Gives these notes their keys, and creates the anchors of those keys that have none yet (and their paragraph
	 * texts), from the notes themselves: not placed, the run that follows places them.
	 */
	public void storeKeys(List<Keyed> keyed) {
		for (int from = 0; from < keyed.size(); from += BATCH) {
			List<Object[]> rows = keyed.subList(from, Math.min(keyed.size(), from + BATCH)).stream()
				.map(k -> new Object[] { k.anchorKey(), k.id() })
				.toList();
			batches.batchUpdate("INSERT INTO paragraph_texts (block_hash, block_text) SELECT n.block_hash, n.block_text "
					+ "FROM notes n WHERE n.id = ? AND NOT EXISTS (SELECT 1 FROM paragraph_texts t "
					+ "WHERE t.block_hash = n.block_hash) ON CONFLICT DO NOTHING",
					rows.stream().map(row -> new Object[] { row[1] }).toList());
			batches.batchUpdate("INSERT INTO anchors (article_slug, anchor_key, block_id, block_position, block_hash, "
					+ "quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, orphaned) "
					+ "SELECT n.article_slug, ?, n.block_id, n.block_position, n.block_hash, n.quote_exact, "
					+ "n.quote_prefix, n.quote_suffix, n.quote_start, n.quote_end, FALSE FROM notes n WHERE n.id = ? "
					+ "ON CONFLICT DO NOTHING", rows);
			batches.batchUpdate("UPDATE note_places SET anchor_key = ? WHERE note_id = ?", rows);
		}
	}

	/**
	 * Stores a new note's anchor (and its paragraph's text) unless its key has one already: then the note goes where
	 * the anchor's other notes are. {@code ON CONFLICT DO NOTHING} (H2 takes it in PostgreSQL mode): two writers of
	 * the same new anchor, here or on another instance, both succeed; on PostgreSQL the second waits for the first
	 * to commit. Most notes find their anchor there (every note on a whole paragraph after the first): one lookup.
	 * @param placement where the anchor is in the article's current version
	 */
	public void insertIfAbsent(String slug, String anchorKey, String blockHash, Anchor anchor,
			StoredPlacement placement) {
		boolean present = jdbc.sql("SELECT COUNT(*) FROM anchors WHERE article_slug = :slug AND anchor_key = :key")
			.param("slug", slug)
			.param("key", anchorKey)
			.query(Integer.class)
			.single() > 0;
		if (present) {
			return;
		}
		if (jdbc.sql("SELECT COUNT(*) FROM paragraph_texts WHERE block_hash = :hash").param("hash", blockHash)
			.query(Integer.class)
			.single() == 0) {
			jdbc.sql("INSERT INTO paragraph_texts (block_hash, block_text) VALUES (:hash, :text) ON CONFLICT DO NOTHING")
				.param("hash", blockHash)
				.param("text", anchor.blockText())
				.update();
		}
		TextQuote quote = anchor.quote();
		jdbc.sql("INSERT INTO anchors (article_slug, " + ANCHOR_COLUMNS + ") VALUES (:slug, :key, :blockId, "
				+ ":blockPosition, :blockHash, :quoteExact, :quotePrefix, :quoteSuffix, :quoteStart, "
				+ ":quoteEnd, :placedBlockId, :placedStart, :placedEnd, :orphaned) ON CONFLICT DO NOTHING")
			.param("slug", slug)
			.param("key", anchorKey)
			.param("blockId", anchor.blockId())
			.param("blockPosition", anchor.blockPosition())
			.param("blockHash", blockHash)
			.param("quoteExact", quote == null ? null : quote.exact())
			.param("quotePrefix", quote == null ? null : quote.prefix())
			.param("quoteSuffix", quote == null ? null : quote.suffix())
			.param("quoteStart", quote == null ? null : quote.start())
			.param("quoteEnd", quote == null ? null : quote.end())
			.param("placedBlockId", placement.blockId())
			.param("placedStart", placement.start())
			.param("placedEnd", placement.end())
			.param("orphaned", placement.orphaned())
			.update();
	}

	/**
	 * A slice of the anchors of an article, in the order of their ids: those after {@code after} (0: from the
	 * first), without their paragraph's text ({@link #text}). Read a slice at a time so that an article with many
	 * anchors is never all in memory, whatever the database does with a large result; in id order because H2 stores
	 * rows in that order, and rewrites them about twice as fast in it as in key order (measured).
	 */
	public List<StoredAnchor> anchors(String slug, long after, int limit) {
		return jdbc.sql("SELECT id, " + ANCHOR_COLUMNS + " FROM anchors WHERE article_slug = :slug AND id > :after "
				+ "ORDER BY id FETCH FIRST :limit ROWS ONLY")
			.param("slug", slug)
			.param("after", after)
			.param("limit", limit)
			.query(PlacementRepository::anchor)
			.list();
	}

	/** @return the paragraph text with this hash, as anchors were written on it */
	public String text(String blockHash) {
		return jdbc.sql("SELECT block_text FROM paragraph_texts WHERE block_hash = :hash")
			.param("hash", blockHash)
			.query(String.class)
			.single();
	}

	/** Stores where these anchors are now, in JDBC batches. */
	public void store(List<Moved> moved) {
		for (int from = 0; from < moved.size(); from += BATCH) {
			batches.batchUpdate("UPDATE anchors SET placed_block_id = ?, placed_start = ?, placed_end = ?, orphaned = ? "
					+ "WHERE id = ?",
					moved.subList(from, Math.min(moved.size(), from + BATCH)).stream()
						.map(m -> new Object[] { m.placement().blockId(), m.placement().start(), m.placement().end(),
								m.placement().orphaned(), m.id() })
						.toList());
		}
	}

	/**
	 * @return how many notes the article has, replies (which go with their note), private and hidden ones and
	 * deleted ones kept for their replies included
	 */
	public long notes(String slug) {
		return jdbc.sql("SELECT COUNT(*) FROM note_places WHERE article_slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single();
	}

	private static Unplaced unplaced(ResultSet row, int number) throws SQLException {
		return new Unplaced(row.getString("id"), row.getString("block_id"), row.getInt("block_position"),
				row.getString("block_hash"), quote(row));
	}

	private static StoredAnchor anchor(ResultSet row, int number) throws SQLException {
		return new StoredAnchor(row.getLong("id"), row.getString("anchor_key"), row.getString("block_hash"),
				new Anchor(row.getString("block_id"), row.getInt("block_position"), "", quote(row)),
				new StoredPlacement(row.getString("placed_block_id"), (Integer) row.getObject("placed_start"),
						(Integer) row.getObject("placed_end")),
				row.getBoolean("orphaned"));
	}

	private static @Nullable TextQuote quote(ResultSet row) throws SQLException {
		String exact = row.getString("quote_exact");
		return exact == null ? null : new TextQuote(exact, row.getString("quote_prefix"),
				row.getString("quote_suffix"), row.getInt("quote_start"), row.getInt("quote_end"));
	}

	/** Who is placing an article's notes, for which version, and whether they finished. */
	public record Claim(String version, boolean done, OffsetDateTime claimedAt) {
	}

	/** Where a note without an anchor key was written (its paragraph's text is not needed for the key). */
	public record Unplaced(String id, String blockId, int blockPosition, String blockHash, @Nullable TextQuote quote) {

		public Anchor anchor() {
			return new Anchor(blockId, blockPosition, "", quote);
		}

	}

	public record Keyed(String id, String anchorKey) {
	}

	/**
	 * An anchor as stored.
	 * @param anchor where its notes were written, without the paragraph's text ({@link #withText})
	 * @param placement where it is in the version last placed (null paragraph: orphaned, or never placed)
	 * @param orphaned whether it was placed, and found nowhere
	 */
	public record StoredAnchor(long id, String key, String blockHash, Anchor anchor, StoredPlacement placement,
			boolean orphaned) {

		/** @return whether the anchor is stored at this place already */
		boolean isAt(StoredPlacement other) {
			return placement.equals(other) && orphaned == other.orphaned();
		}

		StoredAnchor withText(String text) {
			return new StoredAnchor(id, key, blockHash, new Anchor(anchor.blockId(), anchor.blockPosition(), text,
					anchor.quote()), placement, orphaned);
		}

	}

	/** An anchor (by id) that is somewhere else in this version. */
	public record Moved(long id, StoredPlacement placement) {
	}

}
