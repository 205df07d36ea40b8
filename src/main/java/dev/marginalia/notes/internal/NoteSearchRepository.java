package dev.marginalia.notes.internal;

import java.util.ArrayList;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
 * not each looked up there. On the embedded database the words of the newest notes may still wait to be written
 * ({@link DeferredNoteWords}): a search writes them first.
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

	private final DeferredNoteWords deferredWords;

	private volatile @Nullable Dialect dialect;

	NoteSearchRepository(JdbcClient jdbc, JdbcTemplate template, DeferredNoteWords deferredWords) {
		this.jdbc = jdbc;
		this.template = template;
		this.deferredWords = deferredWords;
	}

	/**
	 * @return how many notes and replies on the article the viewer may see match the query, or null when more than
	 * {@value #COUNTED}
	 */
	public @Nullable Integer count(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator) {
		List<Source> sources = sources(slug, query, viewerHash, moderator);
		Map<String, Match> found = new HashMap<>();
		for (Source source : sources) {
			if (!fewest(source, found)) {
				return null;
			}
		}
		return found.size();
	}

	/**
	 * @return the ids of a page of the notes and replies the viewer may see that match the query, and how many match
	 * in all. Up to {@value #COUNTED} matches, all of them are read (a bounded read, in no order) and ordered here:
	 * the best matches first, then the newest (or the newest first), and counted. Past that, the total is not counted
	 * (as a search engine says "more than") and the newest come first, each source read in the order of an index, as
	 * far as the page reaches: neither ranking nor counting tens of thousands of matches, which costs in proportion to
	 * them, a common word stays as fast as a rare one.
	 */
	public Page find(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator, int offset,
			int limit) {
		List<Source> sources = sources(slug, query, viewerHash, moderator);
		Map<String, Match> found = new HashMap<>();
		boolean many = false;
		for (Source source : sources) {
			many |= !fewest(source, found);
		}
		Comparator<Match> order = NEWEST;
		if (!many) {
			if (query.order() == SearchQuery.Order.RELEVANCE && query.text() != null) {
				order = Comparator.comparingDouble(Match::score).reversed().thenComparing(NEWEST);
			}
			return page(found, order, offset, limit, found.size());
		}
		Map<String, Match> newest = new HashMap<>();
		for (Source source : sources) {
			jdbc.sql(source.rows() + " ORDER BY " + source.newestFirst() + " FETCH FIRST " + (offset + limit + 1)
					+ " ROWS ONLY")
				.params(source.parameters())
				.query(NoteSearchRepository::match)
				.list()
				.forEach(match -> newest.merge(match.noteId(), match, Match::plus));
		}
		return page(newest, order, offset, limit, null);
	}

	/** How far a source of matches is read before they are no longer counted nor ranked. */
	public static final int COUNTED = 1000;

	private static final Comparator<Match> NEWEST = Comparator.comparing(Match::createdAt)
		.thenComparing(Match::noteId)
		.reversed();

	/**
	 * Reads up to {@value #COUNTED} + 1 of the source's matches, in no order, into {@code found} (the scores of a note
	 * found by several sources add up).
	 * @return whether the source has no more than {@value #COUNTED}
	 */
	private boolean fewest(Source source, Map<String, Match> found) {
		List<Match> matches = jdbc.sql(source.rows() + " FETCH FIRST " + (COUNTED + 1) + " ROWS ONLY")
			.params(source.parameters())
			.query(NoteSearchRepository::match)
			.list();
		matches.forEach(match -> found.merge(match.noteId(), match, Match::plus));
		return matches.size() <= COUNTED;
	}

	private static Page page(Map<String, Match> found, Comparator<Match> order, int offset, int limit,
			@Nullable Integer total) {
		List<String> ids = found.values().stream().sorted(order).skip(offset).limit(limit + 1L).map(Match::noteId).toList();
		return new Page(ids.subList(0, Math.min(limit, ids.size())), total, ids.size() > limit);
	}

	private static Match match(java.sql.ResultSet row, int number) throws java.sql.SQLException {
		return new Match(row.getString("note_id"), row.getTimestamp("created_at").toInstant(), row.getDouble("score"));
	}

	/** A note that matches, when it was written, and its score. */
	private record Match(String noteId, Instant createdAt, double score) {

		Match plus(Match other) {
			return new Match(noteId, createdAt, score + other.score);
		}

	}

	/**
	 * A page of matches.
	 * @param ids the notes on it, in order
	 * @param total how many match in all, or null when more than {@value #COUNTED}
	 * @param hasNext whether more come after this page
	 */
	public record Page(List<String> ids, @Nullable Integer total, boolean hasNext) {
	}

	/**
	 * The sources of the notes that match, each a query of rows (note_id, created_at, score) the viewer may see; none
	 * when no note can match (words that are all stop words, and no tag among them). Each source checks who may see
	 * its notes on its own (against the narrow rows, {@code note_places} as p); they are put together here, not in a
	 * union (H2 runs a union again for each row it is joined to).
	 */
	private List<Source> sources(String slug, SearchQuery query, @Nullable String viewerHash, boolean moderator) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("slug", slug);
		parameters.put("viewer", viewerHash == null ? "" : viewerHash);
		parameters.put("moderator", moderator);
		StringBuilder asked = new StringBuilder();
		String tagFilter = "";
		if (query.tag() != null) {
			parameters.put("tag", query.tagKey());
			tagFilter = " AND EXISTS (SELECT 1 FROM note_tags f WHERE f.note_id = p.note_id AND f.tag_key = :tag)";
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
		// the filters but the tag (the tag's own notes are read from it), and all of them
		String untagged = VISIBLE + asked;
		String filters = VISIBLE + tagFilter + asked;
		// the newest of the narrow rows first, by the index note_places_by_article read backwards
		String newestPlaces = "p.article_slug DESC, p.created_at DESC, p.note_id DESC";
		if (query.text() == null) {
			if (query.tag() == null) {
				// no words: every note that passes the filters
				return List.of(new Source("SELECT p.note_id AS note_id, p.created_at AS created_at, 0 AS score FROM "
						+ "note_places p WHERE " + filters, newestPlaces, parameters));
			}
			// no words but a tag: the tag's notes that pass the filters
			return List.of(tagged(":tag", "0", untagged, parameters));
		}
		List<Source> sources = new ArrayList<>();
		if (!query.stems().isEmpty()) {
			if (dialect() == Dialect.EMBEDDED) {
				// the words of the notes committed before this search, some of which may wait to be written
				deferredWords.catchUp();
			}
			// a plainly public note is seen by everyone: the index says which (restricted), the others are looked up,
			// each by its key (OFFSET 0 ROWS: else PostgreSQL may hash all the narrow rows once to answer the few)
			String seen = "EXISTS (SELECT 1 FROM note_places p WHERE p.note_id = x.note_id AND " + filters
					+ " OFFSET 0 ROWS)";
			sources.add(new Source(dialect().words(query, rarestFirst(slug, query.stems()),
					asked.isEmpty() && tagFilter.isEmpty() ? "(x.restricted = FALSE OR " + seen + ")" : seen, parameters),
					dialect().newestWords,
					parameters));
		}
		// a tag equal to a word, each that the article has: a source of its own, read from its index
		if (!query.tagWords().isEmpty()) {
			List<String> tags = jdbc.sql("SELECT DISTINCT tag_key FROM note_tags WHERE article_slug = :slug AND tag_key "
					+ "IN (:tagWords)").param("slug", slug).param("tagWords", query.tagWords()).query(String.class).list();
			for (int i = 0; i < tags.size(); i++) {
				parameters.put("tagWord" + i, tags.get(i));
				sources.add(tagged(":tagWord" + i, dialect().tagScore, filters, parameters));
			}
		}
		return sources;
	}

	/**
	 * @return the notes with the tag (a parameter) that pass the filters, each with the score given. Each is looked up
	 * in the narrow rows by its key as it is read ({@code OFFSET 0 ROWS} keeps PostgreSQL from making the EXISTS a
	 * semi-join, which hashed all 100,000 narrow rows to answer a page of 20)
	 */
	private static Source tagged(String tag, String score, String filters, Map<String, Object> parameters) {
		return new Source("SELECT t.note_id AS note_id, t.created_at AS created_at, " + score + " AS score FROM note_tags t "
				+ "WHERE t.article_slug = :slug AND t.tag_key = " + tag + " AND EXISTS (SELECT 1 FROM note_places p WHERE "
				+ "p.note_id = t.note_id AND " + filters + " OFFSET 0 ROWS)",
				"t.article_slug DESC, t.tag_key DESC, t.created_at DESC, t.note_id DESC", parameters);
	}

	/**
	 * One source of matches: a query of rows (note_id, created_at, score), read in no order (the cheapest way to its
	 * first {@value #COUNTED}) or newest first, in the order an index gives them (the columns the index starts with,
	 * bound to one value, are named in the ORDER BY too: H2 reads an index in order only then).
	 * @param newestFirst the ORDER BY that reads it newest first
	 */
	private record Source(String rows, String newestFirst, Map<String, Object> parameters) {
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
		POSTGRES("CAST(0.1 AS REAL)", "x.article_slug DESC, x.created_at DESC, x.note_id DESC") {
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
		EMBEDDED("10", "x.article_slug DESC, x.word DESC, x.created_at DESC, x.note_id DESC") {
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

		/** The order of {@link #words}' rows, newest first, that its index of migration V22 gives as it is read. */
		final String newestWords;

		Dialect(String tagScore, String newestWords) {
			this.tagScore = tagScore;
			this.newestWords = newestWords;
		}

		/**
		 * @param stems the query's stems, the rarest first
		 * @param seen the condition on a match (its index row as x) that the viewer may see it and it passes the filters
		 * @return the notes (note_id, created_at, score) of the article (:slug) whose text has the query's words
		 */
		abstract String words(SearchQuery query, List<String> stems, String seen, Map<String, Object> parameters);

	}

}
