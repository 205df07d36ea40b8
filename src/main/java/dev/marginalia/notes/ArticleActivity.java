package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.content.Article;
import dev.marginalia.database.DatabaseFailures;
import dev.marginalia.notes.internal.ActivityRepository;

import org.springframework.stereotype.Service;

/**
 * What the list of articles says of each article's conversation: its public notes and replies (what every reader
 * sees: nothing private, hidden or deleted counts) and when the newest of them was written. Read for every article at
 * once, in one grouped query, and kept until the public notes of one of the articles change (their
 * {@link ArticleStamps}, read before the notes, as the article page is kept): the query reads every note. While the
 * database is away, the list says what was read last.
 */
@Service
public class ArticleActivity {

	private final ActivityRepository activity;

	private final ArticleStamps stamps;

	private volatile Kept kept = new Kept(Map.of(), Map.of());

	ArticleActivity(ActivityRepository activity, ArticleStamps stamps) {
		this.activity = activity;
		this.stamps = stamps;
	}

	/** @return by article slug, for those of the articles with public notes (the others have none) */
	public Map<String, Activity> of(List<Article> articles) {
		Map<String, Long> changes = new HashMap<>();
		articles.forEach(article -> changes.put(article.slug(), stamps.stamp(article).changes()));
		Kept known = kept;
		if (!changes.isEmpty() && known.changes().equals(changes)) {
			return known.activity();
		}
		Map<String, Activity> byArticle = new HashMap<>();
		try {
			activity.publicActivity().forEach((slug, row) -> byArticle.put(slug, new Activity(row.notes(), row.newest())));
		}
		catch (RuntimeException ex) {
			// the database is away: the list of articles still answers, with what was read last
			if (DatabaseFailures.isUnavailable(ex)) {
				return known.activity();
			}
			throw ex;
		}
		kept = new Kept(Map.copyOf(changes), Map.copyOf(byArticle));
		return byArticle;
	}

	/**
	 * @param notes how many public notes and replies the article has
	 * @param lastActivity when the newest of them was written
	 */
	public record Activity(int notes, OffsetDateTime lastActivity) {
	}

	/** The activity read when the articles' public notes were at these counts of changes. */
	private record Kept(Map<String, Long> changes, Map<String, Activity> activity) {
	}

}
