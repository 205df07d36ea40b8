package dev.marginalia.live;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import dev.marginalia.notes.NoteChanged;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The event logs, written in the note's own transaction, read by every instance. Two of them, so that nothing about
 * a private note shows in what everyone sees: {@code note_events} is what everyone may be told, and its ids are the
 * public sequence (a page carries the last one, event streams number their events by them); a private note taking
 * one of them showed everyone that, and when, someone wrote one. {@code note_private_events} holds the changes of
 * private notes, for their authors alone; its ids are never shown to anyone.
 */
@Repository
class EventLog {

	/** Which log, by who may be told of its entries. */
	enum Audience {

		/** {@code note_events}: public notes, and notes an edit made private or public. */
		EVERYONE("note_events"),

		/** {@code note_private_events}: private notes, for their authors alone. */
		AUTHOR("note_private_events");

		private final String table;

		Audience(String table) {
			this.table = table;
		}

	}

	private static final String COLUMNS = "id, article_slug, note_id, block_id, kind, parent_id, author_hash";

	private final JdbcClient jdbc;

	private final Clock clock;

	EventLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Writes the change to the log of those who may be told of it. */
	void append(NoteChanged change) {
		jdbc.sql("INSERT INTO " + audienceOf(change).table + " (article_slug, note_id, block_id, kind, parent_id, "
				+ "author_hash, created_at) VALUES (:slug, :note, :block, :kind, :parent, :author, :now)")
			.param("slug", change.slug())
			.param("note", change.noteId())
			.param("block", change.blockId())
			.param("kind", change.kind().name().toLowerCase(Locale.ROOT))
			.param("parent", change.parentId())
			.param("author", change.authorHash())
			.param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
			.update();
	}

	private static Audience audienceOf(NoteChanged change) {
		return change.isPublic() ? Audience.EVERYONE : Audience.AUTHOR;
	}

	/** @return the id of the log's last entry, 0 when there is none */
	long lastId(Audience audience) {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM " + audience.table).query(Long.class).single();
	}

	/** Entries after {@code afterId}, oldest first. */
	List<LiveEvent> after(Audience audience, long afterId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM " + audience.table + " WHERE id > :after ORDER BY id "
				+ "FETCH FIRST :limit ROWS ONLY")
			.param("after", afterId)
			.param("limit", limit)
			.query(mapper(audience))
			.list();
	}

	/**
	 * The listed entries (gaps left by transactions that committed late), oldest first. A query of its own: joined
	 * to {@link #after} with OR, it made the database read the whole log on every wake-up.
	 */
	List<LiveEvent> withIds(Audience audience, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM " + audience.table + " WHERE id IN (:ids) ORDER BY id")
			.param("ids", ids)
			.query(mapper(audience))
			.list();
	}

	/** What a reconnecting page missed on one article: public entries only (private ones have no public id). */
	List<LiveEvent> replay(String slug, long afterId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM note_events WHERE article_slug = :slug AND id > :after "
				+ "ORDER BY id FETCH FIRST :limit ROWS ONLY")
			.param("slug", slug)
			.param("after", afterId)
			.param("limit", limit)
			.query(mapper(Audience.EVERYONE))
			.list();
	}

	/** Entries of the private log are for their author; those of the public one, for everyone. */
	private static RowMapper<LiveEvent> mapper(Audience audience) {
		return (row, number) -> new LiveEvent(row.getLong("id"), row.getString("article_slug"),
				row.getString("note_id"), row.getString("block_id"),
				NoteChanged.Kind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), row.getString("parent_id"),
				audience == Audience.AUTHOR ? row.getString("author_hash") : null);
	}

}
