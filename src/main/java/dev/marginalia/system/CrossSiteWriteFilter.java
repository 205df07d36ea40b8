package dev.marginalia.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import dev.marginalia.identity.ReaderAuthenticationFilter;
import dev.marginalia.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
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
 * Refuses, with 403 and before anything else reads it, a write that a page on another site made a reader's
 * browser send: a request of any unsafe method (POST, PUT, PATCH, DELETE, …) without a bearer token whose {@code Sec-Fetch-Site} says it came from
 * another origin ({@code cross-site} or {@code same-site}) or whose {@code Origin} is not this site's.
 *
 * <p>The CSRF token guards writes that carry the reader's cookies. This guards the others too: the reader's
 * {@code SameSite=Lax} author cookie is not sent on another site's POST, so without this the write would pass as a
 * newcomer's, and its answer would store a new author cookie in the reader's browser, replacing their secret (and
 * with it the power to edit what they wrote). Nothing runs for a refused request: no note, no cookie, no use of the
 * write allowance. Programs are unaffected: they send no {@code Origin} or {@code Sec-Fetch-Site} header, and a
 * bearer token is never ambient, so an API write with one is welcome from anywhere.
 *
 * <p>This site's origin is the one its requests are addressed to ({@code Host}, and the scheme behind a proxy that
 * forwards it), and also {@code marginalia.public-url} when it is set.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CrossSiteWriteFilter extends OncePerRequestFilter {

	/** The problem type of the refusal on the API (a reference relative to the API, as RFC 9457 allows). */
	static final String PROBLEM_TYPE = "/api/problems.html#cross-site-write";

	private static final String DETAIL = "A page on another site cannot write here on a reader's behalf. "
			+ "Programs authorise their writes with Authorization: Bearer <author secret>.";

	/** The methods that change nothing (RFC 9110, 9.2.1); every other one is a write, whatever its name. */
	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final String publicOrigin;

	private final UrlBasedCorsConfigurationSource apiCors;

	private final CorsProcessor cors = new DefaultCorsProcessor();

	CrossSiteWriteFilter(@Value("${marginalia.public-url:}") String publicUrl, UrlBasedCorsConfigurationSource apiCors) {
		this.publicOrigin = publicUrl.isBlank() ? "" : origin(URI.create(publicUrl.strip()));
		this.apiCors = apiCors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return SAFE_METHODS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (ReaderAuthenticationFilter.hasBearerToken(request) || isFromThisSite(request)) {
			chain.doFilter(request, response);
			return;
		}
		boolean api = request.getRequestURI().startsWith("/api/");
		if (api && !cors.processRequest(apiCors.getCorsConfiguration(request), request, response)) {
			return; // a cross-origin request the API does not allow at all: refused as such (403)
		}
		if (api) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, DETAIL);
			problem.setType(URI.create(PROBLEM_TYPE));
			problem.setTitle("Cross-site write");
			Problems.send(request, response, problem);
			return;
		}
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

	/**
	 * @return whether the browser says the request came from this site's own pages, or says nothing (a program,
	 * or a browser too old to send either header)
	 */
	private boolean isFromThisSite(HttpServletRequest request) {
		String fetchSite = request.getHeader("Sec-Fetch-Site");
		if (fetchSite != null) {
			String site = fetchSite.strip().toLowerCase(Locale.ROOT);
			if (site.equals("cross-site") || site.equals("same-site")) {
				return false;
			}
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return true;
		}
		String claimed = origin.strip().toLowerCase(Locale.ROOT);
		return claimed.equals(ownOrigin(request)) || !publicOrigin.isEmpty() && claimed.equals(publicOrigin);
	}

	/** The origin the request was addressed to: its scheme, host and port, the port left out where it is the default. */
	private static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		String host = request.getServerName().toLowerCase(Locale.ROOT);
		if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
			host = "[" + host + "]"; // an IPv6 address, as an origin writes it
		}
		return scheme + "://" + host + portPart(scheme, request.getServerPort());
	}

	private static String origin(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + portPart(scheme, uri.getPort());
	}

	private static String portPart(String scheme, int port) {
		boolean standard = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
		return standard ? "" : ":" + port;
	}

}
