package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.marginalia.database.VendorMigration;

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
 * Both carry with each note when it was written and whether it is {@link #restricted}: the plainly public notes,
 * nearly all of them, are found and ranked from the index alone; only for the others is who may see them asked of
 * {@code note_places}, so that a word in tens of thousands of notes does not make as many lookups.
 * A {@link VendorMigration} because it depends on the database.
 */
@Component
class NoteSearchIndex extends VendorMigration {

	/** A note's document, from the row {@code row} of {@code notes}. */
	private static String document(String row) {
		return "setweight(to_tsvector('english', " + row + ".body), 'A') || setweight(to_tsvector('english', COALESCE("
				+ row + ".quote_exact, '')), 'B') || setweight(to_tsvector('english', " + row + ".author_name), 'C')";
	}

	/**
	 * Whether the note of the row {@code row} of {@code notes} is anything but plainly public (private, deleted,
	 * hidden, or a reply to a hidden note): who may see it is then asked of {@code note_places}.
	 */
	static String restricted(String row) {
		return "(" + row + ".visibility <> 'public' OR " + row + ".deleted OR " + row + ".hidden OR COALESCE((SELECT "
				+ "parent.hidden FROM notes parent WHERE parent.id = " + row + ".parent_id), FALSE))";
	}

	private static final String[] POSTGRES = {
		"CREATE TABLE note_search (note_id VARCHAR(32) NOT NULL PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE, "
				+ "article_slug VARCHAR(200) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
				+ "restricted BOOLEAN NOT NULL, document TSVECTOR NOT NULL)",
		"INSERT INTO note_search (note_id, article_slug, created_at, restricted, document) SELECT n.id, n.article_slug, "
				+ "n.created_at, " + restricted("n") + ", " + document("n") + " FROM notes n",
		"CREATE INDEX note_search_words ON note_search USING GIN (document)",
		// a note hidden or shown again: the replies under it with it
		"CREATE FUNCTION note_search_document() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
				+ "INSERT INTO note_search (note_id, article_slug, created_at, restricted, document) VALUES (NEW.id, "
				+ "NEW.article_slug, NEW.created_at, " + restricted("NEW") + ", " + document("NEW") + ") "
				+ "ON CONFLICT (note_id) DO UPDATE SET restricted = EXCLUDED.restricted, document = EXCLUDED.document; "
				+ "IF TG_OP = 'UPDATE' AND OLD.hidden IS DISTINCT FROM NEW.hidden THEN "
				+ "UPDATE note_search s SET restricted = " + restricted("r") + " FROM notes r "
				+ "WHERE r.parent_id = NEW.id AND s.note_id = r.id; END IF; "
				+ "RETURN NULL; END $$",
		"CREATE TRIGGER note_search_added AFTER INSERT ON notes FOR EACH ROW EXECUTE FUNCTION note_search_document()",
		"CREATE TRIGGER note_search_changed AFTER UPDATE OF body, author_name, quote_exact, visibility, deleted, hidden "
				+ "ON notes FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body OR OLD.author_name IS DISTINCT FROM "
				+ "NEW.author_name OR OLD.quote_exact IS DISTINCT FROM NEW.quote_exact OR OLD.visibility IS DISTINCT FROM "
				+ "NEW.visibility OR OLD.deleted IS DISTINCT FROM NEW.deleted OR OLD.hidden IS DISTINCT FROM NEW.hidden) "
				+ "EXECUTE FUNCTION note_search_document()" };

	/** The embedded database's trigger after each insert of a note (made again by V23). */
	static final String ADDED_TRIGGER = "CREATE TRIGGER note_words_added AFTER INSERT ON notes FOR EACH ROW CALL '"
			+ NoteWordsTrigger.class.getName() + "'";

	/** The embedded database's trigger after each update of a note (made again by V23). */
	static final String CHANGED_TRIGGER = "CREATE TRIGGER note_words_changed AFTER UPDATE ON notes FOR EACH ROW CALL '"
			+ NoteWordsTrigger.class.getName() + "'";

	/**
	 * The postings are read from one index that holds every column a search reads (an H2 table's rows are kept by a
	 * hidden row id: reading them from the index alone saves a lookup per posting); the foreign key makes H2 index
	 * {@code note_id} too, for deletes and changes of one note.
	 */
	private static final String[] EMBEDDED = {
		"CREATE TABLE note_words (article_slug VARCHAR(200) NOT NULL, word VARCHAR(" + SearchWords.LONGEST + ") NOT NULL, "
				+ "note_id VARCHAR(32) NOT NULL REFERENCES notes (id) ON DELETE CASCADE, hits INTEGER NOT NULL, "
				+ "restricted BOOLEAN NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL)",
		"CREATE INDEX note_words_postings ON note_words (article_slug, word, note_id, hits, restricted, created_at)",
		ADDED_TRIGGER, CHANGED_TRIGGER };

	/** How many notes' words the backfill of the embedded index sends to the database at once. */
	private static final int NOTES_A_BATCH = 200;

	NoteSearchIndex() {
		super(15, "the search index of notes (PostgreSQL full-text search; on H2 a word table)");
	}

	@Override
	protected void migrate(Connection connection, boolean postgres) throws SQLException {
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
				ResultSet note = notes.executeQuery(NoteWordsTrigger.SELECT_INDEXED);
				PreparedStatement insert = connection.prepareStatement(NoteWordsTrigger.INSERT)) {
			int batched = 0;
			while (note.next()) {
				NoteWordsTrigger.add(insert, NoteWordsTrigger.indexed(note));
				if (++batched % NOTES_A_BATCH == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
	}

}
