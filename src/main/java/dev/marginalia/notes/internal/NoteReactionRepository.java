package dev.marginalia.notes.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.marginalia.notes.Note;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Readers' reactions to notes ({@code note_reactions}, V18), through {@link JdbcClient}, in portable SQL for H2 and
 * PostgreSQL: one row per note, reaction and reader (the key makes a reader count once, however many presses arrive
 * at once), counted a list of notes at a time (one query per list, never one per note).
 */
@Repository
public class NoteReactionRepository {

	/** The one reaction there is. */
	public static final String USEFUL = "useful";

	/** Ids per {@code IN} list. */
	private static final int CHUNK = 1_000;

	/**
	 * How many readers found the note (as n, a narrow row of note_places) useful: an index lookup per note, for
	 * ordering one paragraph's notes.
	 */
	static final String USEFUL_OF_N = "(SELECT COUNT(*) FROM note_reactions x WHERE x.note_id = n.note_id "
			+ "AND x.reaction = '" + USEFUL + "')";

	/**
	 * The notes of the article readers found useful, and how many (as u.note_id, u.useful): one grouped read of the
	 * article's reactions, first in the FROM clause (as the replies' counts are: see NoteReadModel).
	 */
	static final String USEFUL_COUNTS = "(SELECT x.note_id, COUNT(*) AS useful FROM note_reactions x "
			+ "WHERE x.article_slug = :slug AND x.reaction = '" + USEFUL + "' GROUP BY x.note_id) u";

	private final JdbcClient jdbc;

	public NoteReactionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return whether the reader's reaction was stored now (false: it was there already) */
	public boolean add(Note note, String reaction, String reader, OffsetDateTime at) {
		return jdbc.sql("INSERT INTO note_reactions (note_id, reaction, reader, article_slug, created_at) "
				+ "VALUES (:note, :reaction, :reader, :slug, :at) ON CONFLICT DO NOTHING")
			.param("note", note.id())
			.param("reaction", reaction)
			.param("reader", reader)
			.param("slug", note.articleSlug())
			.param("at", at)
			.update() > 0;
	}

	/** @return whether the reader's reaction was there (and is taken away now) */
	public boolean remove(String noteId, String reaction, String reader) {
		return jdbc.sql("DELETE FROM note_reactions WHERE note_id = :note AND reaction = :reaction AND reader = :reader")
			.param("note", noteId)
			.param("reaction", reaction)
			.param("reader", reader)
			.update() > 0;
	}

	/** Takes every reaction to the note away (a deleted note kept for its replies has none). */
	public void removeAll(String noteId) {
		jdbc.sql("DELETE FROM note_reactions WHERE note_id = :note").param("note", noteId).update();
	}

	/** @return whether the reader has this reaction to the note */
	public boolean has(String noteId, String reaction, String reader) {
		return jdbc.sql("SELECT COUNT(*) FROM note_reactions WHERE note_id = :note AND reaction = :reaction "
				+ "AND reader = :reader")
			.param("note", noteId)
			.param("reaction", reaction)
			.param("reader", reader)
			.query(Integer.class)
			.single() > 0;
	}

	/** @return how many readers have this reaction to the note */
	public int count(String noteId, String reaction) {
		return jdbc.sql("SELECT COUNT(*) FROM note_reactions WHERE note_id = :note AND reaction = :reaction")
			.param("note", noteId)
			.param("reaction", reaction)
			.query(Integer.class)
			.single();
	}

	/** @return the notes of the article the reader found useful (their ids) */
	public Set<String> usefulTo(String slug, String reader) {
		return new HashSet<>(jdbc.sql("SELECT note_id FROM note_reactions WHERE reader = :reader "
				+ "AND article_slug = :slug AND reaction = '" + USEFUL + "'")
			.param("reader", reader)
			.param("slug", slug)
			.query(String.class)
			.list());
	}

	/**
	 * @return the notes with how many readers found each useful, in the same order: one query per thousand notes, or
	 * one for the whole article when they are more and all of one article
	 */
	public List<Note> attach(List<Note> notes) {
		if (notes.isEmpty()) {
			return notes;
		}
		Map<String, Integer> counts = new HashMap<>();
		String slug = notes.get(0).articleSlug();
		if (notes.size() > CHUNK && notes.stream().allMatch(note -> note.articleSlug().equals(slug))) {
			read(jdbc.sql("SELECT note_id, COUNT(*) AS useful FROM note_reactions WHERE article_slug = :slug "
					+ "AND reaction = '" + USEFUL + "' GROUP BY note_id")
				.param("slug", slug), counts);
		}
		else {
			List<String> ids = notes.stream().map(Note::id).toList();
			for (int from = 0; from < ids.size(); from += CHUNK) {
				read(jdbc.sql("SELECT note_id, COUNT(*) AS useful FROM note_reactions WHERE note_id IN (:ids) "
						+ "AND reaction = '" + USEFUL + "' GROUP BY note_id")
					.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))), counts);
			}
		}
		if (counts.isEmpty()) {
			return notes;
		}
		List<Note> counted = new ArrayList<>(notes.size());
		for (Note note : notes) {
			Integer useful = counts.get(note.id());
			counted.add(useful == null ? note : note.withUseful(useful));
		}
		return counted;
	}

	/** @return the note with its count */
	public Note attach(Note note) {
		return attach(List.of(note)).get(0);
	}

	private static void read(JdbcClient.StatementSpec query, Map<String, Integer> counts) {
		query.query(row -> {
			counts.put(row.getString("note_id"), row.getInt("useful"));
		});
	}

}
