package dev.marginalia.notes.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import dev.marginalia.notes.SearchQuery;
import dev.marginalia.support.PostgresDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V15 on a database that has notes already, on H2 and on PostgreSQL: they are indexed by the migration
 * (public, private, and a reply to a hidden note, each found by whom it should be), and the notes written after it
 * by the database's trigger, however they are written (here, plain SQL).
 */
class NoteSearchIndexTests {

	static final String SLUG = "an-article";

	@Test
	void theNotesOfAnEmbeddedDatabaseAreIndexedWhenItIsMigrated() {
		// one connection throughout, as PlacementsTests: H2 2.4 fails a check constraint made by a closed session
		SingleConnectionDataSource database = new SingleConnectionDataSource("jdbc:h2:mem:search-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
		try {
			existingNotesAreFoundAfterTheMigration(database);
		}
		finally {
			database.destroy();
		}
	}

	@Test
	@ExtendWith(PostgresDatabase.class)
	void theNotesOfAPostgresDatabaseAreIndexedWhenItIsMigrated() {
		Map.Entry<String, Map<String, Object>> schema = PostgresDatabase.freshSchema();
		Map<String, Object> settings = schema.getValue();
		SingleConnectionDataSource database = new SingleConnectionDataSource((String) settings.get("spring.datasource.url"),
				(String) settings.get("spring.datasource.username"), (String) settings.get("spring.datasource.password"), true);
		try {
			existingNotesAreFoundAfterTheMigration(database);
		}
		finally {
			database.destroy();
			PostgresDatabase.drop(schema.getKey());
		}
	}

	void existingNotesAreFoundAfterTheMigration(DataSource database) {
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target("14").load().migrate();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("INSERT INTO authors (secret_hash, display_name, created_at) VALUES ('ada', 'Ada', CURRENT_TIMESTAMP)")
			.update();
		note(jdbc, "n1", null, "An existing annotation", "public", false);
		note(jdbc, "n2", null, "A private annotation", "private", false);
		note(jdbc, "n3", null, "A hidden annotation", "public", true);
		note(jdbc, "n4", "n3", "An annotating reply under it", "public", false);

		Flyway.configure().dataSource(database).locations("classpath:db/migration").javaMigrations(new NoteSearchIndex())
			.load().migrate();
		NoteSearchRepository search = new NoteSearchRepository(jdbc, new JdbcTemplate(database),
				new DeferredNoteWords(new JdbcTemplate(database), new DataSourceTransactionManager(database)));
		SearchQuery annotations = SearchQuery.of("Annotations", null, null, SearchQuery.Kind.ANY, SearchQuery.Order.RELEVANCE);
		assertThat(search.find(SLUG, annotations, null, false, 0, 20).ids()).containsExactly("n1");
		assertThat(search.find(SLUG, annotations, "ada", false, 0, 20).ids()).containsExactlyInAnyOrder("n1", "n2");
		assertThat(search.find(SLUG, annotations, null, true, 0, 20).ids()).as("the moderator").containsExactlyInAnyOrder("n1",
				"n3", "n4");
		assertThat(search.count(SLUG, annotations, null, false)).isEqualTo(1);
		assertThat(search.find(SLUG, annotations, "ada", false, 0, 1).total()).as("counted in the same query").isEqualTo(2);

		note(jdbc, "n5", null, "Written after the migration: annotated", "public", false);
		assertThat(search.find(SLUG, annotations, null, false, 0, 20).ids()).containsExactlyInAnyOrder("n1", "n5");
		jdbc.sql("UPDATE notes SET hidden = FALSE WHERE id = 'n3'").update();
		jdbc.sql("UPDATE note_places SET hidden = FALSE WHERE note_id IN ('n3', 'n4')").update();
		assertThat(search.find(SLUG, annotations, null, false, 0, 20).ids()).as("shown again, with the reply under it")
			.containsExactlyInAnyOrder("n1", "n3", "n4", "n5");
		jdbc.sql("DELETE FROM notes WHERE id = 'n5'").update();
		assertThat(search.find(SLUG, annotations, null, false, 0, 20).ids()).containsExactlyInAnyOrder("n1", "n3", "n4");
		assertThat(search.find(SLUG, SearchQuery.of("the", null, null, SearchQuery.Kind.ANY, SearchQuery.Order.RELEVANCE),
				null, false, 0, 20).ids()).as("stop words alone").isEqualTo(List.of());
	}

	/** A note as the notes module writes it: its row, and its narrow row. */
	static void note(JdbcClient jdbc, String id, String parent, String body, String visibility, boolean hidden) {
		jdbc.sql("INSERT INTO notes (id, article_slug, block_id, block_position, block_hash, block_text, parent_id, "
				+ "author_hash, author_name, body, body_html, visibility, created_at, deleted, version, hidden) VALUES (?, ?, "
				+ "'p-1', 1, 'hash', 'text', ?, 'ada', 'Ada', ?, ?, ?, CURRENT_TIMESTAMP, FALSE, 1, ?)")
			.params(id, SLUG, parent, body, "<p>" + body + "</p>", visibility, hidden)
			.update();
		jdbc.sql("INSERT INTO note_places (note_id, article_slug, parent_id, visibility, author_hash, deleted, created_at, "
				+ "hidden) VALUES (?, ?, ?, ?, 'ada', FALSE, CURRENT_TIMESTAMP, ?)")
			.params(id, SLUG, parent, visibility, hidden || parent != null && parent.equals("n3"))
			.update();
	}

}
