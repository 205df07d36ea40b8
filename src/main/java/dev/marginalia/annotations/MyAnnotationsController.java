package dev.marginalia.annotations;

import java.util.Map;

import dev.marginalia.notes.Author;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A reader's own notes and replies, across articles, as Web Annotations ({@link MyAnnotations}): the download
 * {@code /my/notes.jsonld} for the browser (by its cookie; a reader without a secret gets an empty collection), and
 * {@code /api/my/annotations} for programs, which name the reader with {@code Authorization: Bearer <secret>} (401
 * without). Both {@code ?page=N} for one page. Never kept by a shared cache: what they hold is one reader's, private
 * notes included.
 */
@RestController
class MyAnnotationsController {

	static final String EXPORT = "/my/notes.jsonld";

	static final String API = "/api/my/annotations";

	private final MyAnnotations annotations;

	private final ApiAuthors authors;

	private final ApiLinks links;

	MyAnnotationsController(MyAnnotations annotations, ApiAuthors authors, ApiLinks links) {
		this.annotations = annotations;
		this.authors = authors;
		this.links = links;
	}

	@GetMapping(EXPORT)
	ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
		Author author = authors.viewer(request).orElse(null);
		HttpHeaders headers = headers(Vocabulary.ANNOTATION_JSON_LD);
		headers.setContentDisposition(ContentDisposition.attachment().filename("my-notes.jsonld").build());
		return ResponseEntity.ok().headers(headers).body(Json.write(json(links.base() + EXPORT, author, page)));
	}

	@GetMapping(path = API, produces = { Vocabulary.JSON_LD_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<byte[]> api(@RequestParam(required = false) @Nullable String page, HttpServletRequest request) {
		ResponseFormat format = ResponseFormat.negotiate(request);
		Author author = authors.writer(authors.viewer(request));
		HttpHeaders headers = headers(format.mediaType());
		headers.set(HttpHeaders.VARY, headers.getFirst(HttpHeaders.VARY) + ", " + HttpHeaders.ACCEPT);
		return ResponseEntity.ok().headers(headers).body(Json.write(json(links.base() + API, author, page)));
	}

	private Map<String, Object> json(String id, @Nullable Author author, @Nullable String page) {
		return page == null ? annotations.collection(id, author) : annotations.page(id, author, AnnotationContainerController.pageNumber(page));
	}

	/** One reader's notes: kept by no cache at all, told apart by the credentials they were asked with. */
	private static HttpHeaders headers(MediaType type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(type);
		headers.setCacheControl(CacheControl.noStore().cachePrivate());
		headers.set(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION + ", " + HttpHeaders.COOKIE);
		return headers;
	}

}
