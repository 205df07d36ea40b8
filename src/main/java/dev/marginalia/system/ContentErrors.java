package dev.marginalia.system;

import dev.marginalia.content.ArticleUnavailableException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A content file that cannot be shown gives an error page for that article only (503: the operator has to
 * fix the file; the log names it and the problem). The rest of the site keeps working.
 */
@ControllerAdvice
class ContentErrors {

	@ExceptionHandler(ArticleUnavailableException.class)
	ModelAndView articleUnavailable(ArticleUnavailableException ex) {
		ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
		page.addObject("status", HttpStatus.SERVICE_UNAVAILABLE.value());
		page.addObject("error", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
		return page;
	}

}
