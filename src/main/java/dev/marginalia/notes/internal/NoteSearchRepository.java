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
 * words. The rest is portable SQL over the narrow rows of {@code note_places}, which say who may see a note; the
 * index's own flag says which notes are plainly public, so that a common word's tens of thousands of matches are
 * not each looked up there.
 */
@Repository
public class NoteSearchRepository {

	/**
	 * What a reader may see (note_places as p): a note of the article, not deleted, public or their own, not hidden
	 * (nor a reply to a hidden note) but to the moderator.
	 */
	private static final String VISIBLE = "p.article_slug = :slug AND p.deleted = FALSE "
			+ "AND (p.visibility = 'public' OR p.author_hash = :viewer) AND (:moderator = TRUE OR p.hidden = FALSE)";

	/** How many postings of a stem are counted to tell which of a query's stems is the rarest. */
	private static final int RARE = 1000;

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
		return jdbc.sql("SELECT COUNT(" + (matches.several() ? "DISTINCT m.note_id" : "*") + ") FROM (" + matches.rows()
				+ ") m")
			.params(matches.parameters())
			.query(Integer.class)
			.single();
	}

	/**
	 * @return the ids of a page of the notes and replies the viewer may see that match the query (the best matches
	 * first, then the newest; or the newest first), with how many match in all, counted by the same query (0 when the
	 * page is past the last: ask {@link #count})
	 */
	public Page find(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator, int offset,
			int limit) {
		Matches matches = matches(slug, query, viewerHash, moderator);
		if (matches == null) {
			return new Page(List.of(), 0);
		}
		String score = matches.several() ? "SUM(m.score)" : "m.score";
		String order = (query.order() == SearchQuery.Order.RELEVANCE && query.text() != null ? score + " DESC, " : "")
				+ "m.created_at DESC, m.note_id DESC";
		Map<String, Object> parameters = new HashMap<>(matches.parameters());
		parameters.put("offset", offset);
		parameters.put("limit", limit);
		List<String> ids = new ArrayList<>();
		int[] total = { 0 };
		jdbc.sql("SELECT m.note_id, COUNT(*) OVER () AS total FROM (" + matches.rows() + ") m"
				+ (matches.several() ? " GROUP BY m.note_id, m.created_at" : "") + " ORDER BY " + order
				+ " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
			.params(parameters)
			.query((row, number) -> {
				total[0] = row.getInt("total");
				return ids.add(row.getString("note_id"));
			})
			.list();
		return new Page(ids, total[0]);
	}

	/**
	 * A page of matches.
	 * @param ids the notes on it, in order
	 * @param total how many match in all (0 when the page is empty)
	 */
	public record Page(List<String> ids, int total) {
	}

	/**
	 * The notes that match, as rows (note_id, created_at, score) the viewer may see; null when no note can match
	 * (words that are all stop words, and no tag among them). Each source of matches (the words, the tags equal to a
	 * word) checks who may see its notes on its own (against the narrow rows, {@code note_places} as p), and then they
	 * are put together: a union joined to the narrow rows, H2 ran again for every note of the article.
	 */
	private @Nullable Matches matches(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("slug", slug);
		parameters.put("viewer", viewerHash == null ? "" : viewerHash);
		parameters.put("moderator", moderator);
		StringBuilder asked = new StringBuilder();
		if (query.tag() != null) {
			parameters.put("tag", query.tagKey());
			asked.append(" AND EXISTS (SELECT 1 FROM note_tags f WHERE f.note_id = p.note_id AND f.tag_key = :tag)");
		}
		if (query.author() != null) {
			asked.append(" AND EXISTS (SELECT 1 FROM notes a WHERE a.id = p.note_id AND LOWER(a.author_name) = :author)");
			parameters.put("author", query.author().toLowerCase(Locale.ROOT));
		}
		asked.append(switch (query.kind()) {
			case ANY -> "";
			case NOTES -> " AND p.parent_id IS NULL";
			case REPLIES -> " AND p.parent_id IS NOT NULL";
			case TAGGED -> " AND EXISTS (SELECT 1 FROM note_tags k WHERE k.note_id = p.note_id)";
		});
		String filters = VISIBLE + asked;
		if (query.text() == null) {
			// no words: every note that passes the filters (starting from the tag's notes, when there is one)
			String from = query.tag() == null ? "note_places p"
					: "note_tags t JOIN note_places p ON p.note_id = t.note_id AND t.article_slug = :slug AND t.tag_key = :tag";
			return new Matches("SELECT p.note_id, p.created_at, 0 AS score FROM " + from + " WHERE " + filters, parameters,
					false);
		}
		List<String> sources = new ArrayList<>();
		if (!query.stems().isEmpty()) {
			// a plainly public note is seen by everyone: the index says which (restricted), the others are looked up
			String seen = "EXISTS (SELECT 1 FROM note_places p WHERE p.note_id = x.note_id AND " + filters + ")";
			sources.add(dialect().words(query, rarestFirst(slug, query.stems()),
					asked.isEmpty() ? "(x.restricted = FALSE OR " + seen + ")" : seen, parameters));
		}
		// a tag equal to a word: only when the article has such a tag (matches of one source need no adding up)
		if (!query.tagWords().isEmpty() && jdbc.sql("SELECT 1 FROM note_tags WHERE article_slug = :slug AND tag_key "
				+ "IN (:tagWords) FETCH FIRST 1 ROWS ONLY").param("slug", slug).param("tagWords", query.tagWords())
			.query(Integer.class).optional().isPresent()) {
			sources.add("SELECT t.note_id, p.created_at, " + dialect().tagScore + " AS score FROM note_tags t "
					+ "JOIN note_places p ON p.note_id = t.note_id WHERE t.article_slug = :slug AND t.tag_key IN (:tagWords) AND "
					+ filters);
			parameters.put("tagWords", query.tagWords());
		}
		if (sources.isEmpty()) {
			return null;
		}
		return new Matches(String.join(" UNION ALL ", sources), parameters, sources.size() > 1);
	}

	/**
	 * @param rows a query of (note_id, created_at, score), one row per match
	 * @param several whether a note may have several rows (one per source), whose scores add up
	 */
	private record Matches(String rows, Map<String, Object> parameters, boolean several) {
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
		// the thread's note: the reply's note, or the note itself (t); its anchor (a): each join on a key, so that both
		// use an index
		jdbc.sql("SELECT p.note_id, t.note_id AS thread_id, a.placed_block_id, a.orphaned FROM note_places p "
				+ "JOIN note_places t ON t.note_id = COALESCE(p.parent_id, p.note_id) "
				+ "LEFT JOIN anchors a ON a.article_slug = t.article_slug AND a.anchor_key = t.anchor_key "
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

	/**
	 * @return the stems, those in the fewest notes first (each counted up to {@value #RARE} postings: a bounded read of
	 * the index); on PostgreSQL, whose GIN index intersects them itself, as they are
	 */
	private List<String> rarestFirst(String slug, List<String> stems) {
		if (stems.size() < 2 || dialect() == Dialect.POSTGRES) {
			return stems;
		}
		Map<String, Integer> postings = new HashMap<>();
		for (String stem : stems) {
			postings.put(stem, jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM note_words WHERE article_slug = :slug "
					+ "AND word = :stem FETCH FIRST " + RARE + " ROWS ONLY) found")
				.param("slug", slug)
				.param("stem", stem)
				.query(Integer.class)
				.single());
		}
		return stems.stream().sorted(java.util.Comparator.comparing(postings::get)).toList();
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
			String words(SearchQuery query, List<String> stems, String seen, Map<String, Object> parameters) {
				parameters.put("q", query.text());
				return "SELECT x.note_id, x.created_at, ts_rank(x.document, plainto_tsquery('english', :q)) AS score "
						+ "FROM note_search x WHERE x.article_slug = :slug AND x.document @@ plainto_tsquery('english', :q) "
						+ "AND " + seen;
			}
		},

		/**
		 * The word table: notes that have every stem of the query, scored by the weighed counts of those stems; the
		 * postings of the rarest stem, each looked up in the others' (joined, or grouped by note, H2 read every posting
		 * of a common word, and grouped them slowly).
		 */
		EMBEDDED("10") {
			@Override
			String words(SearchQuery query, List<String> stems, String seen, Map<String, Object> parameters) {
				StringBuilder score = new StringBuilder("x.hits");
				StringBuilder others = new StringBuilder();
				for (int i = 0; i < stems.size(); i++) {
					parameters.put("stem" + i, stems.get(i));
					if (i > 0) {
						String posting = "FROM note_words y" + i + " WHERE y" + i + ".article_slug = :slug AND y" + i
								+ ".word = :stem" + i + " AND y" + i + ".note_id = x.note_id";
						others.append(" AND EXISTS (SELECT 1 ").append(posting).append(')');
						score.append(" + (SELECT y").append(i).append(".hits ").append(posting).append(')');
					}
				}
				return "SELECT x.note_id, x.created_at, " + score + " AS score FROM note_words x WHERE x.article_slug = :slug "
						+ "AND x.word = :stem0" + others + " AND " + seen;
			}
		};

		/** The score of a tag equal to one of the words: about two occurrences in a note's text. */
		final String tagScore;

		Dialect(String tagScore) {
			this.tagScore = tagScore;
		}

		/**
		 * @param stems the query's stems, the rarest first
		 * @param seen the condition on a match (its index row as x) that the viewer may see it and it passes the filters
		 * @return the notes (note_id, created_at, score) of the article (:slug) whose text has the query's words
		 */
		abstract String words(SearchQuery query, List<String> stems, String seen, Map<String, Object> parameters);

	}

}
