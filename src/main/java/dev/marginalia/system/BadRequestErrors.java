package dev.marginalia.system;

import dev.marginalia.web.ErrorPages;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Form data that cannot be decoded (invalid UTF-8, broken percent-escapes) is the client's mistake: a 400
 * page, and no stack trace in the operator's log.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadRequestErrors {

	@ExceptionHandler(InvalidParameterException.class)
	ModelAndView undecodableForm() {
		return ErrorPages.of(HttpStatus.BAD_REQUEST);
	}

}
