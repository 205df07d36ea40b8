package dev.marginalia.moderation;

import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.web.ErrorPages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The moderation pages' answers: moderation off is a 404 page that says so; a missing note is the site's 404. (A
 * moderator page without the sign-in never gets here: Spring Security sends it to the sign-in page.)
 */
@ControllerAdvice(assignableTypes = { SignInController.class, ModerationController.class, FlagController.class })
class ModerationErrors {

	static final String OFF_VIEW = "moderation/off";

	@ExceptionHandler(ModerationOffException.class)
	ModelAndView off() {
		return new ModelAndView(OFF_VIEW, HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(NoteNotFoundException.class)
	ModelAndView notFound() {
		return ErrorPages.of(HttpStatus.NOT_FOUND);
	}

}
