package dev.marginalia.system;

import dev.marginalia.content.ArticleUnavailableException;
import dev.marginalia.web.ErrorPages;

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
		return ErrorPages.of(HttpStatus.SERVICE_UNAVAILABLE);
	}

}
