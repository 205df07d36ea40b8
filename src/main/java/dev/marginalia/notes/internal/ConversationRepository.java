package dev.marginalia.notes.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who wrote on each passage of an article in public: one grouped read that starts from the article's passage anchors
 * (where each is now) and reads only the narrow rows of their notes and of the replies to them, so that its cost grows
 * with the notes on passages, not with all the article's notes. Portable SQL for H2 and PostgreSQL.
 */
@Repository
public class ConversationRepository {

	/** A passage anchor of the article (as a) placed in the current version, with its notes (as t). */
	private static final String PASSAGE_NOTES = "anchors a JOIN note_places t ON t.article_slug = a.article_slug "
			+ "AND t.anchor_key = a.anchor_key WHERE a.article_slug = :slug AND a.placed_block_id IS NOT NULL "
			+ "AND a.placed_start IS NOT NULL AND a.placed_end IS NOT NULL";

	/** A public note or reply (as the alias) that counts: not private, not hidden (nor its note), not deleted. */
	private static String counted(String alias) {
		return alias + ".visibility = 'public' AND " + alias + ".hidden = FALSE AND " + alias + ".deleted = FALSE";
	}

	private final JdbcClient jdbc;

	public ConversationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return for each passage of the article's current version and each author of public notes on it or public replies
	 * to them (not private, not hidden with their note, not deleted), how many of them that author wrote there
	 */
	public List<ReaderRow> passageReaders(String slug) {
		// the notes on passages, then the replies to them (found by their note, whether it is counted or a tombstone):
		// with 100,000 notes by as many authors, a fifth of them on passages, this read costs a third of the page's
		// counts per paragraph, which read every note
		return jdbc.sql("SELECT placed_block_id, placed_start, placed_end, author_hash, COUNT(*) AS notes FROM ("
				+ "SELECT a.placed_block_id, a.placed_start, a.placed_end, t.author_hash FROM " + PASSAGE_NOTES
				+ " AND " + counted("t")
				+ " UNION ALL SELECT a.placed_block_id, a.placed_start, a.placed_end, r.author_hash FROM "
				+ PASSAGE_NOTES.replace(" WHERE ", " JOIN note_places r ON r.parent_id = t.note_id WHERE ")
				+ " AND " + counted("r") + ") x "
				+ "GROUP BY placed_block_id, placed_start, placed_end, author_hash")
			.param("slug", slug)
			.query((row, number) -> new ReaderRow(row.getString("placed_block_id"), row.getInt("placed_start"),
					row.getInt("placed_end"), row.getString("author_hash"), row.getInt("notes")))
			.list();
	}

	/**
	 * One author's public notes and replies on one passage.
	 * @param blockId the paragraph it is in now
	 * @param start where the passage starts in the paragraph's text, in code points
	 * @param end where it ends, exclusive
	 * @param authorHash who wrote them
	 * @param notes how many
	 */
	public record ReaderRow(String blockId, int start, int end, String authorHash, int notes) {
	}

}
