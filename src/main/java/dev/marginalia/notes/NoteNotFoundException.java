package dev.marginalia.notes;

/** There is no such note, or it is not yours to see. */
public class NoteNotFoundException extends RuntimeException {

	public NoteNotFoundException() {
		super("There is no such note, or it is not yours to see.");
	}

}
