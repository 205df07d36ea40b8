package dev.marginalia.notes;

/** The note has changed since you loaded it. */
public class NoteConflictException extends RuntimeException {

	public NoteConflictException() {
		super("The note has changed since you loaded it.");
	}

}
