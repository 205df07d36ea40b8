package dev.marginalia.database;

import java.io.IOException;

import dev.marginalia.web.Problems;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * What a request that needs the database gets while the database cannot serve it: 503 with {@code Retry-After},
 * as RFC 9457 problem details on the API (with the API's CORS headers, which Spring Security adds only further down
 * the chain, so that a page on another origin can read it) and as a page that says what happened elsewhere. Sent
 * by the bulkhead (system.DatabaseBulkhead), ahead of everything that could wait for the database.
 */
@Component
public class DatabaseUnavailableAnswer {

	/** How soon a client may try again: the pool notices a database that is back within a second or two. */
	static final long RETRY_AFTER_SECONDS = 5;

	public static final String DETAIL = "The notes cannot be read or saved at the moment: the database is not answering, "
			+ "or too busy. Nothing saved before is lost; try again in " + RETRY_AFTER_SECONDS + " seconds.";

	private final UrlBasedCorsConfigurationSource apiCors;

	private final CorsProcessor cors = new DefaultCorsProcessor();

	DatabaseUnavailableAnswer(UrlBasedCorsConfigurationSource apiCors) {
		this.apiCors = apiCors;
	}

	public void send(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		boolean api = request.getRequestURI().startsWith("/api/");
		if (api && !cors.processRequest(apiCors.getCorsConfiguration(request), request, response)) {
			return; // a cross-origin request the API does not allow at all: refused as such (403)
		}
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
		if (!api) {
			request.getRequestDispatcher(DatabaseUnavailableController.PATH).forward(request, response);
			return;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
		problem.setProperty("retryAfter", RETRY_AFTER_SECONDS);
		Problems.send(request, response, problem);
	}

}
