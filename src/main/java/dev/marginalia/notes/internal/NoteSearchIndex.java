package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V15: the index the search of an article's notes reads ({@link NoteSearchRepository}), one per database,
 * filled with the notes already there and kept by the database itself on every write to {@code notes}, in the
 * write's transaction (the code that writes notes does not know of it).
 * <ul>
 * <li>PostgreSQL: its full-text search. {@code note_search} holds each note's {@code tsvector} in the {@code english}
 * configuration (stemmed, stop words dropped): the text weighed A, the passage B, the author's name C; a GIN index on
 * it; a PL/pgSQL trigger keeps it. A narrow table of its own rather than a column of {@code notes}, whose rows carry
 * the paragraph's text and the rendered body: a common word matches tens of thousands of rows, which are read to
 * rank them.</li>
 * <li>H2 (embedded): an inverted index of its own, {@code note_words}, a row per note and distinct word (its stem,
 * {@link SearchWords}) with its weighed count, keyed by article and word; kept by a Java trigger,
 * {@link NoteWordsTrigger}.</li>
 * </ul>
 * A Java migration (a bean Spring Boot gives Flyway) because it depends on the database, which it asks when it runs:
 * a folder per vendor would be chosen when Flyway is configured, which needs a connection before the start-up waits
 * for the database.
 */
@Component
class NoteSearchIndex implements JavaMigration {

	/** A note's document, from the row {@code row} of {@code notes}. */
	private static String document(String row) {
		return "setweight(to_tsvector('english', " + row + ".body), 'A') || setweight(to_tsvector('english', COALESCE("
				+ row + ".quote_exact, '')), 'B') || setweight(to_tsvector('english', " + row + ".author_name), 'C')";
	}

	private static final String[] POSTGRES = {
		"CREATE TABLE note_search (note_id VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE, "
				+ "article_slug VARCHAR(200) NOT NULL, document TSVECTOR NOT NULL)",
		"INSERT INTO note_search (note_id, article_slug, document) SELECT n.id, n.article_slug, " + document("n")
				+ " FROM notes n",
		"CREATE INDEX note_search_words ON note_search USING GIN (document)",
		"CREATE FUNCTION note_search_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "INSERT INTO note_search (note_id, article_slug, document) VALUES (NEW.id, NEW.article_slug, "
				+ document("NEW") + ") ON CONFLICT (note_id) DO UPDATE SET document = EXCLUDED.document; "
				+ "RETURN NULL; END $$",
		"CREATE TRIGGER note_search_added AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION note_search_document()",
		"CREATE TRIGGER note_search_changed AFTER UPDATE OF body, author_name, quote_exact ON notes FOR EACH ROW "
				+ "WHEN (OLD.body IS DISTINCT FROM NEW.body OR OLD.author_name IS DISTINCT FROM NEW.author_name "
				+ "OR OLD.quote_exact IS DISTINCT FROM NEW.quote_exact) EXECUTE FUNCTION note_search_document()" };

	private static final String[] EMBEDDED = {
		"CREATE TABLE note_words (article_slug VARCHAR(200) NOT NULL, word VARCHAR(" + SearchWords.LONGEST + ") NOT NULL, "
				+ "note_id VARCHAR(32) NOT NULL REFERENCES notes (id) ON DELETE CASCADE, hits INTEGER NOT NULL, "
				+ "PRIMARY KEY (article_slug, word, note_id))",
		"CREATE INDEX note_words_by_note ON note_words (note_id)",
		"CREATE TRIGGER note_words_added AFTER INSERT ON notes FOR EACH ROW CALL '" + NoteWordsTrigger.class.getName() + "'",
		"CREATE TRIGGER note_words_changed AFTER UPDATE ON notes FOR EACH ROW CALL '" + NoteWordsTrigger.class.getName()
				+ "'" };

	/** How many notes' words the backfill of the embedded index sends to the database at once. */
	private static final int NOTES_A_BATCH = 200;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("15");
	}

	@Override
	public String getDescription() {
		return "the search index of notes (PostgreSQL full-text search; on H2 a word table)";
	}

	@Override
	public Integer getChecksum() {
		return 15;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		try (Statement statement = connection.createStatement()) {
			for (String sql : postgres ? POSTGRES : EMBEDDED) {
				statement.execute(sql);
			}
		}
		if (!postgres) {
			indexEmbedded(connection);
		}
	}

	/** The words of the notes written before this migration (the trigger indexes those written after it). */
	private static void indexEmbedded(Connection connection) throws SQLException {
		try (Statement notes = connection.createStatement();
				ResultSet note = notes.executeQuery("SELECT id, article_slug, body, quote_exact, author_name FROM notes");
				PreparedStatement insert = connection.prepareStatement(NoteWordsTrigger.INSERT)) {
			int batched = 0;
			while (note.next()) {
				NoteWordsTrigger.add(insert, note.getString(1), note.getString(2), note.getString(3), note.getString(4),
						note.getString(5));
				if (++batched % NOTES_A_BATCH == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
	}

}
