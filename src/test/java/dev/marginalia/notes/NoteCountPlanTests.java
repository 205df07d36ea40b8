package dev.marginalia.notes;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.internal.NoteReadModel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count of an author's notes on a paragraph, made at each of their writes (against
 * {@code marginalia.limits.notes-per-paragraph}), is read from the index of an author's notes by paragraph: without
 * it H2 read every note of the author and PostgreSQL every note of the article, so that a write cost more the more
 * notes its author (or the article) had: 16 writers with their own secrets, each with thousands of notes, wrote 194
 * notes a second on H2 before, 930 with the index.
 */
@NotesSlice
class NoteCountPlanTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String BLOCK = "p-AarAar";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	@Autowired
	NoteReadModel reads;

	/** The query with its parameters as literals (PostgreSQL explains no statement with parameters). */
	static String countWithValues(String authorHash) {
		return NoteReadModel.COUNT_ON_PARAGRAPH.replace(":slug", "'" + SLUG + "'")
			.replace(":block", "'" + BLOCK + "'")
			.replace(":author", "'" + authorHash + "'")
			.replace(":upTo", "50");
	}

	/** @return the database's plan of the query, as text */
	String plan(String sql) {
		return String.join("\n", jdbc.sql("EXPLAIN " + sql).query((row, n) -> row.getString(1)).list());
	}

	@Test
	void theCountOfAnAuthorsNotesOnAParagraphReadsTheirIndexEntriesThere() throws SQLException {
		Author ada = queries.author(AuthorSecrets.newSecret());
		for (int i = 0; i < 3; i++) {
			commands.create(SLUG, BLOCK, new NewNote("Ada's note " + i, "Ada", null), ada);
		}
		// the article has many notes by others: reading them all would be the slow plan
		for (int i = 0; i < 200; i++) {
			commands.create(SLUG, BLOCK, new NewNote("Another reader's note " + i, null, null),
					queries.author(AuthorSecrets.newSecret()));
		}
		if (isPostgres()) {
			jdbc.sql("ANALYZE notes").update();
			// a test's table is small enough to be read whole: the question is which index the planner takes
			jdbc.sql("SET LOCAL enable_seqscan = off").update();
		}
		assertThat(reads.countOnParagraph(SLUG, BLOCK, ada.secretHash(), 50)).isEqualTo(3);
		assertThat(reads.countOnParagraph(SLUG, BLOCK, ada.secretHash(), 2)).as("no further than asked").isEqualTo(2);
		assertThat(plan(countWithValues(ada.secretHash()))).containsIgnoringCase("notes_by_author_paragraph");
	}

	boolean isPostgres() throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
		}
	}

}
