package dev.marginalia.annotations;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring MVC refuses before it chooses a controller of the API: a body the mappings do not consume (415) or an
 * Accept they cannot produce for (406). With no controller chosen, {@link ApiProblems} (scoped to this package's
 * controllers) does not see these; this site-wide advice hands those under {@code /api/} to it, as problem details,
 * and lets the others pass on to Spring's own answer (rethrown, as Spring MVC lets an exception pass).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiMediaTypeProblems {

	private final ApiProblems problems;

	ApiMediaTypeProblems(ApiProblems problems) {
		this.problems = problems;
	}

	@ExceptionHandler({ HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	@Nullable ResponseEntity<Object> mediaType(Exception ex, HttpServletRequest servlet, WebRequest request)
			throws Exception {
		if (!servlet.getRequestURI().startsWith("/api/")) {
			throw ex;
		}
		return problems.handleException(ex, request);
	}

}
