package dev.marginalia.notes;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search form as the reader sent it, to show it again (with the results, or beside its errors), and the links
 * that keep it: the results' other pages, a tag's results.
 * @param q the words
 * @param tag the tag filter
 * @param author the author filter
 * @param sort {@code relevance} (the default) or {@code newest}
 */
public record SearchForm(@Nullable String q, @Nullable String tag, @Nullable String author, @Nullable String sort) {

	/** @return the order a {@code sort} value names (none: the best matches first), or null for any other value */
	static SearchQuery.@Nullable Order order(@Nullable String sort) {
		if (sort == null || sort.isBlank()) {
			return SearchQuery.Order.RELEVANCE;
		}
		return switch (sort.strip().toLowerCase(Locale.ROOT)) {
			case "relevance" -> SearchQuery.Order.RELEVANCE;
			case "newest" -> SearchQuery.Order.NEWEST;
			default -> null;
		};
	}

	/** @return the page a {@code page} value names, from 1; 1 for anything that is not a page number */
	static int page(@Nullable String page) {
		return page != null && page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1;
	}

	/** @return whether the results are ordered newest first */
	public boolean newest() {
		return order(sort) == SearchQuery.Order.NEWEST;
	}

	/** @return the address of a page of these results (from 1) */
	public String link(String slug, int page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/articles/{slug}/search");
		Map<String, Object> values = new HashMap<>();
		values.put("slug", slug);
		param(link, values, "q", q);
		param(link, values, "tag", tag);
		param(link, values, "author", author);
		param(link, values, "sort", newest() ? "newest" : null);
		if (page > 1) {
			link.queryParam("page", page);
		}
		// values as URI variables: encoded strictly ("&" and "+" in the words stay words)
		return link.encode().buildAndExpand(values).toUriString();
	}

	/** @return the address of the notes with a tag */
	public String tagLink(String slug, String tag) {
		return UriComponentsBuilder.fromPath("/articles/{slug}/search").queryParam("tag", "{tag}").encode()
			.buildAndExpand(slug, tag).toUriString();
	}

	private static void param(UriComponentsBuilder link, Map<String, Object> values, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			link.queryParam(name, "{" + name + "}");
			values.put(name, value.strip());
		}
	}

}
