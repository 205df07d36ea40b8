package dev.marginalia.notes.internal;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * How much is said about each article in public: one grouped read of the narrow rows of {@code note_places} for all
 * the articles at once. Portable SQL for H2 and PostgreSQL.
 */
@Repository
public class ActivityRepository {

	private final JdbcClient jdbc;

	public ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return per article with any, how many public notes and replies it has (not private, not hidden with their
	 * note, not deleted) and when the newest of them was written
	 */
	public Map<String, PublicActivity> publicActivity() {
		Map<String, PublicActivity> activity = new HashMap<>();
		jdbc.sql("SELECT article_slug, COUNT(*) AS notes, MAX(created_at) AS newest FROM note_places "
				+ "WHERE visibility = 'public' AND hidden = FALSE AND deleted = FALSE GROUP BY article_slug")
			.query((row, number) -> activity.put(row.getString("article_slug"),
					new PublicActivity(row.getInt("notes"), row.getObject("newest", OffsetDateTime.class))))
			.list();
		return activity;
	}

	/**
	 * @param notes how many public notes and replies
	 * @param newest when the newest of them was written
	 */
	public record PublicActivity(int notes, OffsetDateTime newest) {
	}

}
