package dev.marginalia.notes;

/** Only the author of a note can change it. */
public class NoteForbiddenException extends RuntimeException {

	public NoteForbiddenException() {
		super("Only the author of a note can change it.");
	}

}
