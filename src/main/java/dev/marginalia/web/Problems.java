package dev.marginalia.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * RFC 9457 problem details sent by a servlet filter, which answers before Spring MVC could (behind it,
 * {@code ResponseEntityExceptionHandler} sends them): Spring's {@link ProblemDetail}, written by Spring's own JSON
 * converter as {@code application/problem+json}, with the request's path as its {@code instance}, as Spring MVC
 * gives it.
 */
public final class Problems {

	/**
	 * The type of a plain HTTP error. Spring leaves the member out, which RFC 9457 §3.1.1 reads as this; we send it,
	 * as the API's documentation says, for clients that look for it.
	 */
	public static final URI BLANK = URI.create("about:blank");

	/** The members in RFC 9457's order (type, title, status, detail, instance), not Jackson 3's alphabetical one. */
	private static final JacksonJsonHttpMessageConverter JSON = new JacksonJsonHttpMessageConverter(
			JsonMapper.builder().disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY));

	private Problems() {
	}

	public static void send(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			try {
				problem.setInstance(URI.create(request.getRequestURI()));
			}
			catch (IllegalArgumentException ex) {
				// a path that is no URI reference: the problem goes without its instance
			}
		}
		if (problem.getType() == null) {
			problem.setType(BLANK);
		}
		response.setStatus(problem.getStatus());
		JSON.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
	}

}
