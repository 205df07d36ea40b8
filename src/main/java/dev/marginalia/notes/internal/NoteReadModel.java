package dev.marginalia.notes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.notes.HighlightColour;
import dev.marginalia.notes.TargetAsSent;
import dev.marginalia.notes.ThreadOrder;
import dev.marginalia.notes.Visibility;
import dev.marginalia.notes.Note;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notes as readers see them, through {@link JdbcClient}, in portable SQL for H2 and PostgreSQL: one note, what a
 * viewer may see of an article (all of it, a page, the counts and newest threads per paragraph from the stored
 * placements, the passages), the moderator's hidden notes; every note with its tags ({@link NoteTagRepository}, read
 * once per list of notes). {@link NoteRepository} writes them.
 */
@Repository
public class NoteReadModel {

	/** The columns of notes (as n) with their anchor's placement (as a). */
	private static final String PLACED_COLUMNS = "n." + NoteRepository.COLUMNS.replace(", ", ", n.")
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

	/** A reply (as r) the viewer may see: not deleted, not hidden (nor its note), public or their own. */
	private static final String VISIBLE_REPLY = "r.deleted = FALSE AND r.hidden = FALSE "
			+ "AND (r.visibility = 'public' OR r.author_hash = :viewer)";

	/**
	 * The notes of the article with replies the viewer may see, and how many (as c.parent_id, c.replies): one grouped
	 * read of the article's replies. It comes first in the FROM clause: joined to the notes the other way round, H2
	 * read the whole grouping again for each note (660 million rows at 100,000 notes).
	 */
	private static final String REPLY_COUNTS = "(SELECT r.parent_id, COUNT(*) AS replies FROM note_places r "
			+ "WHERE r.article_slug = :slug AND r.parent_id IS NOT NULL AND " + VISIBLE_REPLY + " GROUP BY r.parent_id) c";

	/** How many replies the note (as n) has that the viewer may see: an index lookup per note, for one paragraph's. */
	private static final String REPLIES_OF_N = "(SELECT COUNT(*) FROM note_places r WHERE r.parent_id = n.note_id AND "
			+ VISIBLE_REPLY + ")";

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
	static String shown(String alias) {
		return "(" + alias + ".deleted = FALSE OR EXISTS (SELECT 1 FROM note_places shown_reply WHERE shown_reply.parent_id = "
				+ alias + ".note_id AND shown_reply.hidden = FALSE "
				+ "AND (shown_reply.visibility = 'public' OR shown_reply.author_hash = :viewer)))";
	}

	private final JdbcClient jdbc;

	private final NoteTagRepository tags;

	private final NoteReactionRepository reactions;

	public NoteReadModel(JdbcClient jdbc, NoteTagRepository tags, NoteReactionRepository reactions) {
		this.jdbc = jdbc;
		this.tags = tags;
		this.reactions = reactions;
	}

	/** @return the notes with their tags and how many readers found each useful: one query per list for each */
	private List<Note> complete(List<Note> notes) {
		return reactions.attach(tags.attach(notes));
	}

	private Note complete(Note note) {
		return complete(List.of(note)).get(0);
	}

	/**
	 * How many notes and replies (not deleted) an author has on a paragraph, up to a number: index
	 * {@code notes_by_author_paragraph}, read no further than that number of entries.
	 */
	public static final String COUNT_ON_PARAGRAPH = "SELECT COUNT(*) FROM (SELECT 1 FROM notes "
			+ "WHERE article_slug = :slug AND block_id = :block AND author_hash = :author AND deleted = FALSE "
			+ "LIMIT :upTo) counted";

	/**
	 * @return how many notes and replies (not deleted) the author has on the paragraph, or {@code upTo} when they
	 * have that many or more (an author over a limit, after an import or a lower limit, costs no more to check)
	 */
	public int countOnParagraph(String slug, String blockId, String authorHash, int upTo) {
		return jdbc.sql(COUNT_ON_PARAGRAPH)
			.param("slug", slug)
			.param("block", blockId)
			.param("author", authorHash)
			.param("upTo", upTo)
			.query(Integer.class)
			.single();
	}

	public Optional<Note> find(String slug, String id) {
		return jdbc.sql("SELECT " + NoteRepository.COLUMNS + " FROM notes WHERE id = :id AND article_slug = :slug")
			.param("id", id)
			.param("slug", slug)
			.query(NoteReadModel::map)
			.optional()
			.map(this::complete);
	}

	/** MODERATION: the hidden notes and replies, newest first. */
	public List<Note> hidden(int limit) {
		return complete(jdbc.sql("SELECT " + NoteRepository.COLUMNS + " FROM notes WHERE hidden = TRUE ORDER BY created_at DESC, id "
				+ "FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query(NoteReadModel::map)
			.list());
	}

	public int countReplies(String parentId) {
		return jdbc.sql("SELECT COUNT(*) FROM notes WHERE parent_id = :id").param("id", parentId)
			.query(Integer.class).single();
	}

	/** Every note of an article the viewer may see, oldest first. */
	public List<Note> visibleOn(String slug, @Nullable String viewerHash, boolean moderator) {
		return complete(jdbc.sql("SELECT " + NoteRepository.COLUMNS + " FROM notes WHERE article_slug = :slug AND " + VISIBLE
				+ " AND " + NOT_HIDDEN + " ORDER BY created_at, id")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("moderator", moderator)
			.query(NoteReadModel::map)
			.list());
	}

	/** A page of the notes of an article the viewer may see, oldest first (ranked on the narrow rows of note_places). */
	public List<Note> visiblePage(String slug, @Nullable String viewerHash, boolean moderator, int offset, int limit) {
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
		return complete(jdbc.sql("SELECT " + NoteRepository.COLUMNS + " FROM notes WHERE id IN (:ids) ORDER BY created_at, id")
			.param("ids", ids)
			.query(NoteReadModel::map)
			.list());
	}

	public int countVisible(String slug, @Nullable String viewerHash, boolean moderator) {
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
	public List<BlockCount> counts(String slug, @Nullable String viewerHash) {
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
	public BlockCount countOn(String slug, @Nullable String blockId, @Nullable String viewerHash) {
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
	public List<PlacedNote> newestThreads(String slug, @Nullable String viewerHash, int perBlock, int orphans) {
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
	 * The candidates for the few notes (not replies) with the most replies the viewer may see on each paragraph (then
	 * the newest), and for the orphans with the most: the first few of the notes with replies, ranked by their count,
	 * and twice as many of the newest (among which are the newest without replies, when fewer than a few have any).
	 * The caller counts their replies and keeps the first few: ranking every note by a count of its replies took
	 * seconds on H2 at 100,000 notes; this costs one grouped read of the replies more than the newest threads do.
	 */
	public List<PlacedNote> mostRepliedCandidates(String slug, @Nullable String viewerHash, int perBlock, int orphans) {
		return candidates(REPLY_COUNTS, "c.parent_id", "c.replies", slug, viewerHash, perBlock, orphans);
	}

	/**
	 * The candidates for the few notes (not replies) the most readers found useful on each paragraph (then the newest),
	 * and for the orphans: the first few of the notes with a reaction, ranked by their count from one grouped read of
	 * the article's reactions, and twice as many of the newest (among which are the newest without any, when fewer
	 * than a few have one). The caller keeps the first few, as for {@link #mostRepliedCandidates}.
	 */
	public List<PlacedNote> mostUsefulCandidates(String slug, @Nullable String viewerHash, int perBlock, int orphans) {
		return candidates(NoteReactionRepository.USEFUL_COUNTS, "u.note_id", "u.useful", slug, viewerHash, perBlock,
				orphans);
	}

	/**
	 * @param counts a grouped read of the article (parameter {@code :slug}) with a note id and a count per note
	 * @param id the note id's column in it
	 * @param count the count's column in it
	 * @return the first few notes by the count on each paragraph and among the orphans, then twice as many newest
	 */
	private List<PlacedNote> candidates(String counts, String id, String count, String slug, @Nullable String viewerHash,
			int perBlock, int orphans) {
		List<String> ids = new ArrayList<>(jdbc.sql("SELECT ranked_id FROM (SELECT " + id + " AS ranked_id, a.placed_block_id, "
				+ "ROW_NUMBER() OVER (PARTITION BY a.placed_block_id ORDER BY " + count + " DESC, n.created_at DESC, "
				+ "n.note_id DESC) AS ranked FROM " + counts + " JOIN note_places n ON n.note_id = " + id + " "
				+ "JOIN anchors a ON a.article_slug = n.article_slug AND a.anchor_key = n.anchor_key "
				+ "WHERE n.hidden = FALSE AND " + VISIBLE_N + ") ranking "
				+ "WHERE ranked <= CASE WHEN placed_block_id IS NULL THEN :orphans ELSE :perBlock END")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("perBlock", perBlock)
			.param("orphans", orphans)
			.query(String.class)
			.list());
		List<PlacedNote> newest = newestThreads(slug, viewerHash, 2 * perBlock, 2 * orphans);
		newest.forEach(note -> ids.remove(note.note().id()));
		List<PlacedNote> candidates = new ArrayList<>(placed(ids));
		candidates.addAll(newest);
		return candidates;
	}

	/**
	 * Every distinct passage the viewer's visible notes (not replies, not hidden, not deleted) are on, where it is
	 * now, with how many notes of each highlight colour are on it: a narrow, grouped read of the anchors, so that the
	 * page marks every passage however many notes a paragraph has, at a cost that grows with the passages, not the notes.
	 */
	public List<PassageRow> passages(String slug, @Nullable String viewerHash) {
		return jdbc.sql("SELECT a.placed_block_id, a.placed_start, a.placed_end, n.colour, COUNT(*) AS notes FROM "
				+ WITH_ANCHOR + " WHERE n.article_slug = :slug AND n.hidden = FALSE AND n.deleted = FALSE AND " + VISIBLE_N
				+ " AND a.placed_block_id IS NOT NULL AND a.placed_start IS NOT NULL AND a.placed_end IS NOT NULL"
				+ " GROUP BY a.placed_block_id, a.placed_start, a.placed_end, n.colour")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query((row, number) -> new PassageRow(row.getString("placed_block_id"), row.getInt("placed_start"),
					row.getInt("placed_end"), row.getInt("notes"), HighlightColour.fromDb(row.getString("colour"))))
			.list();
	}

	/** A distinct passage where it is now, and how many notes of one colour (null: the default) are on it. */
	public record PassageRow(String blockId, int start, int end, int notes, @Nullable HighlightColour colour) {
	}

	/** The notes with these ids, with their placements, in the order of the text (then oldest first). */
	private List<PlacedNote> placed(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<PlacedNote> placed = jdbc.sql("SELECT " + PLACED_COLUMNS + " FROM notes n JOIN note_places p ON p.note_id = n.id "
				+ "JOIN anchors a ON a.article_slug = p.article_slug AND a.anchor_key = p.anchor_key "
				+ "WHERE n.id IN (:ids) ORDER BY " + WHERE_IT_IS_NOW + ", n.created_at, n.id")
			.param("ids", ids)
			.query(NoteReadModel::placed)
			.list();
		List<Note> tagged = complete(placed.stream().map(PlacedNote::note).toList());
		List<PlacedNote> withTags = new ArrayList<>(placed.size());
		for (int i = 0; i < placed.size(); i++) {
			withTags.add(new PlacedNote(tagged.get(i), placed.get(i).placement()));
		}
		return withTags;
	}

	/**
	 * A page of the notes (not replies) the viewer may see on one paragraph, in one order: by default the order of
	 * the text (whole-paragraph notes, then passage notes by where their passage starts now; oldest first among
	 * equals), or the newest first, or the most replies first.
	 * @param blockId the paragraph, or null for the orphans
	 */
	public List<PlacedNote> threadsOn(String slug, @Nullable String blockId, @Nullable String viewerHash, ThreadOrder order,
			int offset, int limit) {
		// notes, not replies: replies have no anchor key (see WITH_ANCHOR)
		List<String> ids = jdbc.sql("SELECT n.note_id FROM anchors a JOIN note_places n ON n.article_slug = a.article_slug "
				+ "AND n.anchor_key = a.anchor_key WHERE a.article_slug = :slug AND "
				+ (blockId == null ? "a.placed_block_id IS NULL" : "a.placed_block_id = :block")
				+ " AND n.hidden = FALSE AND " + VISIBLE_N + " AND " + shown("n")
				+ " ORDER BY " + switch (order) {
					case POSITION -> WHERE_IT_IS_NOW + ", n.created_at, n.note_id";
					case NEWEST -> "n.created_at DESC, n.note_id DESC";
					case REPLIES -> REPLIES_OF_N + " DESC, n.created_at DESC, n.note_id DESC";
					case USEFUL -> NoteReactionRepository.USEFUL_OF_N + " DESC, n.created_at DESC, n.note_id DESC";
				} + " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
			.param("slug", slug)
			.param("block", blockId == null ? "" : blockId)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("offset", offset)
			.param("limit", limit)
			.query(String.class)
			.list();
		Map<String, PlacedNote> byId = new HashMap<>();
		placed(ids).forEach(note -> byId.put(note.note().id(), note));
		return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
	}

	/** The replies the viewer may see to these notes, oldest first. */
	public List<Note> repliesTo(Collection<String> parentIds, @Nullable String viewerHash) {
		if (parentIds.isEmpty()) {
			return List.of();
		}
		return complete(jdbc.sql("SELECT " + NoteRepository.COLUMNS + " FROM notes WHERE parent_id IN (:parents) AND hidden = FALSE AND " + VISIBLE
				+ " ORDER BY created_at, id")
			.param("parents", parentIds)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query(NoteReadModel::map)
			.list());
	}

	/**
	 * @return how many changes the author made to their private notes on the article (the private event log, which
	 * the live module writes in each note's transaction): committed ones, whichever instance they were made on. A
	 * count, not the last id: a transaction that took a lower id and committed later still changes it.
	 */
	public long privateChanges(String slug, String authorHash) {
		return jdbc.sql("SELECT COUNT(*) FROM note_private_events WHERE author_hash = :author AND article_slug = :slug")
			.param("author", authorHash)
			.param("slug", slug)
			.query(Long.class)
			.single();
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

	static Note map(ResultSet row, int number) throws SQLException {
		return new Note(row.getString("id"), row.getString("article_slug"), row.getString("block_id"),
				row.getInt("block_position"), row.getString("block_hash"), row.getString("block_text"),
				row.getString("parent_id"), row.getString("author_hash"), row.getString("author_name"),
				row.getString("body"), row.getString("body_html"), Visibility.fromDb(row.getString("visibility")),
				row.getObject("created_at", OffsetDateTime.class), row.getObject("edited_at", OffsetDateTime.class),
				row.getBoolean("deleted"), row.getInt("version"), quote(row), row.getBoolean("hidden"), asSent(row),
				List.of(), HighlightColour.fromDb(row.getString("colour")));
	}

	private static @Nullable TargetAsSent asSent(ResultSet row) throws SQLException {
		TargetAsSent asSent = new TargetAsSent(row.getString("target_as_sent"), row.getString("anchored_by"),
				row.getString("canonical_iri"), row.getString("via_iri"));
		return asSent.isEmpty() ? null : asSent;
	}

	/** How many notes and threads one paragraph (null: the orphans) has for one viewer. */
	public record BlockCount(@Nullable String blockId, int notes, int threads) {
	}

	/** A note with where it is in the article's current version. */
	public record PlacedNote(Note note, StoredPlacement placement) {
	}

}
