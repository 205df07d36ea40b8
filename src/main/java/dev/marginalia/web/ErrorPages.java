package dev.marginalia.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The site's error page ({@code templates/error.html}) as an exception handler of the HTML pages answers with it:
 * the status and its reason phrase, the model Spring Boot's own error page gives the same template.
 */
public final class ErrorPages {

	public static final String VIEW = "error";

	private ErrorPages() {
	}

	public static ModelAndView of(HttpStatus status) {
		ModelAndView page = new ModelAndView(VIEW, status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		return page;
	}

	/** The error page saying what was wrong with the request, in place of the general advice. */
	public static ModelAndView of(HttpStatus status, String detail) {
		return of(status).addObject("detail", detail);
	}

}
