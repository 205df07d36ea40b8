package dev.marginalia.annotations;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.content.ArticleUnavailableException;
import dev.marginalia.notes.HighlightColour;
import dev.marginalia.notes.InvalidNoteException;
import dev.marginalia.notes.NoteConflictException;
import dev.marginalia.notes.NoteForbiddenException;
import dev.marginalia.notes.ReactionRefusedException;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.notes.NoteTags;
import dev.marginalia.notes.TargetRefusedException;
import dev.marginalia.database.DatabaseFailures;
import dev.marginalia.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as RFC 9457 problem details ({@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, and {@code errors} for field errors): Spring's
 * {@link ResponseEntityExceptionHandler}, for what Spring MVC refuses itself and for our {@link ApiProblem}s, and the
 * rules' exceptions translated into them. Scoped to this package's controllers, and ahead of the site-wide advice,
 * so that the HTML pages keep their HTML error pages and the API never answers with one.
 */
@RestControllerAdvice(basePackageClasses = ApiProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	/** The rules' field names, as the JSON paths of the annotation. */
	private static final Map<String, String> FIELDS = Map.of("body", "body.value", "authorName", "creator.name",
			"visibility", Vocabulary.VISIBILITY, "block", "target.selector.value", "parent", "target", "quote",
			"target.selector.refinedBy", NoteTags.FIELD, "body", HighlightColour.FIELD, "target.styleClass");

	private final ApiLinks links;

	ApiProblems(ApiLinks links) {
		this.links = links;
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidNote(InvalidNoteException ex, WebRequest request) {
		return answer(ApiProblem.invalid(fields(ex)), request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> targetRefused(TargetRefusedException ex, WebRequest request) {
		return answer(ApiProblem.targetRefused(ex.refusal()), request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> invalidImport(InvalidImportException ex, WebRequest request) {
		return answer(ApiProblem.invalidImport(ex), request);
	}

	/** @return the rules' errors keyed by the JSON paths of the annotation's fields */
	static Map<String, String> fields(InvalidNoteException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.errors().forEach((field, message) -> errors.put(FIELDS.getOrDefault(field, field), message));
		return errors;
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> noteNotFound(NoteNotFoundException ex, WebRequest request) {
		return answer(ApiProblem.of(HttpStatus.NOT_FOUND, "There is no such annotation, or it is not yours to see."),
				request);
	}

	/** A reaction the annotation does not take: the client's own (403), a private or hidden one (409). */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> reactionRefused(ReactionRefusedException ex, WebRequest request) {
		return answer(ApiProblem.of(ex.status(), String.valueOf(ex.getMessage())), request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> forbidden(NoteForbiddenException ex, WebRequest request) {
		return answer(ApiProblem.of(HttpStatus.FORBIDDEN, "Only the author of an annotation can change it."), request);
	}

	/** Changed by someone else in the meantime: 412 when the client stated a version, 409 when it did not. */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> conflict(NoteConflictException ex, WebRequest request) {
		HttpStatus status = request.getHeader(HttpHeaders.IF_MATCH) != null ? HttpStatus.PRECONDITION_FAILED
				: HttpStatus.CONFLICT;
		return answer(ApiProblem.of(status, "The annotation has changed since you loaded it; get it again."), request);
	}

	/** Query parameters that are not UTF-8 (broken percent-escapes): the client's mistake, not a fault. */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> undecodable(InvalidParameterException ex, WebRequest request) {
		return answer(ApiProblem.malformed("The query parameters are not UTF-8 text; encode them as such."), request);
	}

	@ExceptionHandler
	@Nullable ResponseEntity<Object> unavailable(ArticleUnavailableException ex, WebRequest request) {
		return answer(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, "This article cannot be shown at the moment."),
				request);
	}

	/**
	 * The rest is ours: 500 (what Spring MVC refuses itself has its own handler above). A database that is not
	 * answering is not a fault of ours either: that failure goes on, unhandled here, to the bulkhead of package
	 * {@code system}, which answers every request it fails with the same 503 and {@code Retry-After} (rethrowing it
	 * is how Spring MVC lets it pass, without a warning).
	 */
	@ExceptionHandler
	@Nullable ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest servlet, WebRequest request)
			throws Exception {
		if (DatabaseFailures.isUnavailable(ex)) {
			throw ex;
		}
		if (ex instanceof ErrorResponse error) {
			return handleExceptionInternal(ex, error.getBody(), error.getHeaders(), error.getStatusCode(), request);
		}
		log.error("{} {} failed", servlet.getMethod(), servlet.getRequestURI(), ex);
		return answer(ApiProblem.of(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side."), request);
	}

	/** A body the API does not read: Accept-Post says what it does (Protocol §4.1), as on every container. */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpHeaders withAcceptPost = new HttpHeaders();
		withAcceptPost.addAll(headers);
		withAcceptPost.set("Accept-Post", Vocabulary.ACCEPTED_REQUEST_TYPES);
		return super.handleHttpMediaTypeNotSupported(ex, withAcceptPost, status, request);
	}

	private @Nullable ResponseEntity<Object> answer(ApiProblem problem, WebRequest request) {
		return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), request);
	}

	/**
	 * Every answer as {@code application/problem+json}, whatever the client accepts, written as {@link Problems}
	 * writes them (with a length, {@code about:blank} for a plain HTTP error), our own types made absolute (they start
	 * with {@code marginalia.public-url} when it is set).
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Object sent = body;
		if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet) {
			URI type = problem.getType();
			if (type != null && !type.isAbsolute()) {
				problem.setType(URI.create(links.base() + type));
			}
			sent = Problems.json(problem, servlet.getRequest());
		}
		HttpHeaders sentHeaders = new HttpHeaders();
		sentHeaders.addAll(headers);
		sentHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return new ResponseEntity<>(sent, sentHeaders, status);
	}

}
