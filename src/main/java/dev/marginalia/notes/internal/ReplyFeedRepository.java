package dev.marginalia.notes.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The addresses of readers' feeds of replies ({@code reply_feeds}, V20): one token per author at most. */
@Repository
public class ReplyFeedRepository {

	private final JdbcClient jdbc;

	public ReplyFeedRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> tokenOf(String authorHash) {
		return jdbc.sql("SELECT token FROM reply_feeds WHERE author_hash = :author")
			.param("author", authorHash)
			.query(String.class)
			.optional();
	}

	public Optional<String> authorOf(String token) {
		return jdbc.sql("SELECT author_hash FROM reply_feeds WHERE token = :token")
			.param("token", token)
			.query(String.class)
			.optional();
	}

	/**
	 * Sets the author's token, replacing the one they had. Portable: H2 takes {@code ON CONFLICT DO NOTHING} but not
	 * {@code DO UPDATE}; when two requests of the same author insert at once, the one that finds the row taken updates it.
	 */
	public void put(String authorHash, String token, OffsetDateTime now) {
		if (update(authorHash, token) > 0) {
			return;
		}
		int inserted = jdbc.sql("INSERT INTO reply_feeds (author_hash, token, created_at) VALUES (:author, :token, :now) "
				+ "ON CONFLICT DO NOTHING")
			.param("author", authorHash)
			.param("token", token)
			.param("now", now.withOffsetSameInstant(ZoneOffset.UTC))
			.update();
		if (inserted == 0) {
			update(authorHash, token);
		}
	}

	private int update(String authorHash, String token) {
		return jdbc.sql("UPDATE reply_feeds SET token = :token WHERE author_hash = :author")
			.param("author", authorHash)
			.param("token", token)
			.update();
	}

	public void delete(String authorHash) {
		jdbc.sql("DELETE FROM reply_feeds WHERE author_hash = :author").param("author", authorHash).update();
	}

}
