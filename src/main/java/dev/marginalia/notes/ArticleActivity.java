package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import dev.marginalia.notes.internal.ActivityRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the list of articles says of each article's conversation: its public notes and replies (what every reader
 * sees: nothing private, hidden or deleted counts) and when the newest of them was written. Read for every article at
 * once, in one grouped query.
 */
@Service
public class ArticleActivity {

	private final ActivityRepository activity;

	ArticleActivity(ActivityRepository activity) {
		this.activity = activity;
	}

	/** @return by article slug, for the articles with public notes (the others have none) */
	@Transactional(readOnly = true)
	public Map<String, Activity> byArticle() {
		Map<String, Activity> byArticle = new HashMap<>();
		activity.publicActivity().forEach((slug, row) -> byArticle.put(slug, new Activity(row.notes(), row.newest())));
		return byArticle;
	}

	/**
	 * @param notes how many public notes and replies the article has
	 * @param lastActivity when the newest of them was written
	 */
	public record Activity(int notes, OffsetDateTime lastActivity) {
	}

}
