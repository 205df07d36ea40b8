package dev.marginalia.annotations;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.content.ArticleUnavailableException;
import dev.marginalia.notes.InvalidNoteException;
import dev.marginalia.notes.NoteConflictException;
import dev.marginalia.notes.NoteForbiddenException;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.database.DatabaseFailures;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the API as RFC 9457 problem details ({@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, and {@code errors} for field errors). Scoped to
 * this package's controllers, and ahead of the site-wide advice, so that the HTML pages keep their HTML error
 * pages and the API never answers with one.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** The rules' field names, as the JSON paths of the annotation. */
	private static final Map<String, String> FIELDS = Map.of("body", "body.value", "authorName", "creator.name",
			"visibility", Vocabulary.VISIBILITY, "block", "target.selector.value", "parent", "target", "quote",
			"target.selector.refinedBy");

	private final ApiLinks links;

	ApiProblems(ApiLinks links) {
		this.links = links;
	}

	@ExceptionHandler
	ResponseEntity<byte[]> apiProblem(ApiProblem problem, HttpServletRequest request) {
		return respond(problem, request);
	}

	@ExceptionHandler
	ResponseEntity<byte[]> invalidNote(InvalidNoteException ex, HttpServletRequest request) {
		return respond(ApiProblem.invalid(fields(ex)), request);
	}

	@ExceptionHandler
	ResponseEntity<byte[]> targetRefused(dev.marginalia.notes.TargetRefusedException ex, HttpServletRequest request) {
		return respond(ApiProblem.targetRefused(ex.refusal()), request);
	}

	@ExceptionHandler
	ResponseEntity<byte[]> invalidImport(InvalidImportException ex, HttpServletRequest request) {
		return respond(ApiProblem.invalidImport(ex), request);
	}

	/** @return the rules' errors keyed by the JSON paths of the annotation's fields */
	static Map<String, String> fields(InvalidNoteException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.errors().forEach((field, message) -> errors.put(FIELDS.getOrDefault(field, field), message));
		return errors;
	}

	@ExceptionHandler
	ResponseEntity<byte[]> noteNotFound(NoteNotFoundException ex, HttpServletRequest request) {
		return respond(ApiProblem.of(HttpStatus.NOT_FOUND, "There is no such annotation, or it is not yours to see."),
				request);
	}

	@ExceptionHandler
	ResponseEntity<byte[]> forbidden(NoteForbiddenException ex, HttpServletRequest request) {
		return respond(ApiProblem.of(HttpStatus.FORBIDDEN, "Only the author of an annotation can change it."),
				request);
	}

	/** Changed by someone else in the meantime: 412 when the client stated a version, 409 when it did not. */
	@ExceptionHandler
	ResponseEntity<byte[]> conflict(NoteConflictException ex, HttpServletRequest request) {
		HttpStatus status = request.getHeader(HttpHeaders.IF_MATCH) != null ? HttpStatus.PRECONDITION_FAILED
				: HttpStatus.CONFLICT;
		return respond(ApiProblem.of(status, "The annotation has changed since you loaded it; get it again."), request);
	}

	@ExceptionHandler
	ResponseEntity<byte[]> unavailable(ArticleUnavailableException ex, HttpServletRequest request) {
		return respond(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "This article cannot be shown at the moment."),
				request);
	}

	/**
	 * What Spring MVC itself refuses (a missing parameter and the like) keeps its status; the rest is ours: 500. A
	 * database that is not answering is not a fault of ours either: that failure goes on, unhandled here, to the
	 * bulkhead of package {@code system}, which answers every request it fails with the same 503 and
	 * {@code Retry-After} (rethrowing it is how Spring MVC lets it pass, without a warning).
	 */
	@ExceptionHandler
	ResponseEntity<byte[]> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (DatabaseFailures.isUnavailable(ex)) {
			throw ex;
		}
		if (ex instanceof ErrorResponse error) {
			HttpStatus status = HttpStatus.resolve(error.getStatusCode().value());
			ApiProblem problem = ApiProblem.of(status == null ? HttpStatus.BAD_REQUEST : status,
					String.valueOf(error.getBody().getDetail()));
			error.getHeaders().forEach((name, values) -> values.forEach(value -> problem.withHeader(name, value)));
			return respond(problem, request);
		}
		log.error("{} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return respond(ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side."), request);
	}

	private ResponseEntity<byte[]> respond(ApiProblem problem, HttpServletRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		String type = problem.type();
		body.put("type", type == null ? "about:blank" : links.problemType(type));
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.getMessage());
		body.put("instance", request.getRequestURI());
		if (!problem.errors().isEmpty()) {
			body.put("errors", problem.errors());
		}
		body.putAll(problem.extensions());
		return ResponseEntity.status(problem.status())
			.headers(problem.headers())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Json.write(body));
	}

}
