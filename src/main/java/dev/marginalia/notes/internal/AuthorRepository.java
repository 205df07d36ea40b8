package dev.marginalia.notes.internal;

import dev.marginalia.notes.Author;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authors by the hash of their secret, with the display name they last gave. */
@Repository
public class AuthorRepository {

	private final JdbcClient jdbc;

	AuthorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Author> find(String secretHash) {
		return jdbc.sql("SELECT secret_hash, display_name FROM authors WHERE secret_hash = :hash")
			.param("hash", secretHash)
			.query((row, n) -> new Author(row.getString("secret_hash"), row.getString("display_name")))
			.optional();
	}

	/**
	 * Records the author if new, and remembers the name they gave (a blank name leaves the old one). A returning
	 * author's row is written only when they give a new name: most writes read it and change nothing.
	 */
	public void save(String secretHash, @Nullable String displayName, OffsetDateTime now) {
		// a concurrent first write by the same author may get there first: that row will do
		int inserted = jdbc.sql("INSERT INTO authors (secret_hash, display_name, created_at) VALUES (:hash, :name, :now) "
				+ "ON CONFLICT DO NOTHING")
			.param("hash", secretHash)
			.param("name", displayName)
			.param("now", now)
			.update();
		if (inserted == 0 && displayName != null) {
			jdbc.sql("UPDATE authors SET display_name = :name WHERE secret_hash = :hash "
					+ "AND (display_name IS NULL OR display_name <> :name)")
				.param("name", displayName)
				.param("hash", secretHash)
				.update();
		}
	}

}
