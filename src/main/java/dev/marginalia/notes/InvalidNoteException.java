package dev.marginalia.notes;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a reader wrote breaks a rule; each problem is named by the field it belongs to. */
public class InvalidNoteException extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidNoteException(Map<String, String> errors) {
		super(String.join(" ", errors.values()));
		this.errors = Map.copyOf(new LinkedHashMap<>(errors));
	}

	public InvalidNoteException(String field, String message) {
		this(Map.of(field, message));
	}

	/** @return field name to message, for the form or the problem details */
	public Map<String, String> errors() {
		return errors;
	}

}
