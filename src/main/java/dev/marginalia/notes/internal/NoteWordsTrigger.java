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
 * an H2 trigger on {@code notes}, run after every insert, and after every update that changes the text, author's
 * name or passage, in the same transaction as the write, whichever code wrote it (the note writer, an edit, an import,
 * a deletion that leaves a tombstone). A deleted note's words go with it ({@code ON DELETE CASCADE}). H2 makes it by
 * its class name, with the constructor that takes nothing.
 */
public final class NoteWordsTrigger implements Trigger {

	/** The statement that adds one word of a note. */
	static final String INSERT = "INSERT INTO note_words (article_slug, word, note_id, hits) VALUES (?, ?, ?, ?)";

	/** How much one occurrence counts towards the ranking: in the text, in the passage, in the author's name. */
	private static final int IN_BODY = 5;

	private static final int IN_QUOTE = 2;

	private static final int IN_AUTHOR = 1;

	private int id;

	private int slug;

	private int body;

	private int author;

	private int quote;

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
			throws SQLException {
		try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
			while (columns.next()) {
				int index = columns.getInt("ORDINAL_POSITION") - 1;
				switch (columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)) {
					case "id" -> id = index;
					case "article_slug" -> slug = index;
					case "body" -> body = index;
					case "author_name" -> author = index;
					case "quote_exact" -> quote = index;
					default -> {
					}
				}
			}
		}
	}

	@Override
	public void fire(Connection connection, Object @Nullable [] oldRow, Object @Nullable [] newRow) throws SQLException {
		if (newRow == null) {
			return;
		}
		if (oldRow != null) {
			if (Objects.equals(oldRow[body], newRow[body]) && Objects.equals(oldRow[author], newRow[author])
					&& Objects.equals(oldRow[quote], newRow[quote])) {
				return;
			}
			try (PreparedStatement delete = connection.prepareStatement("DELETE FROM note_words WHERE note_id = ?")) {
				delete.setString(1, (String) newRow[id]);
				delete.executeUpdate();
			}
		}
		try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
			add(insert, (String) newRow[id], (String) newRow[slug], (String) newRow[body], (String) newRow[quote],
					(String) newRow[author]);
			insert.executeBatch();
		}
	}

	/** Adds the words of one note to the batch of an {@link #INSERT} statement. */
	static void add(PreparedStatement insert, String noteId, String articleSlug, @Nullable String body,
			@Nullable String quote, @Nullable String author)
			throws SQLException {
		Map<String, Integer> weighed = new LinkedHashMap<>();
		SearchWords.counts(body).forEach((word, count) -> weighed.merge(word, count * IN_BODY, Integer::sum));
		SearchWords.counts(quote).forEach((word, count) -> weighed.merge(word, count * IN_QUOTE, Integer::sum));
		SearchWords.counts(author).forEach((word, count) -> weighed.merge(word, count * IN_AUTHOR, Integer::sum));
		for (Map.Entry<String, Integer> word : weighed.entrySet()) {
			insert.setString(1, articleSlug);
			insert.setString(2, word.getKey());
			insert.setString(3, noteId);
			insert.setInt(4, word.getValue());
			insert.addBatch();
		}
	}

}
