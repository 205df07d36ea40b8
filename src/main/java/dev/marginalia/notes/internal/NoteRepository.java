package dev.marginalia.notes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.notes.Note;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notes' writes, through {@link JdbcClient}, in portable SQL for H2 and PostgreSQL: each note's row and its
 * narrow row in {@code note_places}, kept in step. What is read is {@link NoteReadModel}'s.
 */
@Repository
public class NoteRepository {

	public static final String COLUMNS = "id, article_slug, block_id, block_position, block_hash, block_text, "
			+ "parent_id, author_hash, author_name, body, body_html, visibility, created_at, edited_at, deleted, version, "
			+ "quote_exact, quote_prefix, quote_suffix, quote_start, quote_end, hidden, target_as_sent, anchored_by, "
			+ "canonical_iri, via_iri, colour";

	private final JdbcClient jdbc;

	public NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param anchorKey the note's anchor, which must be stored already ({@link PlacementRepository#insertIfAbsent});
	 * null for a reply, which goes with its note
	 */
	public void insert(Note note, @Nullable String anchorKey) {
		jdbc.sql("INSERT INTO notes (" + COLUMNS + ") VALUES (:id, :slug, :blockId, :blockPosition, :blockHash, "
				+ ":blockText, :parentId, :authorHash, :authorName, :body, :bodyHtml, :visibility, :createdAt, "
				+ ":editedAt, :deleted, :version, :quoteExact, :quotePrefix, :quoteSuffix, :quoteStart, :quoteEnd, :hidden, :asSent, :anchoredBy, "
				+ ":canonical, :via, :colour)")
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
			.param("colour", colourKey(note))
			.update();
		jdbc.sql("INSERT INTO note_places (note_id, article_slug, parent_id, anchor_key, visibility, author_hash, "
				+ "deleted, created_at, hidden, colour) VALUES (:id, :slug, :parentId, :anchorKey, :visibility, :authorHash, "
				+ ":deleted, :createdAt, :hidden, :colour)")
			.param("id", note.id())
			.param("slug", note.articleSlug())
			.param("parentId", note.parentId())
			.param("anchorKey", anchorKey)
			.param("visibility", note.visibility().dbValue())
			.param("authorHash", note.authorHash())
			.param("deleted", note.deleted())
			.param("createdAt", note.createdAt())
			.param("hidden", note.hidden())
			.param("colour", colourKey(note))
			.update();
	}

	private static @Nullable String colourKey(Note note) {
		return note.colour() == null ? null : note.colour().key();
	}

	/** MODERATION: hides or shows a note. @return whether there was such a note */
	public boolean setHidden(String id, boolean hidden) {
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

	/**
	 * Replaces body, visibility, name and colour when the stored version is still {@code note.version() - 1}.
	 * @return whether the row was updated (false: someone else changed it first)
	 */
	public boolean update(Note note) {
		return jdbc.sql("UPDATE notes SET body = :body, body_html = :bodyHtml, visibility = :visibility, "
				+ "author_name = :authorName, edited_at = :editedAt, deleted = :deleted, version = :version, "
				+ "colour = :colour WHERE id = :id AND version = :previous")
			.param("body", note.body())
			.param("bodyHtml", note.bodyHtml())
			.param("visibility", note.visibility().dbValue())
			.param("authorName", note.authorName())
			.param("editedAt", note.editedAt())
			.param("deleted", note.deleted())
			.param("version", note.version())
			.param("id", note.id())
			.param("previous", note.version() - 1)
			.param("colour", colourKey(note))
			.update() == 1 && jdbc.sql("UPDATE note_places SET visibility = :visibility, deleted = :deleted, "
					+ "colour = :colour WHERE note_id = :id")
				.param("visibility", note.visibility().dbValue())
				.param("deleted", note.deleted())
				.param("colour", colourKey(note))
				.param("id", note.id())
				.update() == 1;
	}

	public boolean delete(String id, int version) {
		return jdbc.sql("DELETE FROM notes WHERE id = :id AND version = :version")
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

}
