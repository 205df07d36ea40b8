package dev.marginalia.moderation;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The note_flags table. */
@Repository
class FlagRepository {

	private final JdbcClient jdbc;

	FlagRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(String noteId, String flagger) {
		return jdbc.sql("SELECT COUNT(*) FROM note_flags WHERE note_id = :note AND flagger = :flagger")
			.param("note", noteId)
			.param("flagger", flagger)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(String noteId, String flagger, FlagReason reason, @Nullable String detail, OffsetDateTime at) {
		jdbc.sql("INSERT INTO note_flags (note_id, flagger, reason, detail, created_at) "
				+ "VALUES (:note, :flagger, :reason, :detail, :at)")
			.param("note", noteId)
			.param("flagger", flagger)
			.param("reason", reason.value())
			.param("detail", detail)
			.param("at", at)
			.update();
	}

	/** @return the newest flags first */
	List<Flag> newest(int limit) {
		return jdbc.sql("SELECT f.note_id, n.article_slug, f.reason, f.detail, f.created_at FROM note_flags f "
				+ "JOIN notes n ON n.id = f.note_id ORDER BY f.created_at DESC, f.note_id FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query((row, number) -> new Flag(row.getString("note_id"), row.getString("article_slug"),
					FlagReason.parse(row.getString("reason")).orElse(FlagReason.OTHER), row.getString("detail"),
					row.getObject("created_at", OffsetDateTime.class)))
			.list();
	}

	void deleteAll(String noteId) {
		jdbc.sql("DELETE FROM note_flags WHERE note_id = :note").param("note", noteId).update();
	}

}
