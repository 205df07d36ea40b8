package dev.marginalia.system;

import java.io.IOException;
import java.util.regex.Pattern;

import dev.marginalia.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * No request body over 64 KiB: a note is at most 10,000 characters, so anything larger is a mistake or an
 * attack. Refused with 413 before anything reads it (declared length); a body sent without a length is cut
 * off by {@code server.tomcat.max-http-form-post-size} for forms and by the API's own bounded reader. The one
 * exception is an import of annotations ({@code POST /api/articles/{slug}/annotations/import}), a whole file of
 * them, whose own bounded reader allows 5 MiB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 64 * 1024;

	private static final String DETAIL = "A request can carry at most 64 KiB; a note at most 10,000 characters.";

	/** The import of annotations, which limits its body itself. */
	private static final Pattern IMPORT = Pattern.compile("/api/articles/[^/]+/annotations/import");

	private final UrlBasedCorsConfigurationSource apiCors;

	private final CorsProcessor cors = new DefaultCorsProcessor();

	/** @param apiCors the API's CORS, added here to the API's refusal: Spring Security adds it further down */
	RequestSizeLimit(UrlBasedCorsConfigurationSource apiCors) {
		this.apiCors = apiCors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > MAX_BYTES && !isImport(request)) {
			response.setHeader("Connection", "close");
			if (request.getRequestURI().startsWith("/api/")) {
				if (!cors.processRequest(apiCors.getCorsConfiguration(request), request, response)) {
					return; // a cross-origin request the API does not allow at all: refused as such (403)
				}
				Problems.send(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, DETAIL));
				return;
			}
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), DETAIL);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isImport(HttpServletRequest request) {
		return "POST".equals(request.getMethod()) && IMPORT.matcher(request.getRequestURI()).matches();
	}

}
