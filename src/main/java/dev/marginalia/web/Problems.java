package dev.marginalia.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * RFC 9457 problem details as they are sent, by the API's exception handler and by the servlet filters that answer
 * before Spring MVC could: Spring's {@link ProblemDetail}, written with Spring's Jackson mix-in (the extension
 * members beside the standard ones), in RFC 9457's order, as bytes of a known length. A refusal may leave the
 * request's body unread (413 closes the connection): with a {@code Content-Length} the client has the whole answer
 * before that, where a chunked one could be cut off.
 */
public final class Problems {

	/**
	 * The type of a plain HTTP error. Spring leaves the member out, which RFC 9457 §3.1.1 reads as this; we send it,
	 * as the API's documentation says, for clients that look for it.
	 */
	public static final URI BLANK = URI.create("about:blank");

	/** The members in RFC 9457's order (type, title, status, detail, instance), not Jackson 3's alphabetical one. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private Problems() {
	}

	/**
	 * @return the problem as JSON: its type {@code about:blank} where it has none, its instance the request's path
	 * where it has none (as Spring MVC gives it)
	 */
	public static byte[] json(ProblemDetail problem, HttpServletRequest request) {
		if (problem.getType() == null) {
			problem.setType(BLANK);
		}
		if (problem.getInstance() == null) {
			try {
				problem.setInstance(URI.create(request.getRequestURI()));
			}
			catch (IllegalArgumentException ex) {
				// a path that is no URI reference: the problem goes without its instance
			}
		}
		return JSON.writeValueAsBytes(problem);
	}

	/** Sends the problem from a servlet filter: its status, {@code application/problem+json}, its length. */
	public static void send(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		byte[] body = json(problem, request);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
