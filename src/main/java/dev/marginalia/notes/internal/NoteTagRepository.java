package dev.marginalia.notes.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteTags;
import dev.marginalia.notes.TagCount;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notes' tags ({@code note_tags}, V14), through {@link JdbcClient}, in portable SQL for H2 and PostgreSQL: written
 * in the transaction of their note (a deleted note's go with it, by the foreign key), read a list of notes at a time
 * (one query per list, never one per note), and counted per article.
 */
@Repository
public class NoteTagRepository {

	/** Ids per {@code IN} list. */
	private static final int CHUNK = 1_000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	public NoteTagRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	/** Stores a new note's tags (none: nothing to do). */
	public void insert(Note note) {
		if (note.tags().isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (int position = 0; position < note.tags().size(); position++) {
			String tag = note.tags().get(position);
			rows.add(new Object[] { note.id(), note.articleSlug(), NoteTags.key(tag), tag, position,
					note.createdAt() });
		}
		// the note's time beside each tag: a tag's notes are read newest first from an index (migration V22)
		batches.batchUpdate("INSERT INTO note_tags (note_id, article_slug, tag_key, tag, position, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)", rows);
	}

	/** Replaces an edited note's tags with those it has now (a tombstone has none). */
	public void replace(Note note) {
		jdbc.sql("DELETE FROM note_tags WHERE note_id = :id").param("id", note.id()).update();
		insert(note);
	}

	/**
	 * @return the notes with their tags, in the same order: one query per thousand notes, or one for the whole
	 * article when they are more and all of one article
	 */
	public List<Note> attach(List<Note> notes) {
		if (notes.isEmpty()) {
			return notes;
		}
		Map<String, List<String>> tags = new HashMap<>();
		String slug = notes.get(0).articleSlug();
		if (notes.size() > CHUNK && notes.stream().allMatch(note -> note.articleSlug().equals(slug))) {
			read(jdbc.sql("SELECT note_id, tag FROM note_tags WHERE article_slug = :slug ORDER BY note_id, position")
				.param("slug", slug), tags);
		}
		else {
			List<String> ids = notes.stream().map(Note::id).toList();
			for (int from = 0; from < ids.size(); from += CHUNK) {
				read(jdbc.sql("SELECT note_id, tag FROM note_tags WHERE note_id IN (:ids) ORDER BY note_id, position")
					.param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))), tags);
			}
		}
		if (tags.isEmpty()) {
			return notes;
		}
		return notes.stream().map(note -> tagged(note, tags.get(note.id()))).toList();
	}

	/** @return the note with its tags */
	public Note attach(Note note) {
		return attach(List.of(note)).get(0);
	}

	private static void read(JdbcClient.StatementSpec query, Map<String, List<String>> tags) {
		query.query(row -> {
			tags.computeIfAbsent(row.getString("note_id"), key -> new ArrayList<>()).add(row.getString("tag"));
		});
	}

	private static Note tagged(Note note, @Nullable List<String> tags) {
		return tags == null ? note : note.withTags(tags);
	}

	/**
	 * The article's tags with how many of the notes and replies the viewer may see carry each (public ones neither
	 * hidden nor deleted, and the viewer's own private ones), the most used first, then in the order of their key.
	 * Each tag is shown as its most used spelling (of equals, the first in code point order), the same on either
	 * database whatever its collation.
	 */
	public List<TagCount> counts(String slug, @Nullable String viewerHash) {
		Map<String, Spellings> byKey = new HashMap<>();
		jdbc.sql("SELECT t.tag_key, t.tag, COUNT(*) AS notes FROM note_tags t "
				+ "JOIN note_places n ON n.note_id = t.note_id "
				+ "WHERE t.article_slug = :slug AND n.deleted = FALSE AND n.hidden = FALSE "
				+ "AND (n.visibility = 'public' OR n.author_hash = :viewer) "
				+ "GROUP BY t.tag_key, t.tag")
			.param("slug", slug)
			.param("viewer", viewerHash == null ? "" : viewerHash)
			.query(row -> {
				byKey.computeIfAbsent(row.getString("tag_key"), key -> new Spellings())
					.add(row.getString("tag"), row.getInt("notes"));
			});
		return byKey.entrySet()
			.stream()
			.map(entry -> new TagCount(entry.getValue().mostUsed, entry.getKey(), entry.getValue().notes))
			.sorted(Comparator.comparingInt(TagCount::notes).reversed().thenComparing(TagCount::key))
			.toList();
	}

	/** The spellings of one tag key: how many notes carry it, and the spelling most of them use. */
	private static final class Spellings {

		private String mostUsed = "";

		private int mostUses;

		private int notes;

		void add(String spelling, int uses) {
			notes += uses;
			if (uses > mostUses || uses == mostUses && spelling.compareTo(mostUsed) < 0) {
				mostUsed = spelling;
				mostUses = uses;
			}
		}

	}

}
