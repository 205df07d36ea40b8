package dev.marginalia.limits;

import java.io.IOException;
import java.time.Duration;

import dev.marginalia.web.Problems;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every write (POST, PUT, PATCH, DELETE) against its client's limits before anything else reads it;
 * over the limit: 429 with {@code Retry-After}, as problem details on the API and as a page that says when to
 * try again on the site. The client is the network address (behind a proxy, the forwarded one, when
 * {@code server.forward-headers-strategy} trusts it). A refusal on the API carries the API's CORS headers, which
 * Spring Security adds only further down the chain, so that a page on another origin can read it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class WriteLimitFilter extends OncePerRequestFilter {

	static final String RETRY_AFTER = "marginalia.retryAfterSeconds";

	private final WriteLimiter limiter;

	private final UrlBasedCorsConfigurationSource apiCors;

	private final CorsProcessor cors = new DefaultCorsProcessor();

	WriteLimitFilter(WriteLimiter limiter, UrlBasedCorsConfigurationSource apiCors) {
		this.limiter = limiter;
		this.apiCors = apiCors;
	}

	/** Writes only, and once: a forward or an error page of a write (dispatched again) is the same write. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		return switch (request.getMethod()) {
			case "POST", "PUT", "PATCH", "DELETE" -> false;
			default -> true;
		};
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Duration wait = limiter.take(request.getRemoteAddr());
		if (wait.isZero()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		boolean api = request.getRequestURI().startsWith("/api/");
		if (api && !cors.processRequest(apiCors.getCorsConfiguration(request), request, response)) {
			return; // a cross-origin request the API does not allow at all: refused as such (403)
		}
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		if (api) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
					"This client has written too much too fast; try again in " + seconds + " seconds.");
			problem.setProperty("retryAfter", seconds);
			Problems.send(request, response, problem);
			return;
		}
		request.setAttribute(RETRY_AFTER, seconds);
		request.getRequestDispatcher(TooManyWritesController.PATH).forward(request, response);
	}

}
