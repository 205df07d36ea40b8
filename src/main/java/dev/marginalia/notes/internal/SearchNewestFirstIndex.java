package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.marginalia.database.VendorMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V22: the search index of V15 ({@link NoteSearchIndex}) read newest first. A word in more than
 * {@value NoteSearchRepository#COUNTED} notes is neither ranked nor counted: its matches come newest first, as far
 * as the page asked for reaches, read in the order of these indexes rather than sorted.
 * <ul>
 * <li>PostgreSQL: {@code note_search} by article and time (the GIN index finds, this one orders; the planner walks it
 * and checks each document until the page is full).</li>
 * <li>H2: {@code note_words} by article, word and time, with what a search reads, so that the postings of a word are
 * read newest first from the index alone.</li>
 * <li>Both: {@code note_tags} carries the time of its note, and is indexed by article, tag and time, for the
 * notes of a tag newest first.</li>
 * </ul>
 */
@Component
class SearchNewestFirstIndex extends VendorMigration {

	private static final String POSTGRES = "CREATE INDEX note_search_newest ON note_search (article_slug, created_at, note_id)";

	private static final String EMBEDDED = "CREATE INDEX note_words_newest ON note_words (article_slug, word, created_at, "
			+ "note_id, restricted, hits)";

	SearchNewestFirstIndex() {
		super(22, "the search index read newest first");
	}

	/** A tag's notes newest first, on both: the time of each tag's note beside it, and an index that ends with it. */
	private static final String[] TAGS = {
		"ALTER TABLE note_tags ADD COLUMN created_at TIMESTAMP WITH TIME ZONE",
		"UPDATE note_tags SET created_at = (SELECT n.created_at FROM notes n WHERE n.id = note_tags.note_id)",
		"ALTER TABLE note_tags ALTER COLUMN created_at SET NOT NULL",
		"CREATE INDEX note_tags_newest ON note_tags (article_slug, tag_key, created_at, note_id)" };

	@Override
	protected void migrate(Connection connection, boolean postgres) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(postgres ? POSTGRES : EMBEDDED);
			for (String sql : TAGS) {
				statement.execute(sql);
			}
		}
	}

}
