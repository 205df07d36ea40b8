package dev.marginalia.annotations;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.NoteSearch;
import dev.marginalia.notes.Viewer;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.web.Compressed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One annotation container per article, an LDP Basic Container and an AnnotationCollection: GET, HEAD and OPTIONS
 * describe it (with its first page, or links to its pages), {@code ?page=N} gives one page of
 * {@value Representations#PAGE_SIZE}, POST creates an annotation in it. {@code ?q=&tag=&author=&motivation=} filter
 * it ({@link ContainerFilters}, the search of the article's notes): the best matches first, paged the same way.
 */
@RestController
@RequestMapping({ "/api/articles/{slug}/annotations/", "/api/articles/{slug}/annotations" })
class AnnotationContainerController {

	private final ArticleLibrary library;

	private final NoteQueries queries;

	private final NoteSearch search;

	private final ApiAuthors authors;

	private final AnnotationReader reader;

	private final AnnotationWrites writes;

	private final Representations representations;

	private final SharedApiPages shared;

	private final ApiLinks links;

	AnnotationContainerController(ArticleLibrary library, NoteQueries queries, NoteSearch search, ApiAuthors authors,
			AnnotationReader reader, AnnotationWrites writes, Representations representations, SharedApiPages shared,
			ApiLinks links) {
		this.library = library;
		this.queries = queries;
		this.search = search;
		this.authors = authors;
		this.reader = reader;
		this.writes = writes;
		this.representations = representations;
		this.shared = shared;
		this.links = links;
	}

	@RequestMapping(method = { RequestMethod.GET, RequestMethod.HEAD },
			produces = { Vocabulary.JSON_LD_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<byte[]> read(@PathVariable String slug, @RequestParam(required = false) @Nullable String page,
			@RequestParam(required = false) @Nullable String iris, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String author,
			@RequestParam(required = false) @Nullable String motivation, HttpServletRequest request) {
		Article article = article(slug);
		ResponseFormat format = ResponseFormat.negotiate(request);
		Author viewer = authors.viewer(request).orElse(null);
		Boolean irisParameter = iris(iris);
		ContainerFilters filters = ContainerFilters.of(q, tag, author, motivation);
		if (page != null) {
			return page(article, pageNumber(page), irisParameter, viewer, filters, format, request);
		}
		ContainerPreference preference = ContainerPreference.of(request, irisParameter);
		Map<String, Object> json = container(article, preference, viewer, filters);
		byte[] body = Json.write(json);
		HttpHeaders headers = ProtocolHeaders.container();
		headers.setContentType(format.mediaType());
		headers.setETag(EntityTags.of(body, format.mediaType().toString()));
		// Protocol §4.2: the IRI of the view differs from the container's: MUST be in Content-Location
		headers.set(HttpHeaders.CONTENT_LOCATION, (String) json.get("id"));
		if (preference.applied()) {
			headers.set("Preference-Applied", "return=representation");
		}
		return ResponseEntity.ok().headers(headers).body(body);
	}

	/** Protocol §4.1: every response of the container carries its Links and an ETag. */
	@RequestMapping(method = RequestMethod.OPTIONS)
	ResponseEntity<Void> options(@PathVariable String slug, @RequestParam(required = false) @Nullable String page,
			HttpServletRequest request) {
		Article article = article(slug);
		if (page != null) {
			return ResponseEntity.noContent().headers(ProtocolHeaders.page()).build();
		}
		byte[] body = Json.write(container(article, new ContainerPreference(false, false, false),
				authors.viewer(request).orElse(null), null));
		HttpHeaders headers = ProtocolHeaders.container();
		headers.setETag(EntityTags.of(body, ResponseFormat.JSON_LD.mediaType().toString()));
		return ResponseEntity.noContent().headers(headers).build();
	}

	/**
	 * Protocol §5.1: 201 with the new annotation's IRI (the container's IRI and the note's id) in Location, and its
	 * representation. A client with neither token nor cookie gets its new secret in a response header.
	 */
	@RequestMapping(method = RequestMethod.POST, consumes = { Vocabulary.JSON_LD_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { Vocabulary.JSON_LD_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<byte[]> create(@PathVariable String slug, @RequestParam(required = false) @Nullable String page,
			HttpServletRequest request, HttpServletResponse response) {
		if (page != null) {
			throw ApiProblem.of(HttpStatus.METHOD_NOT_ALLOWED, "A page cannot be written to; POST to the container.")
				.withHeader(HttpHeaders.ALLOW, ProtocolHeaders.PAGE_ALLOW);
		}
		Article article = article(slug);
		ProtocolHeaders.containerLinks().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		ResponseFormat format = ResponseFormat.negotiate(request);
		authors.viewer(request);
		AnnotationDraft draft = reader.read(RequestBodies.readJson(request), slug);
		Note note = writes.create(slug, draft, authors.writerOrNew(request, response));
		Map<String, Object> json = representations.annotation(note, article, true);
		String iri = (String) json.get("id");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(format.mediaType());
		headers.set(HttpHeaders.LOCATION, iri);
		headers.set(HttpHeaders.CONTENT_LOCATION, iri);
		headers.setETag(EntityTags.of(note, article));
		headers.set(HttpHeaders.ALLOW, ProtocolHeaders.CONTAINER_ALLOW);
		headers.set(HttpHeaders.VARY, "Accept");
		return ResponseEntity.status(HttpStatus.CREATED).headers(headers).body(Json.write(json));
	}

	/** The methods no other mapping takes: see {@link AnnotationController#otherMethods}. */
	@RequestMapping(method = { RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	ResponseEntity<byte[]> otherMethods(@PathVariable String slug) {
		article(slug);
		throw ApiProblem.of(HttpStatus.METHOD_NOT_ALLOWED, "A container takes " + ProtocolHeaders.CONTAINER_ALLOW + ".")
			.withHeader(HttpHeaders.ALLOW, ProtocolHeaders.CONTAINER_ALLOW);
	}

	private ResponseEntity<byte[]> page(Article article, int number, @Nullable Boolean irisParameter,
			@Nullable Author viewer, @Nullable ContainerFilters filters, ResponseFormat format, HttpServletRequest request) {
		// a client SHOULD NOT send Prefer for a page: the page's IRI carries the preference, and wins
		boolean iris = irisParameter != null ? irisParameter : ContainerPreference.of(request, null).iris();
		String mediaType = format.mediaType().toString();
		HttpHeaders headers = ProtocolHeaders.page();
		headers.setContentType(format.mediaType());
		headers.set(HttpHeaders.CONTENT_LOCATION, links.page(article.slug(), iris, suffix(filters), number));
		if (viewer == null && filters == null) {
			// public notes only: the same bytes for every client without credentials, kept and compressed once
			Compressed.Variant sent = shared.page(article, number + (iris ? "/iris" : "/descriptions"), mediaType,
					() -> pageJson(article, number, iris, null, null)).variant(request);
			headers.set(HttpHeaders.VARY, headers.getFirst(HttpHeaders.VARY) + ", " + HttpHeaders.ACCEPT_ENCODING);
			if (sent.contentEncoding() != null) {
				headers.set(HttpHeaders.CONTENT_ENCODING, sent.contentEncoding());
			}
			headers.setETag(sent.entityTag());
			return ResponseEntity.ok().headers(headers).body(sent.body());
		}
		byte[] body = pageJson(article, number, iris, viewer, filters);
		headers.setETag(EntityTags.of(body, mediaType));
		return ResponseEntity.ok().headers(headers).body(body);
	}

	private byte[] pageJson(Article article, int number, boolean iris, @Nullable Author viewer,
			@Nullable ContainerFilters filters) {
		String slug = article.slug();
		NoteSearch.Found page = page(slug, viewer, filters, number * Representations.PAGE_SIZE, false);
		if (page.total() != null && number > Representations.lastPage(page.total())) {
			throw ApiProblem.of(HttpStatus.NOT_FOUND,
					"There is no page " + number + ": the last is " + Representations.lastPage(page.total()) + ".");
		}
		if (page.total() == null && number > 0 && page.notes().isEmpty()) {
			throw ApiProblem.of(HttpStatus.NOT_FOUND, "There is no page " + number + ": the matches end before it.");
		}
		return Json.write(representations.page(slug, iris, number, page, true, article, suffix(filters)));
	}

	private Map<String, Object> container(Article article, ContainerPreference preference, @Nullable Author viewer,
			@Nullable ContainerFilters filters) {
		NoteSearch.Found first = page(article.slug(), viewer, filters, 0, preference.minimal());
		return representations.container(article, preference, first, suffix(filters));
	}

	/**
	 * @return how many annotations the viewer sees in the container (or in its filtered view), and a page of them
	 * (oldest first; filtered, the best matches first)
	 * @param countOnly whether the page's annotations are not needed
	 */
	private NoteSearch.Found page(String slug, @Nullable Author viewer, @Nullable ContainerFilters filters, int offset,
			boolean countOnly) {
		if (filters != null) {
			if (countOnly) {
				Integer total = search.count(slug, filters.query(), Viewer.reader(viewer));
				return new NoteSearch.Found(total, total == null || total > offset + Representations.PAGE_SIZE, List.of());
			}
			return search.find(slug, filters.query(), Viewer.reader(viewer), offset, Representations.PAGE_SIZE);
		}
		int total = queries.count(slug, viewer);
		return new NoteSearch.Found(total, total > offset + Representations.PAGE_SIZE, countOnly || total <= offset
				? List.of() : queries.page(slug, viewer, offset, Representations.PAGE_SIZE));
	}

	private static String suffix(@Nullable ContainerFilters filters) {
		return filters == null ? "" : filters.suffix();
	}

	private Article article(String slug) {
		Optional<Article> article = library.find(slug);
		return article.orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "There is no such article."));
	}

	private static @Nullable Boolean iris(@Nullable String value) {
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "0" -> false;
			case "1" -> true;
			default -> throw ApiProblem.malformed("iris is 0 (whole annotations) or 1 (their IRIs only).");
		};
	}

	static int pageNumber(String value) {
		if (!value.matches("\\d{1,9}")) {
			throw ApiProblem.malformed("page is a whole number from 0.");
		}
		return Integer.parseInt(value);
	}

}
