package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.marginalia.database.VendorMigration;

import org.springframework.stereotype.Component;

/**
 * Migration V23, on H2 only: the list of new notes whose words are written after their commit
 * ({@link DeferredNoteWords}), and the word triggers made again, so that H2 makes their {@link NoteWordsTrigger}
 * anew and it sees the list. Nothing on PostgreSQL, whose full-text index stays in the note's transaction.
 */
@Component
class DeferredNoteWordsList extends VendorMigration {

	DeferredNoteWordsList() {
		super(23, "the words of new notes written after their commit, on H2");
	}

	@Override
	protected void migrate(Connection connection, boolean postgres) throws SQLException {
		if (postgres) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE note_words_pending (note_id VARCHAR(32) NOT NULL PRIMARY KEY)");
			statement.execute("DROP TRIGGER note_words_added");
			statement.execute("DROP TRIGGER note_words_changed");
			statement.execute(NoteSearchIndex.ADDED_TRIGGER);
			statement.execute(NoteSearchIndex.CHANGED_TRIGGER);
		}
	}

}
