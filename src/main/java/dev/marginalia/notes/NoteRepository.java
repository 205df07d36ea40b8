package dev.marginalia.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notes in the database, through {@link JdbcClient}; portable SQL for H2 and PostgreSQL. */
@Repository
class NoteRepository {

	private static final String COLUMNS = "id, article_slug, block_id, block_position, block_hash, block_text, "
			+ "parent_id, author_hash, author_name, body, body_html, visibility, created_at, edited_at, deleted, version, "
			+ "quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, hidden";

	/** What a reader may see: public notes, and their own private ones. */
	private static final String VISIBLE = "(visibility = 'public' OR author_hash = :viewer)";

	/**
	 * MODERATION: what the moderator hid (a note, or the note a reply answers) is left out unless the viewer is
	 * the moderator (parameter {@code :moderator}).
	 */
	private static final String NOT_HIDDEN = "(:moderator = TRUE OR (hidden = FALSE AND (parent_id IS NULL OR parent_id "
			+ "NOT IN (SELECT hidden_note.id FROM notes hidden_note WHERE hidden_note.hidden = TRUE))))";

	private final JdbcClient jdbc;

	NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Note note) {
		jdbc.sql("INSERT INTO notes (" + COLUMNS + ") VALUES (:id, :slug, :blockId, :blockPosition, :blockHash, "
				+ ":blockText, :parentId, :authorHash, :authorName, :body, :bodyHtml, :visibility, :createdAt, "
				+ ":editedAt, :deleted, :version, :quoteExact, :quotePrefix, :quoteSuffix, :quoteStart, :quoteEnd, :hidden)")
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
			.update();
	}

	/** MODERATION: hides or shows a note. @return whether there was such a note */
	boolean setHidden(String id, boolean hidden) {
		return jdbc.sql("UPDATE notes SET hidden = :hidden WHERE id = :id").param("hidden", hidden).param("id", id)
			.update() == 1;
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

	/** A page of the notes of an article the viewer may see, oldest first. */
	List<Note> visiblePage(String slug, @Nullable String viewerHash, boolean moderator, int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM notes WHERE article_slug = :slug AND deleted = FALSE AND "
				+ VISIBLE + " AND " + NOT_HIDDEN + " ORDER BY created_at, id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("moderator", moderator)
			.param("offset", offset)
			.param("limit", limit)
			.query(NoteRepository::map)
			.list();
	}

	int countVisible(String slug, @Nullable String viewerHash, boolean moderator) {
		return jdbc.sql("SELECT COUNT(*) FROM notes WHERE article_slug = :slug AND deleted = FALSE AND " + VISIBLE
				+ " AND " + NOT_HIDDEN)
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("moderator", moderator)
			.query(Integer.class)
			.single();
	}

	private static ReAnchoring.@Nullable TextQuote quote(ResultSet row) throws SQLException {
		String exact = row.getString("quote_exact");
		if (exact == null) {
			return null;
		}
		return new ReAnchoring.TextQuote(exact, row.getString("quote_prefix"), row.getString("quote_suffix"),
				row.getInt("quote_start"), row.getInt("quote_end"));
	}

	private static Note map(ResultSet row, int number) throws SQLException {
		return new Note(row.getString("id"), row.getString("article_slug"), row.getString("block_id"),
				row.getInt("block_position"), row.getString("block_hash"), row.getString("block_text"),
				row.getString("parent_id"), row.getString("author_hash"), row.getString("author_name"),
				row.getString("body"), row.getString("body_html"), Visibility.fromDb(row.getString("visibility")),
				row.getObject("created_at", OffsetDateTime.class), row.getObject("edited_at", OffsetDateTime.class),
				row.getBoolean("deleted"), row.getInt("version"), quote(row), row.getBoolean("hidden"));
	}

}
