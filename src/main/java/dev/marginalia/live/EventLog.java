package dev.marginalia.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.marginalia.notes.NoteChanged;
import dev.marginalia.notes.Visibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The note_events table: written in the note's own transaction, read by every instance. */
@Repository
class EventLog {

	private static final String COLUMNS = "id, article_slug, note_id, block_id, kind, parent_id, visibility, author_hash";

	private final JdbcClient jdbc;

	private final Clock clock;

	EventLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	void append(NoteChanged change) {
		jdbc.sql("INSERT INTO note_events (article_slug, note_id, block_id, kind, parent_id, visibility, author_hash, created_at) "
				+ "VALUES (:slug, :note, :block, :kind, :parent, :visibility, :author, :now)")
			.param("slug", change.slug())
			.param("note", change.noteId())
			.param("block", change.blockId())
			.param("kind", change.kind().name().toLowerCase(Locale.ROOT))
			.param("parent", change.parentId())
			.param("visibility", change.visibility().name().toLowerCase(Locale.ROOT))
			.param("author", change.authorHash())
			.param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
	}

	long lastId() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM note_events").query(Long.class).single();
	}

	/** Events after {@code afterId}, oldest first. */
	List<LiveEvent> after(long afterId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM note_events WHERE id > :after ORDER BY id FETCH FIRST :limit ROWS ONLY")
			.param("after", afterId)
			.param("limit", limit)
			.query(EventLog::map)
			.list();
	}

	/**
	 * The listed events (gaps left by transactions that committed late), oldest first. A query of its own: joined
	 * to {@link #after} with OR, it made the database read the whole log on every wake-up.
	 */
	List<LiveEvent> withIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM note_events WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query(EventLog::map)
			.list();
	}

	/** What a reconnecting page missed on one article. */
	List<LiveEvent> replay(String slug, long afterId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM note_events WHERE article_slug = :slug AND id > :after "
				+ "ORDER BY id FETCH FIRST :limit ROWS ONLY")
			.param("slug", slug)
			.param("after", afterId)
			.param("limit", limit)
			.query(EventLog::map)
			.list();
	}

	private static LiveEvent map(ResultSet row, int number) throws SQLException {
		return new LiveEvent(row.getLong("id"), row.getString("article_slug"), row.getString("note_id"),
				row.getString("block_id"), NoteChanged.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)),
				row.getString("parent_id"), Visibility.valueOf(row.getString("visibility").toUpperCase(Locale.ROOT)),
				row.getString("author_hash"));
	}

}
