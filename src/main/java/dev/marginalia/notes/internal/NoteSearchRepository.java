package dev.marginalia.notes.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.marginalia.notes.Note;
import dev.marginalia.notes.SearchQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search of an article's notes, through {@link JdbcClient}: which notes a viewer may see match a
 * {@link SearchQuery}, how many, and what the results page shows of them. The words are looked up in the index of
 * migration V15 ({@link NoteSearchIndex}): PostgreSQL's full-text search ({@code plainto_tsquery} in the
 * {@code english} configuration, ranked by {@code ts_rank}), or on the embedded database its word table (every stem
 * of the query in the note, ranked by their weighed counts). A note is also found by a tag equal to one of the
 * words. The rest is portable SQL over the narrow rows of {@code note_places}, which say who may see a note.
 */
@Repository
public class NoteSearchRepository {

	/** What a reader may see (note_places as p): not deleted, public or their own, not hidden but to the moderator. */
	private static final String VISIBLE = "p.article_slug = :slug AND p.deleted = FALSE "
			+ "AND (p.visibility = 'public' OR p.author_hash = :viewer) AND (:moderator = TRUE OR p.hidden = FALSE)";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private volatile @Nullable Dialect dialect;

	NoteSearchRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** @return how many notes and replies on the article the viewer may see match the query */
	public int count(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator) {
		Matches matches = matches(slug, query, viewerHash, moderator);
		if (matches == null) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(" + (matches.ranked() ? "DISTINCT m.note_id" : "*") + ")" + matches.from())
			.params(matches.parameters())
			.query(Integer.class)
			.single();
	}

	/**
	 * @return the ids of a page of the notes and replies the viewer may see that match the query: the best matches
	 * first, then the newest (or the newest first)
	 */
	public List<String> find(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator, int offset,
			int limit) {
		Matches matches = matches(slug, query, viewerHash, moderator);
		if (matches == null) {
			return List.of();
		}
		boolean byScore = matches.ranked() && query.order() == SearchQuery.Order.RELEVANCE;
		String sql = matches.ranked()
				? "SELECT m.note_id" + matches.from() + " GROUP BY m.note_id, p.created_at ORDER BY "
						+ (byScore ? "SUM(m.score) DESC, " : "") + "p.created_at DESC, m.note_id DESC"
				: "SELECT m.note_id" + matches.from() + " ORDER BY p.created_at DESC, m.note_id DESC";
		Map<String, Object> parameters = new HashMap<>(matches.parameters());
		parameters.put("offset", offset);
		parameters.put("limit", limit);
		return jdbc.sql(sql + " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
			.params(parameters)
			.query(String.class)
			.list();
	}

	/**
	 * The notes that match, as {@code FROM ... WHERE ...} over the candidates (as m, with a score) and their narrow
	 * rows (as p); null when no note can match (words that are all stop words, and no tag among them).
	 */
	private @Nullable Matches matches(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("slug", slug);
		parameters.put("viewer", viewerHash == null ? "" : viewerHash);
		parameters.put("moderator", moderator);
		String candidates;
		boolean ranked = query.text() != null;
		if (ranked) {
			List<String> sources = new ArrayList<>();
			List<String> stems = query.stems();
			if (!stems.isEmpty()) {
				sources.add(dialect().words(query, parameters));
			}
			if (!query.tagWords().isEmpty()) {
				sources.add("SELECT t.note_id, " + dialect().tagScore + " AS score FROM note_tags t "
						+ "WHERE t.article_slug = :slug AND t.tag_key IN (:tagWords)");
				parameters.put("tagWords", query.tagWords());
			}
			if (sources.isEmpty()) {
				return null;
			}
			candidates = String.join(" UNION ALL ", sources);
		}
		else if (query.tag() != null) {
			candidates = "SELECT t.note_id, 0 AS score FROM note_tags t WHERE t.article_slug = :slug AND t.tag_key = :tag";
		}
		else {
			candidates = "SELECT n.note_id, 0 AS score FROM note_places n WHERE n.article_slug = :slug";
		}
		StringBuilder from = new StringBuilder(" FROM (").append(candidates)
			.append(") m JOIN note_places p ON p.note_id = m.note_id WHERE ").append(VISIBLE);
		if (query.tag() != null) {
			parameters.put("tag", query.tagKey());
			if (ranked) {
				from.append(" AND EXISTS (SELECT 1 FROM note_tags f WHERE f.note_id = p.note_id AND f.tag_key = :tag)");
			}
		}
		if (query.author() != null) {
			from.append(" AND EXISTS (SELECT 1 FROM notes a WHERE a.id = p.note_id AND LOWER(a.author_name) = :author)");
			parameters.put("author", query.author().toLowerCase(Locale.ROOT));
		}
		from.append(switch (query.kind()) {
			case ANY -> "";
			case NOTES -> " AND p.parent_id IS NULL";
			case REPLIES -> " AND p.parent_id IS NOT NULL";
			case TAGGED -> " AND EXISTS (SELECT 1 FROM note_tags k WHERE k.note_id = p.note_id)";
		});
		return new Matches(from.toString(), parameters, ranked);
	}

	/**
	 * @param from {@code FROM ... WHERE ...}
	 * @param ranked whether the candidates have scores to add up, one row per word source (else one row per note)
	 */
	private record Matches(String from, Map<String, Object> parameters, boolean ranked) {
	}

	/** @return the notes with these ids (any order) */
	public List<Note> notes(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + NoteRepository.COLUMNS + " FROM notes WHERE id IN (:ids)")
			.param("ids", ids)
			.query(NoteReadModel::map)
			.list();
	}

	/** @return by note id, the thread each of these notes is in (a reply's is its note's) and where that thread is now */
	public Map<String, ThreadPlace> places(Collection<String> ids) {
		Map<String, ThreadPlace> places = new HashMap<>();
		if (ids.isEmpty()) {
			return places;
		}
		jdbc.sql("SELECT p.note_id, COALESCE(p.parent_id, p.note_id) AS thread_id, a.placed_block_id, a.orphaned "
				+ "FROM note_places p LEFT JOIN note_places t ON t.note_id = p.parent_id "
				+ "LEFT JOIN anchors a ON a.article_slug = p.article_slug AND a.anchor_key = COALESCE(t.anchor_key, p.anchor_key) "
				+ "WHERE p.note_id IN (:ids)")
			.param("ids", ids)
			.query((row, number) -> places.put(row.getString("note_id"), new ThreadPlace(row.getString("thread_id"),
					row.getString("placed_block_id"), row.getBoolean("orphaned"))))
			.list();
		return places;
	}

	/**
	 * Where a thread is in the article's current version.
	 * @param threadId the note of the thread
	 * @param blockId the paragraph it is on now, or null (orphaned, or not placed yet)
	 * @param orphaned its text is no longer in the article
	 */
	public record ThreadPlace(String threadId, @Nullable String blockId, boolean orphaned) {
	}

	private Dialect dialect() {
		Dialect known = dialect;
		if (known == null) {
			known = template.execute((ConnectionCallback<Dialect>) connection -> connection.getMetaData()
				.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? Dialect.POSTGRES : Dialect.EMBEDDED);
			dialect = known;
		}
		return known;
	}

	/** How each database looks up words: its own index (V15), and what a tag equal to a word adds to the score. */
	private enum Dialect {

		/** Full-text search: every word of the query (stemmed, stop words dropped by PostgreSQL itself), ts_rank. */
		POSTGRES("CAST(0.1 AS REAL)") {
			@Override
			String words(SearchQuery query, Map<String, Object> parameters) {
				parameters.put("q", query.text());
				return "SELECT s.note_id, ts_rank(s.document, plainto_tsquery('english', :q)) AS score FROM note_search s "
						+ "WHERE s.article_slug = :slug AND s.document @@ plainto_tsquery('english', :q)";
			}
		},

		/** The word table: notes that have every stem of the query, scored by the weighed counts of those stems. */
		EMBEDDED("10") {
			@Override
			String words(SearchQuery query, Map<String, Object> parameters) {
				parameters.put("stems", query.stems());
				parameters.put("stemCount", query.stems().size());
				return "SELECT w.note_id, SUM(w.hits) AS score FROM note_words w WHERE w.article_slug = :slug "
						+ "AND w.word IN (:stems) GROUP BY w.note_id HAVING COUNT(*) = :stemCount";
			}
		};

		/** The score of a tag equal to one of the words: about two occurrences in a note's text. */
		final String tagScore;

		Dialect(String tagScore) {
			this.tagScore = tagScore;
		}

		/** @return the notes (note_id, score) of the article (:slug) whose text has the query's words */
		abstract String words(SearchQuery query, Map<String, Object> parameters);

	}

}
