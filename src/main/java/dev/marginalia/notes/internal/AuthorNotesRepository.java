package dev.marginalia.notes.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import dev.marginalia.notes.Note;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One author's notes and replies across articles, newest first, as their author sees them (private ones included;
 * not the deleted ones, nor what the moderator hid): ranked on the narrow rows of {@code note_places} by the index
 * on the author (V17), so that a page (and the count, which stops at a bound) costs the same whether they wrote ten
 * notes or 100,000. Portable SQL for H2 and PostgreSQL.
 */
@Repository
public class AuthorNotesRepository {

	/** The author's rows that count: not deleted, not hidden (a note, or the note a reply answers). */
	private static final String MINE = "FROM note_places WHERE author_hash = :author AND deleted = FALSE AND hidden = FALSE";

	private final JdbcClient jdbc;

	private final NoteReactionRepository reactions;

	public AuthorNotesRepository(JdbcClient jdbc, NoteReactionRepository reactions) {
		this.jdbc = jdbc;
		this.reactions = reactions;
	}

	/**
	 * @param upTo how many to count at most: counting every row of an author of 100,000 notes took 100 ms on
	 * PostgreSQL, where a page takes under one
	 * @return how many notes and replies the author has (see {@link #page}), or {@code upTo + 1} when they have more
	 */
	public int count(String authorHash, int upTo) {
		return jdbc.sql("SELECT COUNT(*) FROM (SELECT note_id " + MINE + " FETCH FIRST :most ROWS ONLY) counted")
			.param("author", authorHash)
			.param("most", upTo + 1)
			.query(Integer.class)
			.single();
	}

	/**
	 * A page of the author's notes and replies, newest first, each with the paragraph its thread is on now (a note's
	 * own anchor, a reply's note's).
	 */
	public List<AuthorNote> page(String authorHash, int offset, int limit) {
		List<String> ids = jdbc.sql("SELECT note_id " + MINE
				+ " ORDER BY created_at DESC, note_id DESC OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
			.param("author", authorHash)
			.param("offset", offset)
			.param("limit", limit)
			.query(String.class)
			.list();
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<String, AuthorNote> byId = new HashMap<>();
		jdbc.sql("SELECT n." + NoteRepository.COLUMNS.replace(", ", ", n.") + ", a.placed_block_id, a.orphaned "
				+ "FROM notes n JOIN note_places t ON t.note_id = COALESCE(n.parent_id, n.id) "
				+ "LEFT JOIN anchors a ON a.article_slug = t.article_slug AND a.anchor_key = t.anchor_key "
				+ "WHERE n.id IN (:ids)")
			.param("ids", ids)
			.query((row, number) -> {
				Note note = NoteReadModel.map(row, number);
				String placed = row.getString("placed_block_id");
				boolean orphaned = row.getBoolean("orphaned");
				return new AuthorNote(note, placed != null ? placed : orphaned ? null : note.blockId());
			})
			.list()
			.forEach(note -> byId.put(note.note().id(), note));
		List<AuthorNote> page = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
		// with how many readers found each useful: one query for the page
		List<Note> counted = reactions.attach(page.stream().map(AuthorNote::note).toList());
		return IntStream.range(0, page.size())
			.mapToObj(i -> new AuthorNote(counted.get(i), page.get(i).blockId()))
			.toList();
	}

	/**
	 * A note or reply of the author's.
	 * @param blockId the paragraph its thread is on now (not placed yet: the one it was written on), or null when its
	 * text is no longer in the article
	 */
	public record AuthorNote(Note note, @Nullable String blockId) {
	}

}
