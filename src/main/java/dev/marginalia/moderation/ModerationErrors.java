package dev.marginalia.moderation;

import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.web.ErrorPages;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The moderation pages' answers: moderation off is a 404 page that says so; a moderator page without the
 * sign-in sends to the sign-in page (nothing done); a missing note is the site's 404.
 */
@ControllerAdvice(assignableTypes = { SignInController.class, ModerationController.class, FlagController.class })
class ModerationErrors {

	static final String OFF_VIEW = "moderation/off";

	@ExceptionHandler(ModerationOffException.class)
	ModelAndView off() {
		return new ModelAndView(OFF_VIEW, HttpStatus.NOT_FOUND);
	}

	@ExceptionHandler(SignInRequiredException.class)
	ModelAndView signIn() {
		RedirectView view = new RedirectView(SignInController.PATH, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(view);
	}

	@ExceptionHandler(NoteNotFoundException.class)
	ModelAndView notFound() {
		return ErrorPages.of(HttpStatus.NOT_FOUND);
	}

}
