package dev.marginalia.notes.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.h2.api.Trigger;
import org.jspecify.annotations.Nullable;

/**
 * On the embedded database, keeps each note's words in {@code note_words} (migration V15, {@link NoteSearchIndex}):
 * an H2 trigger on {@code notes}, run after every insert and update, in the same transaction as the write, whichever
 * code wrote it (the note writer, an edit, an import, a deletion that leaves a tombstone, the moderator). A change of
 * the text, the author's name or the passage writes the note's words again; a change of who may see it (visibility,
 * deleted, hidden: for a note hidden or shown again, the replies under it too) updates their
 * {@link NoteSearchIndex#restricted} flag. A deleted note's words go with it ({@code ON DELETE CASCADE}). H2 makes
 * it by its class name, with the constructor that takes nothing.
 */
public final class NoteWordsTrigger implements Trigger {

	/** The statement that adds one word of a note. */
	static final String INSERT = "INSERT INTO note_words (article_slug, word, note_id, hits, restricted, created_at) "
			+ "VALUES (?, ?, ?, ?, ?, ?)";

	/** How much one occurrence counts towards the ranking: in the text, in the passage, in the author's name. */
	private static final int IN_BODY = 5;

	private static final int IN_QUOTE = 2;

	private static final int IN_AUTHOR = 1;

	private final Map<String, Integer> columns = new LinkedHashMap<>();

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
	}

	@Override
	public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
		if (newRow == null) {
			return;
		}
		if (oldRow == null || !same(oldRow, newRow, "body", "author_name", "quote_exact")) {
			index(connection, newRow, oldRow != null);
		}
		else if (!same(oldRow, newRow, "visibility", "deleted", "hidden")) {
			restrict(connection, newRow);
		}
		if (oldRow != null && !same(oldRow, newRow, "hidden")) {
			restrictReplies(connection, newRow);
		}
	}

	/** Writes the note's words (again, when it had some). */
	private void index(Connection connection, Object[] row, boolean again) throws SQLException {
		if (again) {
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM note_words WHERE note_id = ?")) {
				delete.setString(1, (String) value(row, "id"));
				delete.executeUpdate();
			}
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
