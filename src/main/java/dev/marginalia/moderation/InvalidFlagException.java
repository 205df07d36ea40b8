package dev.marginalia.moderation;

import java.util.Map;

import org.springframework.http.HttpStatus;

/** A flag refused: what is wrong, by form field, and the status to answer with (nothing was stored). */
class InvalidFlagException extends RuntimeException {

	private final Map<String, String> errors;

	private final HttpStatus status;

	InvalidFlagException(HttpStatus status, String field, String message) {
		super(message, null, false, false);
		this.errors = Map.of(field, message);
		this.status = status;
	}

	Map<String, String> errors() {
		return errors;
	}

	HttpStatus status() {
		return status;
	}

}
