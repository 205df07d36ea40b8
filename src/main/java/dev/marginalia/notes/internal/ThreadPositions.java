package dev.marginalia.notes.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a thread is among the threads of its paragraph (or of the orphans), in the order the paragraph's notes pages
 * list them ({@link NoteReadModel#threadsOn}) for one reader: how many come before it. Counted on the narrow rows
 * of one paragraph, once, when a reader follows a link to the note.
 */
@Repository
public class ThreadPositions {

	private final JdbcClient jdbc;

	ThreadPositions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param threadId the note (not a reply) of the thread
	 * @return how many threads the reader sees before it on its paragraph, and the paragraph (null: the orphans);
	 * empty when the note has no place (a reply, or a note not placed)
	 */
	public Optional<Position> of(String slug, String threadId, @Nullable String viewerHash) {
		Optional<Sort> sort = jdbc.sql("SELECT a.placed_block_id, COALESCE(a.placed_start, -1) AS start_at, n.created_at "
				+ "FROM note_places n JOIN anchors a ON a.article_slug = n.article_slug AND a.anchor_key = n.anchor_key "
				+ "WHERE n.article_slug = :slug AND n.note_id = :id")
			.param("slug", slug)
			.param("id", threadId)
			.query((row, number) -> new Sort(row.getString("placed_block_id"), row.getInt("start_at"),
					row.getObject("created_at", OffsetDateTime.class)))
			.optional();
		return sort.map(place -> new Position(place.blockId(), before(slug, threadId, place, viewerHash)));
	}

	private int before(String slug, String threadId, Sort place, @Nullable String viewerHash) {
		return jdbc.sql("SELECT COUNT(*) FROM anchors a JOIN note_places n ON n.article_slug = a.article_slug "
				+ "AND n.anchor_key = a.anchor_key WHERE a.article_slug = :slug AND "
				+ (place.blockId() == null ? "a.placed_block_id IS NULL" : "a.placed_block_id = :block")
				+ " AND n.hidden = FALSE AND (n.visibility = 'public' OR n.author_hash = :viewer) AND "
				+ NoteReadModel.shown("n") + " AND (COALESCE(a.placed_start, -1) < :startAt OR (COALESCE(a.placed_start, -1) "
				+ "= :startAt AND (n.created_at < :created OR (n.created_at = :created AND n.note_id < :id))))")
			.param("slug", slug)
			.param("block", place.blockId() == null ? "" : place.blockId())
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.param("startAt", place.startAt())
			.param("created", place.createdAt())
			.param("id", threadId)
			.query(Integer.class)
			.single();
	}

	/** What a paragraph's threads are ordered by: where the passage starts now, then when the note was written. */
	private record Sort(@Nullable String blockId, int startAt, OffsetDateTime createdAt) {
	}

	/**
	 * @param blockId the paragraph, or null for the orphans
	 * @param before how many of its threads come first
	 */
	public record Position(@Nullable String blockId, int before) {
	}

}
