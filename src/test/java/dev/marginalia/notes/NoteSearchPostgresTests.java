package dev.marginalia.notes;

import dev.marginalia.support.OnPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link NoteSearchTests}, on a real PostgreSQL server: its full-text search (tsvector, GIN, ts_rank) answers. */
@OnPostgres
class NoteSearchPostgresTests extends NoteSearchTests {

	@Test
	void runsOnPostgresWithItsFullTextIndex() {
		assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = 'note_search_words'").query(String.class)
			.single()).contains("USING gin (document)");
	}

}
