package dev.marginalia.notes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.marginalia.notes.FeedNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.ReplyNotice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the feeds and the reply notices read, in portable SQL for H2 and PostgreSQL: public notes and replies only,
 * neither deleted nor hidden ({@code note_places.hidden} is set on a hidden note's replies too), newest first,
 * ranked on the narrow rows of {@code note_places} and only then read whole (a bounded number of them).
 */
@Repository
public class FeedRepository {

	/** A row of note_places (as p) that anyone may see in a feed. */
	private static final String PUBLIC = "p.visibility = 'public' AND p.deleted = FALSE AND p.hidden = FALSE";

	private static final String NEWEST = " ORDER BY p.created_at DESC, p.note_id DESC FETCH FIRST :limit ROWS ONLY";

	private final JdbcClient jdbc;

	private final NoteTagRepository tags;

	public FeedRepository(JdbcClient jdbc, NoteTagRepository tags) {
		this.jdbc = jdbc;
		this.tags = tags;
	}

	/** The newest public notes and replies of an article. */
	public List<FeedNote> newestOn(String slug, int limit) {
		return read(jdbc.sql("SELECT p.note_id, p.created_at FROM note_places p WHERE p.article_slug = :slug AND " + PUBLIC
				+ NEWEST)
			.param("slug", slug)
			.param("limit", limit)
			.query(FeedRepository::ranked)
			.list());
	}

	/**
	 * The newest public notes on a paragraph (where their anchor is now) and replies to them: the newest of each
	 * (one query each, by the anchors of the paragraph), merged.
	 */
	public List<FeedNote> newestOnBlock(String slug, String blockId, int limit) {
		String anchorsOfBlock = "anchors a JOIN note_places t ON t.article_slug = a.article_slug AND t.anchor_key = a.anchor_key "
				+ "WHERE a.article_slug = :slug AND a.placed_block_id = :block AND ";
		// the notes of the paragraph (t) themselves, then the replies to them (p)
		List<Ranked> notes = ranked("SELECT p.note_id, p.created_at FROM note_places p WHERE p.note_id IN (SELECT t.note_id "
				+ "FROM " + anchorsOfBlock + "t.visibility = 'public') AND " + PUBLIC, slug, blockId, limit);
		List<Ranked> replies = ranked("SELECT p.note_id, p.created_at FROM note_places p WHERE p.parent_id IN (SELECT t.note_id "
				+ "FROM " + anchorsOfBlock + "t.visibility = 'public') AND " + PUBLIC, slug, blockId, limit);
		return read(Stream.concat(notes.stream(), replies.stream()).sorted(Ranked.NEWEST_FIRST).limit(limit).toList());
	}

	private List<Ranked> ranked(String select, String slug, String blockId, int limit) {
		return jdbc.sql(select + NEWEST)
			.param("slug", slug)
			.param("block", blockId)
			.param("limit", limit)
			.query(FeedRepository::ranked)
			.list();
	}

	/** The newest public replies that other readers wrote to the author's notes, on any article. */
	public List<FeedNote> repliesTo(String authorHash, int limit) {
		return read(jdbc.sql("SELECT p.note_id, p.created_at FROM note_places t JOIN note_places p ON p.parent_id = t.note_id "
				+ "WHERE t.author_hash = :author AND p.author_hash <> :author AND " + PUBLIC + NEWEST)
			.param("author", authorHash)
			.param("limit", limit)
			.query(FeedRepository::ranked)
			.list());
	}

	/** A public reply on the article that nobody hid, with who wrote it and the note it answers. */
	public Optional<ReplyNotice> answered(String slug, String replyId) {
		return jdbc.sql("SELECT r.id, r.parent_id, r.author_name, r.author_hash, n.author_hash AS note_author "
				+ "FROM notes r JOIN notes n ON n.id = r.parent_id JOIN note_places p ON p.note_id = r.id "
				+ "WHERE r.id = :id AND r.article_slug = :slug AND " + PUBLIC)
			.param("id", replyId)
			.param("slug", slug)
			.query((row, number) -> new ReplyNotice(row.getString("id"), row.getString("parent_id"),
					row.getString("author_name"), row.getString("note_author"), row.getString("author_hash")))
			.optional();
	}

	/**
	 * @return the notices of those of these replies that answer a note of the author (by their secret's hash): in one
	 * read, for a stream that reconnects and is sent what it missed
	 */
	public List<ReplyNotice> answered(String slug, java.util.Collection<String> replyIds, String noteAuthorHash) {
		if (replyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT r.id, r.parent_id, r.author_name, r.author_hash, n.author_hash AS note_author "
				+ "FROM notes r JOIN notes n ON n.id = r.parent_id JOIN note_places p ON p.note_id = r.id "
				+ "WHERE r.id IN (:ids) AND r.article_slug = :slug AND n.author_hash = :author AND " + PUBLIC)
			.param("ids", replyIds)
			.param("slug", slug)
			.param("author", noteAuthorHash)
			.query((row, number) -> new ReplyNotice(row.getString("id"), row.getString("parent_id"),
					row.getString("author_name"), row.getString("note_author"), row.getString("author_hash")))
			.list();
	}

	/** The notes ranked, read whole with their tags, the notes their replies answer and where their threads are now. */
	private List<FeedNote> read(List<Ranked> ranked) {
		if (ranked.isEmpty()) {
			return List.of();
		}
		List<String> ids = ranked.stream().map(Ranked::id).toList();
		Map<String, Note> notes = byId(tags.attach(load(ids)));
		Set<String> parentIds = notes.values().stream().map(Note::parentId).filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<String, Note> parents = parentIds.isEmpty() ? Map.of() : byId(load(List.copyOf(parentIds)));
		Map<String, String> blocks = new HashMap<>();
		jdbc.sql("SELECT p.note_id, a.placed_block_id FROM note_places p "
				+ "JOIN note_places t ON t.note_id = COALESCE(p.parent_id, p.note_id) "
				+ "JOIN anchors a ON a.article_slug = t.article_slug AND a.anchor_key = t.anchor_key "
				+ "WHERE p.note_id IN (:ids) AND a.placed_block_id IS NOT NULL")
			.param("ids", ids)
			.query((row, number) -> Map.entry(row.getString("note_id"), row.getString("placed_block_id")))
			.list()
			.forEach(placed -> blocks.put(placed.getKey(), placed.getValue()));
		List<FeedNote> feed = new ArrayList<>(ranked.size());
		for (String id : ids) {
			Note note = notes.get(id);
			// read apart from its ranking: a note deleted or hidden in between is left out
			if (note == null || note.deleted() || note.hidden() || note.isPrivate()) {
				continue;
			}
			Note parent = note.parentId() == null ? null : parents.get(note.parentId());
			if (note.parentId() != null && (parent == null || parent.hidden() || parent.isPrivate())) {
				continue;
			}
			feed.add(new FeedNote(note, parent, blocks.get(id)));
		}
		return feed;
	}

	private List<Note> load(List<String> ids) {
		return jdbc.sql("SELECT " + NoteRepository.COLUMNS + " FROM notes WHERE id IN (:ids)")
			.param("ids", ids)
			.query(NoteReadModel::map)
			.list();
	}

	private static Map<String, Note> byId(List<Note> notes) {
		Map<String, Note> byId = new HashMap<>();
		notes.forEach(note -> byId.put(note.id(), note));
		return byId;
	}

	private static Ranked ranked(ResultSet row, int number) throws SQLException {
		return new Ranked(row.getString("note_id"), row.getObject("created_at", OffsetDateTime.class));
	}

	/** A note's place in a feed: newest first, then by id (as the SQL orders them). */
	private record Ranked(String id, OffsetDateTime createdAt) {

		static final Comparator<Ranked> NEWEST_FIRST = Comparator.comparing(Ranked::createdAt)
			.thenComparing(Ranked::id)
			.reversed();

	}

}
