package dev.marginalia.notes;

import dev.marginalia.web.ErrorPages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page asked to sort its notes by what there is no sort by (the article page, the notes pages): 400, the site's
 * error page saying which sorts there are, rather than the default order under a URL that says otherwise.
 */
@ControllerAdvice
class SortErrors {

	@ExceptionHandler(UnknownSortException.class)
	ModelAndView unknownSort(UnknownSortException ex) {
		return ErrorPages.of(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
	}

}
