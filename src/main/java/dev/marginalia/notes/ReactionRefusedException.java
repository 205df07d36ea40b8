package dev.marginalia.notes;

import org.springframework.http.HttpStatus;

/**
 * A reaction the note does not take, told to someone who may see the note (everyone else is told it does not
 * exist): the reader's own note (403), a private one (only its author sees it) or one the moderator hid (409).
 */
public class ReactionRefusedException extends RuntimeException {

	private final HttpStatus status;

	ReactionRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

}
