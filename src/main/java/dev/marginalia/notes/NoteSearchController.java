package dev.marginalia.notes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.Reader;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The search of an article's notes as a page: a GET form that works without JavaScript, and its results, a page at
 * a time, each linking to the note in place. A query that breaks a rule is shown again with the message beside its
 * field (400).
 */
@Controller
class NoteSearchController {

	static final String VIEW = "notes/search";

	/** How many results a page shows. */
	static final int PAGE_SIZE = 20;

	private final NoteSearch search;

	private final NoteLocations locations;

	private final ArticleLibrary library;

	private final Readers readers;

	NoteSearchController(NoteSearch search, NoteLocations locations, ArticleLibrary library, Readers readers) {
		this.search = search;
		this.locations = locations;
		this.library = library;
		this.readers = readers;
	}

	@GetMapping("/articles/{slug}/search")
	String search(@PathVariable String slug, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String author,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String page,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		Viewer viewer = readers.viewer(reader, request);
		SearchForm form = new SearchForm(q, tag, author, sort);
		// the errors in the order of the form's fields
		Map<String, String> errors = new LinkedHashMap<>();
		SearchQuery.Order order = SearchForm.order(sort);
		SearchQuery query = null;
		try {
			query = SearchQuery.of(q, tag, author, SearchQuery.Kind.ANY, order == null ? SearchQuery.Order.RELEVANCE : order);
		}
		catch (InvalidSearchException ex) {
			errors.putAll(ex.errors());
		}
		if (order == null) {
			errors.put("sort", "Choose best match or newest.");
		}
		model.addAttribute("article", article);
		model.addAttribute("viewer", viewer.author());
		model.addAttribute("moderator", viewer.isModerator());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		if (!errors.isEmpty() || query == null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("results", SearchResultsPage.none());
			return VIEW;
		}
		int number = Math.max(1, SearchForm.page(page));
		NoteSearch.Found found = search.find(slug, query, viewer, (number - 1) * PAGE_SIZE, PAGE_SIZE);
		Integer pages = found.pages(PAGE_SIZE);
		if (pages != null && number > pages) {
			// past the last page: the last
			number = pages;
			found = search.find(slug, query, viewer, (number - 1) * PAGE_SIZE, PAGE_SIZE);
		}
		List<SearchHit> hits = search.hits(article, query, found.notes());
		model.addAttribute("results", new SearchResultsPage(!query.isEmpty(), found.total(), hits, number, pages,
				found.hasNext()));
		model.addAttribute("counted", NoteSearch.COUNTED);
		return VIEW;
	}

}
