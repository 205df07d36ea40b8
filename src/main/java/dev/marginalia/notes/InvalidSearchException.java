package dev.marginalia.notes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A search a reader asked for breaks a rule; each problem is named by the field (query parameter) it belongs to. */
public class InvalidSearchException extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidSearchException(Map<String, String> errors) {
		super(String.join(" ", errors.values()));
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/** @return field name to message, for the form or the problem details */
	public Map<String, String> errors() {
		return errors;
	}

}
