package dev.marginalia.annotations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.marginalia.notes.InvalidSearchException;
import dev.marginalia.notes.SearchQuery;
import org.jspecify.annotations.Nullable;

/**
 * The container's filters, {@code ?q=&tag=&author=&motivation=}: the search of the article's notes
 * ({@link SearchQuery}) as the API names it, and the query they add to the IRIs of the filtered views and pages, so
 * that the {@code first}, {@code last}, {@code prev} and {@code next} links keep them.
 * @param query what the notes must match
 * @param suffix the filters as they go after {@code ?iris=N} in an IRI ({@code &q=...}), in a fixed order
 */
record ContainerFilters(SearchQuery query, String suffix) {

	static final String COMMENTING = AnnotationDraft.COMMENTING;

	static final String REPLYING = AnnotationDraft.REPLYING;

	/** Notes that carry tags (W3C: their tags are bodies with the purpose tagging). */
	static final String TAGGING = "tagging";

	/**
	 * @return the filters, or null when none is given (every parameter absent or empty): the whole container
	 * @throws ApiProblem 400 naming each parameter that breaks a rule
	 */
	static @Nullable ContainerFilters of(@Nullable String q, @Nullable String tag, @Nullable String author,
			@Nullable String motivation) {
		if (isBlank(q) && isBlank(tag) && isBlank(author) && isBlank(motivation)) {
			return null;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		SearchQuery.Kind kind = kind(motivation);
		if (kind == null) {
			errors.put("motivation", "motivation is " + COMMENTING + " (notes), " + REPLYING + " (replies) or "
					+ TAGGING + " (notes with tags).");
		}
		SearchQuery query = null;
		try {
			query = SearchQuery.of(q, tag, author, kind == null ? SearchQuery.Kind.ANY : kind, SearchQuery.Order.RELEVANCE);
		}
		catch (InvalidSearchException ex) {
			errors.putAll(ex.errors());
		}
		if (!errors.isEmpty() || query == null) {
			throw ApiProblem.badParameters(errors);
		}
		StringBuilder suffix = new StringBuilder();
		append(suffix, "q", query.text());
		append(suffix, "tag", query.tag());
		append(suffix, "author", query.author());
		append(suffix, "motivation", isBlank(motivation) ? null : name(kind));
		return new ContainerFilters(query, suffix.toString());
	}

	/** @return the kind of note a motivation names ({@code oa:} prefix allowed), ANY for none, null for another */
	private static SearchQuery.@Nullable Kind kind(@Nullable String motivation) {
		if (isBlank(motivation)) {
			return SearchQuery.Kind.ANY;
		}
		String name = motivation.strip();
		name = name.startsWith("oa:") ? name.substring(3) : name;
		return switch (name.toLowerCase(Locale.ROOT)) {
			case COMMENTING -> SearchQuery.Kind.NOTES;
			case REPLYING -> SearchQuery.Kind.REPLIES;
			case TAGGING -> SearchQuery.Kind.TAGGED;
			default -> null;
		};
	}

	private static @Nullable String name(SearchQuery.@Nullable Kind kind) {
		return kind == null ? null : switch (kind) {
			case NOTES -> COMMENTING;
			case REPLIES -> REPLYING;
			case TAGGED -> TAGGING;
			case ANY -> null;
		};
	}

	private static void append(StringBuilder suffix, String name, @Nullable String value) {
		if (value != null) {
			// URLEncoder writes a space as "+" and a plus as "%2B": the servlet container reads both back
			suffix.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
