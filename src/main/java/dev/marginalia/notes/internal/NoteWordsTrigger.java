package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * On the embedded database, keeps each note's words in {@code note_words} (migration V15, {@link NoteSearchIndex}):
 * an H2 trigger on {@code notes}, run after every insert and update, in the same transaction as the write, whichever
 * code wrote it (the note writer, an edit, an import, a deletion that leaves a tombstone, the moderator). Since
 * migration V23 ({@link DeferredNoteWords}) a new note's words are written after its commit, many notes at a time:
 * the trigger only records the note in {@code note_words_pending}. A change of a note whose words are still waiting
 * takes it off that list and writes its words itself, from the note as changed (the deferred writer takes a note off
 * the list the same way before it writes it, so that of two transactions one writes the words and the other waits for
 * it or finds them written). A change of the text, the author's name or the passage writes the note's words again; a
 * change of who may see it (visibility, deleted, hidden: for a note hidden or shown again, the replies under it too)
 * updates their {@link NoteSearchIndex#restricted} flag. A deleted note's words go with it ({@code ON DELETE
 * CASCADE}). H2 makes it by its class name, with the constructor that takes nothing, when the trigger is created and
 * when the database opens; it writes the words at once where the list does not exist (before V23).
 */
public final class NoteWordsTrigger implements Trigger {

	/** The statement that adds one word of a note. */
	static final String INSERT = "INSERT INTO note_words (article_slug, word, note_id, hits, restricted, created_at) "
			+ "VALUES (?, ?, ?, ?, ?, ?)";

	/** How much one occurrence counts towards the ranking: in the text, in the passage, in the author's name. */
	private static final int IN_BODY = 5;

	private static final int IN_QUOTE = 2;

	private static final int IN_AUTHOR = 1;

	/** The statement that puts a new note on the list of those whose words are written after their commit. */
	static final String DEFER = "INSERT INTO note_words_pending (note_id) VALUES (?)";

	/**
	 * The statement that takes a note off that list; one row changed says the caller now writes its words, none that
	 * they are written (or the note was never on it). It waits for a transaction that took it off first to end.
	 */
	static final String CLAIM = "DELETE FROM note_words_pending WHERE note_id = ?";

	private final Map<String, Integer> columns = new LinkedHashMap<>();

	private boolean deferred;

	/**
	 * A note as the index needs it.
	 * @param createdAt when it was written (H2's value for a TIMESTAMP WITH TIME ZONE)
	 * @param restricted whether it is anything but plainly public
	 */
	record Indexed(String id, String articleSlug, @Nullable String body, @Nullable String quote, @Nullable String author,
			Object createdAt, boolean restricted) {
	}

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
			throws SQLException {
		try (ResultSet found = connection.getMetaData().getColumns(null, schema, table, null)) {
			while (found.next()) {
				columns.put(found.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), found.getInt("ORDINAL_POSITION") - 1);
			}
		}
		deferred = DeferredNoteWords.listExists(connection);
	}

	@Override
	public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
		if (newRow == null) {
			return;
		}
		String id = (String) value(newRow, "id");
		if (oldRow == null && deferred) {
			try (PreparedStatement defer = connection.prepareStatement(DEFER)) {
				defer.setString(1, id);
				defer.executeUpdate();
			}
			return;
		}
		// first: a deferred writer that took the note off the list is waited for, and its words are then seen here
		boolean claimed = oldRow != null && deferred && claim(connection, id);
		if (oldRow == null || claimed || !same(oldRow, newRow, "body", "author_name", "quote_exact")) {
			index(connection, newRow, oldRow != null);
		}
		else if (!same(oldRow, newRow, "visibility", "deleted", "hidden")) {
			restrict(connection, newRow);
		}
		if (oldRow != null && !same(oldRow, newRow, "hidden")) {
			if (deferred) {
				indexWaitingReplies(connection, id);
			}
			restrictReplies(connection, newRow);
		}
	}

	/** Takes the note off the list of those whose words wait; true: the caller writes them. */
	static boolean claim(Connection connection, String id) throws SQLException {
		try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
			claim.setString(1, id);
			return claim.executeUpdate() > 0;
		}
	}

	/** The replies under a note hidden or shown again whose words still wait: written now, as they are now. */
	private static void indexWaitingReplies(Connection connection, String parentId) throws SQLException {
		List<String> waiting = new ArrayList<>();
		try (PreparedStatement replies = connection.prepareStatement("SELECT w.note_id FROM note_words_pending w "
				+ "JOIN notes r ON r.id = w.note_id WHERE r.parent_id = ?")) {
			replies.setString(1, parentId);
			try (ResultSet found = replies.executeQuery()) {
				while (found.next()) {
					waiting.add(found.getString(1));
				}
			}
		}
		for (String reply : waiting) {
			if (claim(connection, reply)) {
				indexStored(connection, reply);
			}
		}
	}

	/** Writes the words of a note as it is stored (none, if it is gone), in place of any it has. */
	static void indexStored(Connection connection, String id) throws SQLException {
		forget(connection, id);
		try (PreparedStatement read = connection.prepareStatement(SELECT_INDEXED + " WHERE n.id = ?");
				PreparedStatement insert = connection.prepareStatement(INSERT)) {
			read.setString(1, id);
			try (ResultSet note = read.executeQuery()) {
				if (note.next()) {
					add(insert, indexed(note));
					insert.executeBatch();
				}
			}
		}
	}

	/** Removes the note's words, before they are written again. */
	private static void forget(Connection connection, String id) throws SQLException {
		try (PreparedStatement delete = connection.prepareStatement("DELETE FROM note_words WHERE note_id = ?")) {
			delete.setString(1, id);
			delete.executeUpdate();
		}
	}

	/** The notes as the index needs them, read by {@link #indexed}: add a WHERE for some. */
	static final String SELECT_INDEXED = "SELECT n.id, n.article_slug, n.body, n.quote_exact, n.author_name, "
			+ "n.created_at, " + NoteSearchIndex.restricted("n") + " FROM notes n";

	/** The note at the current row of a {@link #SELECT_INDEXED}. */
	static Indexed indexed(ResultSet note) throws SQLException {
		return new Indexed(note.getString(1), note.getString(2), note.getString(3), note.getString(4), note.getString(5),
				note.getObject(6), note.getBoolean(7));
	}

	/** Writes the note's words (again, when it had some). */
	private void index(Connection connection, Object[] row, boolean again) throws SQLException {
		if (again) {
			forget(connection, (String) value(row, "id"));
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			add(insert, new Indexed((String) value(row, "id"), (String) value(row, "article_slug"),
					(String) value(row, "body"), (String) value(row, "quote_exact"), (String) value(row, "author_name"),
					value(row, "created_at"), restricted(connection, row)));
			insert.executeBatch();
		}
	}

	/** The note's words keep their text; who may see the note changed. */
	private void restrict(Connection connection, Object[] row) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"UPDATE note_words SET restricted = ? WHERE note_id = ?")) {
			update.setBoolean(1, restricted(connection, row));
			update.setString(2, (String) value(row, "id"));
			update.executeUpdate();
		}
	}

	/** The replies under a note hidden or shown again are hidden or shown with it. */
	private void restrictReplies(Connection connection, Object[] row) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("UPDATE note_words SET restricted = (SELECT "
				+ NoteSearchIndex.restricted("r") + " FROM notes r WHERE r.id = note_words.note_id) "
				+ "WHERE note_id IN (SELECT id FROM notes WHERE parent_id = ?)")) {
			update.setString(1, (String) value(row, "id"));
			update.executeUpdate();
		}
	}

	private boolean restricted(Connection connection, Object[] row) throws SQLException {
		if (!"public".equals(value(row, "visibility")) || Boolean.TRUE.equals(value(row, "deleted"))
				|| Boolean.TRUE.equals(value(row, "hidden"))) {
			return true;
		}
		Object parent = value(row, "parent_id");
		if (parent == null) {
			return false;
		}
		try (PreparedStatement hidden = connection.prepareStatement("SELECT hidden FROM notes WHERE id = ?")) {
			hidden.setString(1, (String) parent);
			try (ResultSet found = hidden.executeQuery()) {
				return found.next() && found.getBoolean(1);
			}
		}
	}

	private boolean same(Object[] oldRow, Object[] newRow, String... names) {
		for (String name : names) {
			if (!Objects.equals(value(oldRow, name), value(newRow, name))) {
				return false;
			}
		}
		return true;
	}

	private @Nullable Object value(Object[] row, String column) {
		return row[columns.get(column)];
	}

	/** Adds the words of one note to the batch of an {@link #INSERT} statement. */
	static void add(PreparedStatement insert, Indexed note) throws SQLException {
		Map<String, Integer> weighed = new LinkedHashMap<>();
		SearchWords.counts(note.body()).forEach((word, count) -> weighed.merge(word, count * IN_BODY, Integer::sum));
		SearchWords.counts(note.quote()).forEach((word, count) -> weighed.merge(word, count * IN_QUOTE, Integer::sum));
		SearchWords.counts(note.author()).forEach((word, count) -> weighed.merge(word, count * IN_AUTHOR, Integer::sum));
		for (Map.Entry<String, Integer> word : weighed.entrySet()) {
			insert.setString(1, note.articleSlug());
			insert.setString(2, word.getKey());
			insert.setString(3, note.id());
			insert.setInt(4, word.getValue());
			insert.setBoolean(5, note.restricted());
			insert.setObject(6, note.createdAt());
			insert.addBatch();
		}
	}

}
