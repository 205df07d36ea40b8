package dev.marginalia.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.marginalia.anchoring.TextQuote;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes in the database, through {@link JdbcClient}; portable SQL for H2 and PostgreSQL. */
@Repository
class NoteRepository {

	private static final String COLUMNS = "id, article_slug, block_id, block_position, block_hash, block_text, "
			+ "parent_id, author_hash, author_name, body, body_html, visibility, created_at, edited_at, deleted, version, "
			+ "quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, hidden, target_as_sent, anchored_by, "
			+ "canonical_iri, via_iri";

	/** The columns of notes (as n) with their anchor's placement (as a). */
	private static final String PLACED_COLUMNS = "n." + COLUMNS.replace(", ", ", n.")
			+ ", a.placed_block_id, a.placed_start, a.placed_end";

	/**
	 * A note's narrow row (as n) and its anchor (as a): where it is now. Replies have no anchor key, so this join
	 * leaves them out; a condition on {@code parent_id IS NULL} as well made H2 read every note of the article
	 * through the parent index instead of starting from the paragraph's anchors.
	 */
	private static final String WITH_ANCHOR = "note_places n JOIN anchors a ON a.article_slug = n.article_slug "
			+ "AND a.anchor_key = n.anchor_key";

	/**
	 * The order of notes within a paragraph: where their passage is now (notes on the whole paragraph first), so
	 * that the margin reads in the order of the text, whenever each note was written.
	 */
	private static final String WHERE_IT_IS_NOW = "COALESCE(a.placed_start, -1)";

	/** {@link #VISIBLE} for the narrow row as n. */
	private static final String VISIBLE_N = "(n.visibility = 'public' OR n.author_hash = :viewer)";

	/** What a reader may see: public notes, and their own private ones. */
	private static final String VISIBLE = "(visibility = 'public' OR author_hash = :viewer)";

	/**
	 * MODERATION: what the moderator hid (a note, or the note a reply answers) is left out unless the viewer is
	 * the moderator (parameter {@code :moderator}).
	 */
	private static final String NOT_HIDDEN = "(:moderator = TRUE OR (hidden = FALSE AND (parent_id IS NULL OR parent_id "
			+ "NOT IN (SELECT hidden_note.id FROM notes hidden_note WHERE hidden_note.hidden = TRUE))))";

	/**
	 * A thread the viewer is shown, for its note as {@code alias}: a note not deleted, or one deleted and kept for its
	 * replies while the viewer may see one of them. Kept for someone else's private replies alone it is nothing to the
	 * viewer: counted, ranked among the newest or paged over, it would tell of them, and its going when they go would
	 * too.
	 */
	private static String shown(String alias) {
		return "(" + alias + ".deleted = FALSE OR EXISTS (SELECT 1 FROM note_places shown_reply WHERE shown_reply.parent_id = "
				+ alias + ".note_id AND shown_reply.hidden = FALSE "
				+ "AND (shown_reply.visibility = 'public' OR shown_reply.author_hash = :viewer)))";
	}

	private final JdbcClient jdbc;

	NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param anchorKey the note's anchor, which must be stored already ({@link PlacementRepository#insertIfAbsent});
	 * null for a reply, which goes with its note
	 */
	void insert(Note note, @Nullable String anchorKey) {
		jdbc.sql("INSERT INTO notes (" + COLUMNS + ") VALUES (:id, :slug, :blockId, :blockPosition, :blockHash, "
				+ ":blockText, :parentId, :authorHash, :authorName, :body, :bodyHtml, :visibility, :createdAt, "
				+ ":editedAt, :deleted, :version, :quoteExact, :quotePrefix, :quoteSuffix, :quoteStart, :quoteEnd, :hidden, :asSent, :anchoredBy, "
				+ ":canonical, :via)")
			.param("id", note.id())
			.param("slug", note.articleSlug())
			.param("blockId", note.blockId())
			.param("blockPosition", note.blockPosition())
			.param("blockHash", note.blockHash())
			.param("blockText", note.blockText())
			.param("parentId", note.parentId())
			.param("authorHash", note.authorHash())
			.param("authorName", note.authorName())
			.param("body", note.body())
			.param("bodyHtml", note.bodyHtml())
			.param("visibility", note.visibility().dbValue())
			.param("createdAt", note.createdAt())
			.param("editedAt", note.editedAt())
			.param("deleted", note.deleted())
			.param("version", note.version())
			.param("quoteExact", note.quote() == null ? null : note.quote().exact())
			.param("quotePrefix", note.quote() == null ? null : note.quote().prefix())
			.param("quoteSuffix", note.quote() == null ? null : note.quote().suffix())
			.param("quoteStart", note.quote() == null ? null : note.quote().start())
			.param("quoteEnd", note.quote() == null ? null : note.quote().end())
			.param("hidden", note.hidden())
			.param("asSent", note.asSent() == null ? null : note.asSent().selector())
			.param("anchoredBy", note.asSent() == null ? null : note.asSent().anchoredBy())
			.param("canonical", note.asSent() == null ? null : note.asSent().canonical())
			.param("via", note.asSent() == null ? null : note.asSent().via())
			.update();
		jdbc.sql("INSERT INTO note_places (note_id, article_slug, parent_id, anchor_key, visibility, author_hash, "
				+ "deleted, created_at, hidden) VALUES (:id, :slug, :parentId, :anchorKey, :visibility, :authorHash, "
				+ ":deleted, :createdAt, :hidden)")
			.param("id", note.id())
			.param("slug", note.articleSlug())
			.param("parentId", note.parentId())
			.param("anchorKey", anchorKey)
			.param("visibility", note.visibility().dbValue())
			.param("authorHash", note.authorHash())
			.param("deleted", note.deleted())
			.param("createdAt", note.createdAt())
			.param("hidden", note.hidden())
			.update();
	}

	/** MODERATION: hides or shows a note. @return whether there was such a note */
	boolean setHidden(String id, boolean hidden) {
		boolean found = jdbc.sql("UPDATE notes SET hidden = :hidden WHERE id = :id").param("hidden", hidden)
			.param("id", id)
			.update() == 1;
		// the narrow rows the page counts from: hidden when the note or the note it answers is
		jdbc.sql("UPDATE note_places SET hidden = (SELECT n.hidden FROM notes n WHERE n.id = note_places.note_id) "
				+ "OR COALESCE((SELECT p.hidden FROM notes p WHERE p.id = note_places.parent_id), FALSE) "
				+ "WHERE note_id = :id OR parent_id = :id")
			.param("id", id)
			.update();
		return found;
	}

	/** @return how many notes and replies (not deleted) the author has on the paragraph */
	int countOnParagraph(String slug, String blockId, String authorHash) {
		return jdbc.sql("SELECT COUNT(*) FROM notes WHERE article_slug = :slug AND block_id = :block "
				+ "AND author_hash = :author AND deleted = FALSE")
			.param("slug", slug)
			.param("block", blockId)
			.param("author", authorHash)
			.query(Integer.class)
			.single();
	}

	/**
	 * Replaces body, visibility and name when the stored version is still {@code note.version() - 1}.
	 * @return whether the row was updated (false: someone else changed it first)
	 */
	boolean update(Note note) {
		return jdbc.sql("UPDATE notes SET body = :body, body_html = :bodyHtml, visibility = :visibility, "
				+ "author_name = :authorName, edited_at = :editedAt, deleted = :deleted, version = :version "
				+ "WHERE id = :id AND version = :previous")
			.param("body", note.body())
			.param("bodyHtml", note.bodyHtml())
			.param("visibility", note.visibility().dbValue())
			.param("authorName", note.authorName())
			.param("editedAt", note.editedAt())
			.param("deleted", note.deleted())
			.param("version", note.version())
			.param("id", note.id())
			.param("previous", note.version() - 1)
			.update() == 1 && jdbc.sql("UPDATE note_places SET visibility = :visibility, deleted = :deleted WHERE note_id = :id")
				.param("visibility", note.visibility().dbValue())
				.param("deleted", note.deleted())
				.param("id", note.id())
				.update() == 1;
	}

	boolean delete(String id, int version) {
		return jdbc.sql("DELETE FROM notes WHERE id = :id AND version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<Note> find(String slug, String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notes WHERE id = :id AND article_slug = :slug")
			.param("id", id)
			.param("slug", slug)
			.query(NoteRepository::map)
			.optional();
	}

	/** MODERATION: the hidden notes and replies, newest first. */
	List<Note> hidden(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notes WHERE hidden = TRUE ORDER BY created_at DESC, id "
				+ "FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query(NoteRepository::map)
			.list();
	}

	int countReplies(String parentId) {
		return jdbc.sql("SELECT COUNT(*) FROM notes WHERE parent_id = :id").param("id", parentId)
			.query(Integer.class).single();
	}

	/** Every note of an article the viewer may see, oldest first. */
	List<Note> visibleOn(String slug, @Nullable String viewerHash, boolean moderator) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notes WHERE article_slug = :slug AND " + VISIBLE
				+ " AND " + NOT_HIDDEN + " ORDER BY created_at, id")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("moderator", moderator)
			.query(NoteRepository::map)
			.list();
	}

	/** A page of the notes of an article the viewer may see, oldest first (ranked on the narrow rows of note_places). */
	List<Note> visiblePage(String slug, @Nullable String viewerHash, boolean moderator, int offset, int limit) {
		List<String> ids = jdbc.sql("SELECT note_id FROM note_places WHERE article_slug = :slug AND deleted = FALSE AND "
				+ VISIBLE + " AND (:moderator = TRUE OR hidden = FALSE)"
				+ " ORDER BY created_at, note_id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("moderator", moderator)
			.param("offset", offset)
			.param("limit", limit)
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM notes WHERE id IN (:ids) ORDER BY created_at, id")
			.param("ids", ids)
			.query(NoteRepository::map)
			.list();
	}

	int countVisible(String slug, @Nullable String viewerHash, boolean moderator) {
		return jdbc.sql("SELECT COUNT(*) FROM note_places WHERE article_slug = :slug AND deleted = FALSE AND " + VISIBLE
				+ " AND (:moderator = TRUE OR hidden = FALSE)")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("moderator", moderator)
			.query(Integer.class)
			.single();
	}

	/**
	 * Per paragraph of the current version (null: the orphans), how many notes and replies the viewer may see
	 * (tombstones not counted) and how many threads. Replies count where their note is.
	 */
	List<BlockCount> counts(String slug, @Nullable String viewerHash) {
		// counted per anchor first (a reply under its note's), then the anchors' counts added up per paragraph: the
		// join to anchors is made once per anchor, not once per note
		return jdbc.sql("SELECT a.placed_block_id AS block_id, SUM(c.notes) AS notes, SUM(c.threads) AS threads FROM ("
				+ "SELECT COALESCE(p.anchor_key, n.anchor_key) AS anchor_key, "
				+ "SUM(CASE WHEN n.deleted THEN 0 ELSE 1 END) AS notes, "
				+ "SUM(CASE WHEN n.parent_id IS NULL THEN 1 ELSE 0 END) AS threads "
				+ "FROM note_places n LEFT JOIN note_places p ON p.note_id = n.parent_id "
				+ "WHERE n.article_slug = :slug AND " + VISIBLE_N + " AND n.hidden = FALSE "
				+ "AND (n.parent_id IS NULL OR p.visibility = 'public' OR p.author_hash = :viewer) "
				+ "AND (n.parent_id IS NOT NULL OR " + shown("n") + ") "
				+ "GROUP BY COALESCE(p.anchor_key, n.anchor_key)) c "
				+ "JOIN anchors a ON a.article_slug = :slug AND a.anchor_key = c.anchor_key "
				+ "GROUP BY a.placed_block_id")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query((row, n) -> new BlockCount(row.getString("block_id"), row.getInt("notes"), row.getInt("threads")))
			.list();
	}

	/**
	 * The counts of one paragraph (null: the orphans) for one viewer: a range of the paragraph's notes and their
	 * replies, not the whole article.
	 */
	BlockCount countOn(String slug, @Nullable String blockId, @Nullable String viewerHash) {
		String block = blockId == null ? "a.placed_block_id IS NULL" : "a.placed_block_id = :block";
		String visibleThread = "(t.visibility = 'public' OR t.author_hash = :viewer) AND t.hidden = FALSE AND "
				+ shown("t");
		// notes, not replies: replies have no anchor key (see WITH_ANCHOR)
		String threadsOnBlock = "anchors a JOIN note_places t ON t.article_slug = a.article_slug "
				+ "AND t.anchor_key = a.anchor_key";
		String where = " WHERE a.article_slug = :slug AND " + block + " AND " + visibleThread;
		int[] threads = jdbc.sql("SELECT COUNT(*) AS threads, COALESCE(SUM(CASE WHEN t.deleted THEN 0 ELSE 1 END), 0) "
				+ "AS notes FROM " + threadsOnBlock + where)
			.param("slug", slug)
			.param("block", blockId == null ? "" : blockId)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query((row, n) -> new int[] { row.getInt("threads"), row.getInt("notes") })
			.single();
		int replies = jdbc.sql("SELECT COUNT(*) FROM " + threadsOnBlock + " JOIN note_places r ON r.parent_id = t.note_id"
				+ where + " AND r.deleted = FALSE AND r.hidden = FALSE AND (r.visibility = 'public' OR r.author_hash = :viewer)")
			.param("slug", slug)
			.param("block", blockId == null ? "" : blockId)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query(Integer.class)
			.single();
		return new BlockCount(blockId, threads[1] + replies, threads[0]);
	}

	/**
	 * The newest few notes (not replies) the viewer may see on each paragraph, and the newest orphans; in the order
	 * of the text.
	 */
	List<PlacedNote> newestThreads(String slug, @Nullable String viewerHash, int perBlock, int orphans) {
		// two steps: the ranking reads three narrow columns of every note; only the few chosen are read whole
		List<String> ids = jdbc.sql("SELECT note_id FROM (SELECT n.note_id, a.placed_block_id, ROW_NUMBER() OVER ("
				+ "PARTITION BY a.placed_block_id ORDER BY n.created_at DESC, n.note_id DESC) AS newest FROM " + WITH_ANCHOR
				+ " WHERE n.article_slug = :slug AND n.hidden = FALSE AND " + VISIBLE_N + " AND " + shown("n") + ") ranked "
				+ "WHERE newest <= CASE WHEN placed_block_id IS NULL THEN :orphans ELSE :perBlock END")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("perBlock", perBlock)
			.param("orphans", orphans)
			.query(String.class)
			.list();
		return placed(ids);
	}

	/**
	 * Every distinct passage the viewer's visible notes (not replies, not hidden, not deleted) are on, where it is
	 * now, with how many notes are on it: a narrow, grouped read of the anchors, so that the page marks every passage
	 * however many notes a paragraph has, at a cost that grows with the passages, not the notes.
	 */
	List<PassageRow> passages(String slug, @Nullable String viewerHash) {
		return jdbc.sql("SELECT a.placed_block_id, a.placed_start, a.placed_end, COUNT(*) AS notes FROM " + WITH_ANCHOR
				+ " WHERE n.article_slug = :slug AND n.hidden = FALSE AND n.deleted = FALSE AND " + VISIBLE_N
				+ " AND a.placed_block_id IS NOT NULL AND a.placed_start IS NOT NULL AND a.placed_end IS NOT NULL"
				+ " GROUP BY a.placed_block_id, a.placed_start, a.placed_end")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query((row, number) -> new PassageRow(row.getString("placed_block_id"), row.getInt("placed_start"),
					row.getInt("placed_end"), row.getInt("notes")))
			.list();
	}

	/** A distinct passage where it is now, and how many notes are on it. */
	record PassageRow(String blockId, int start, int end, int notes) {
	}

	/** The notes with these ids, with their placements, in the order of the text (then oldest first). */
	private List<PlacedNote> placed(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + PLACED_COLUMNS + " FROM notes n JOIN note_places p ON p.note_id = n.id "
				+ "JOIN anchors a ON a.article_slug = p.article_slug AND a.anchor_key = p.anchor_key "
				+ "WHERE n.id IN (:ids) ORDER BY " + WHERE_IT_IS_NOW + ", n.created_at, n.id")
			.param("ids", ids)
			.query(NoteRepository::placed)
			.list();
	}

	/**
	 * A page of the notes (not replies) the viewer may see on one paragraph, in the order of the text: whole-paragraph
	 * notes, then passage notes by where their passage starts now; oldest first among equals.
	 * @param blockId the paragraph, or null for the orphans
	 */
	List<PlacedNote> threadsOn(String slug, @Nullable String blockId, @Nullable String viewerHash, int offset, int limit) {
		// notes, not replies: replies have no anchor key (see WITH_ANCHOR)
		return placed(jdbc.sql("SELECT n.note_id FROM anchors a JOIN note_places n ON n.article_slug = a.article_slug "
				+ "AND n.anchor_key = a.anchor_key WHERE a.article_slug = :slug AND "
				+ (blockId == null ? "a.placed_block_id IS NULL" : "a.placed_block_id = :block")
				+ " AND n.hidden = FALSE AND " + VISIBLE_N + " AND " + shown("n")
				+ " ORDER BY " + WHERE_IT_IS_NOW + ", n.created_at, n.note_id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
			.param("slug", slug)
			.param("block", blockId == null ? "" : blockId)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("offset", offset)
			.param("limit", limit)
			.query(String.class)
			.list());
	}

	/** The replies the viewer may see to these notes, oldest first. */
	List<Note> repliesTo(Collection<String> parentIds, @Nullable String viewerHash) {
		if (parentIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM notes WHERE parent_id IN (:parents) AND hidden = FALSE AND " + VISIBLE
				+ " ORDER BY created_at, id")
			.param("parents", parentIds)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query(NoteRepository::map)
			.list();
	}

	private static PlacedNote placed(ResultSet row, int number) throws SQLException {
		int start = row.getInt("placed_start");
		Integer placedStart = row.wasNull() ? null : start;
		int end = row.getInt("placed_end");
		Integer placedEnd = row.wasNull() ? null : end;
		return new PlacedNote(map(row, number), new StoredPlacement(row.getString("placed_block_id"), placedStart, placedEnd));
	}

	private static @Nullable TextQuote quote(ResultSet row) throws SQLException {
		String exact = row.getString("quote_exact");
		if (exact == null) {
			return null;
		}
		return new TextQuote(exact, row.getString("quote_prefix"), row.getString("quote_suffix"),
				row.getInt("quote_start"), row.getInt("quote_end"));
	}

	private static Note map(ResultSet row, int number) throws SQLException {
		return new Note(row.getString("id"), row.getString("article_slug"), row.getString("block_id"),
				row.getInt("block_position"), row.getString("block_hash"), row.getString("block_text"),
				row.getString("parent_id"), row.getString("author_hash"), row.getString("author_name"),
				row.getString("body"), row.getString("body_html"), Visibility.fromDb(row.getString("visibility")),
				row.getObject("created_at", OffsetDateTime.class), row.getObject("edited_at", OffsetDateTime.class),
				row.getBoolean("deleted"), row.getInt("version"), quote(row), row.getBoolean("hidden"), asSent(row));
	}

	private static @Nullable TargetAsSent asSent(ResultSet row) throws SQLException {
		TargetAsSent asSent = new TargetAsSent(row.getString("target_as_sent"), row.getString("anchored_by"),
				row.getString("canonical_iri"), row.getString("via_iri"));
		return asSent.isEmpty() ? null : asSent;
	}

	/** How many notes and threads one paragraph (null: the orphans) has for one viewer. */
	record BlockCount(@Nullable String blockId, int notes, int threads) {
	}

	/** A note with where it is in the article's current version. */
	record PlacedNote(Note note, StoredPlacement placement) {
	}

}
