package dev.marginalia.notes;

/** A {@code ?sort=} the notes cannot be sorted by: the page answers 400 and says which sorts there are. */
public class UnknownSortException extends RuntimeException {

	public UnknownSortException(String value) {
		super("The notes cannot be sorted by “" + (value.length() > 40 ? value.substring(0, 40) + "…" : value)
				+ "”: sort is position, newest, replies or useful.");
	}

}
