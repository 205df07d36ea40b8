package dev.marginalia.notes;

import dev.marginalia.web.ErrorPages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** The HTML pages' answers to a missing note (404) and to someone else's (403), in the site's error page. */
@ControllerAdvice(assignableTypes = { NotePagesController.class, NoteExportController.class, NoteSearchController.class,
		NoteInPlaceController.class, ReactionController.class })
class NoteErrors {

	@ExceptionHandler(NoteNotFoundException.class)
	ModelAndView notFound() {
		return ErrorPages.of(HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(NoteForbiddenException.class)
	ModelAndView forbidden() {
		return ErrorPages.of(HttpStatus.FORBIDDEN);
	}

}
