package dev.marginalia.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Clearing the notes between tests that share an application context. */
public final class TestNotes {

	private TestNotes() {
	}

	/** Deletes every note: replies first, since they point at their note. */
	public static void deleteAll(JdbcClient jdbc) {
		jdbc.sql("DELETE FROM notes WHERE parent_id IS NOT NULL").update();
		jdbc.sql("DELETE FROM notes").update();
	}

}
