package dev.marginalia.notes;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a search's results, for the results page.
 * @param asked whether anything was searched for (a form sent empty shows the form alone)
 * @param total how many notes and replies match, on every page; null when more than {@link NoteSearch#COUNTED}
 * @param hits this page's
 * @param page its number, from 1
 * @param pages how many there are (at least 1), or null when the matches are not all counted
 * @param hasNext whether more results come after this page
 */
public record SearchResultsPage(boolean asked, @Nullable Integer total, List<SearchHit> hits, int page,
		@Nullable Integer pages, boolean hasNext) {

	/** Nothing searched for (the form alone, or the form with its errors). */
	static SearchResultsPage none() {
		return new SearchResultsPage(false, 0, List.of(), 1, 1, false);
	}

}
