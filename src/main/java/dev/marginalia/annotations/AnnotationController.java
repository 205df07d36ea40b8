package dev.marginalia.annotations;

import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.notes.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * One annotation: GET, HEAD and OPTIONS for whoever may see it (a private note: its author only; anyone else gets
 * 404, exactly as for a note that never existed), PUT and DELETE for its author.
 *
 * <p>PUT requires {@code If-Match} (428 without it: LDP §4.2.4.5 says servers SHOULD require it, and a lost update
 * of someone's note is worse than one more header), 412 when it is stale. DELETE honours {@code If-Match} when
 * sent (the protocol makes it a SHOULD for clients) and deletes the current version without it.
 */
@RestController
@RequestMapping("/api/articles/{slug}/annotations/{id}")
class AnnotationController {

	private final ArticleLibrary library;

	private final NoteQueries queries;

	private final ApiAuthors authors;

	private final AnnotationReader reader;

	private final AnnotationWrites writes;

	private final Representations representations;

	AnnotationController(ArticleLibrary library, NoteQueries queries, ApiAuthors authors, AnnotationReader reader,
			AnnotationWrites writes, Representations representations) {
		this.library = library;
		this.queries = queries;
		this.authors = authors;
		this.reader = reader;
		this.writes = writes;
		this.representations = representations;
	}

	@RequestMapping(method = { RequestMethod.GET, RequestMethod.HEAD },
			produces = { Vocabulary.JSON_LD_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<byte[]> read(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		Article article = article(slug);
		// MODERATION: a hidden annotation is 404 for everyone but the moderator
		Note note = visible(article, id, authors.viewerOrModerator(request));
		return represent(note, article, ResponseFormat.negotiate(request), HttpStatus.OK);
	}

	@RequestMapping(method = RequestMethod.OPTIONS)
	ResponseEntity<Void> options(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		Article article = article(slug);
		Note note = visible(article, id, authors.viewer(request).orElse(null));
		return ResponseEntity.noContent().headers(ProtocolHeaders.annotation(EntityTags.of(note, article))).build();
	}

	/** Protocol §5.3: replaces the annotation; 200 with its new state. */
	@RequestMapping(method = RequestMethod.PUT, consumes = { Vocabulary.JSON_LD_VALUE, MediaType.APPLICATION_JSON_VALUE },
			produces = { Vocabulary.JSON_LD_VALUE, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<byte[]> replace(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		Article article = article(slug);
		Optional<Author> viewer = authors.viewer(request);
		Note note = ownNote(article, id, viewer);
		if (request.getHeader(HttpHeaders.IF_MATCH) == null) {
			throw ApiProblem.of(HttpStatus.PRECONDITION_REQUIRED,
					"Send If-Match with the ETag of the annotation you edited, so that no one's change is lost.");
		}
		checkPrecondition(request, note, article);
		ResponseFormat format = ResponseFormat.negotiate(request);
		AnnotationDraft draft = reader.read(RequestBodies.readJson(request), slug);
		Note replaced = writes.replace(note, draft, authors.writer(viewer));
		return represent(replaced, article, format, HttpStatus.OK);
	}

	/** Protocol §5.4: 204; the annotation leaves its container. */
	@RequestMapping(method = RequestMethod.DELETE)
	ResponseEntity<Void> delete(@PathVariable String slug, @PathVariable String id, HttpServletRequest request) {
		Article article = article(slug);
		Optional<Author> viewer = authors.viewer(request);
		Note note = ownNote(article, id, viewer);
		checkPrecondition(request, note, article);
		writes.delete(note, authors.writer(viewer));
		return ResponseEntity.noContent().build();
	}

	/**
	 * The methods no other mapping takes (Spring Security's firewall refuses methods beyond these), so that a body or
	 * an Accept the mappings above do not take is Spring's 415 or 406, not 405.
	 */
	@RequestMapping(method = { RequestMethod.POST, RequestMethod.PATCH })
	ResponseEntity<byte[]> otherMethods(@PathVariable String slug, @PathVariable String id,
			HttpServletRequest request) {
		visible(article(slug), id, authors.viewer(request).orElse(null));
		throw ApiProblem
			.of(HttpStatus.METHOD_NOT_ALLOWED, "An annotation takes " + ProtocolHeaders.ANNOTATION_ALLOW + ".")
			.withHeader(HttpHeaders.ALLOW, ProtocolHeaders.ANNOTATION_ALLOW);
	}

	/** Protocol §3: Content-Type, Link, ETag, Allow and Vary on every representation of an annotation. */
	private ResponseEntity<byte[]> represent(Note note, Article article, ResponseFormat format, HttpStatus status) {
		HttpHeaders headers = ProtocolHeaders.annotation(EntityTags.of(note, article));
		headers.setContentType(format.mediaType());
		return ResponseEntity.status(status)
			.headers(headers)
			.body(Json.write(representations.annotation(note, article, true)));
	}

	/**
	 * The checks in the order RFC 9110 §13.2.2 wants them before a precondition: 404 (never say whether a private
	 * note exists), 410 for a deleted note kept for its replies, 401 without credentials, 403 for someone else's.
	 */
	private Note ownNote(Article article, String id, Optional<Author> viewer) {
		Note note = visible(article, id, viewer.orElse(null));
		Author author = authors.writer(viewer);
		if (!note.isBy(author)) {
			throw ApiProblem.of(HttpStatus.FORBIDDEN, "Only the author of an annotation can change it.");
		}
		return note;
	}

	private Article article(String slug) {
		return library.find(slug).orElseThrow(AnnotationController::notFound);
	}

	private Note visible(Article article, String id, @Nullable Author viewer) {
		return visible(article, id, Viewer.reader(viewer));
	}

	private Note visible(Article article, String id, Viewer viewer) {
		if (!ApiLinks.isNoteId(id)) {
			throw notFound();
		}
		Note note = queries.findSeenBy(article.slug(), id, viewer).orElseThrow(AnnotationController::notFound);
		if (note.deleted()) {
			throw ApiProblem.of(HttpStatus.GONE, "This annotation was deleted.");
		}
		return note;
	}

	/** RFC 9110 §13.1.1: If-Match with the current ETag (strong comparison) or "*"; else 412. */
	private static void checkPrecondition(HttpServletRequest request, Note note, Article article) {
		String current = EntityTags.of(note, article);
		if (EntityTags.preconditionFails(request, current)) {
			throw ApiProblem.of(HttpStatus.PRECONDITION_FAILED,
					"The annotation has changed since you loaded it (its ETag is now " + current + ").")
				.withHeader(HttpHeaders.ETAG, current);
		}
	}

	private static ApiProblem notFound() {
		return ApiProblem.of(HttpStatus.NOT_FOUND, "There is no such annotation, or it is not yours to see.");
	}

}
