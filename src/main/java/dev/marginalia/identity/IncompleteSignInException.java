package dev.marginalia.identity;

import java.util.List;

import org.springframework.security.core.AuthenticationException;

/** A sign-in form with a field empty or too long: refused before any check, and not counted as a failure. */
public final class IncompleteSignInException extends AuthenticationException {

	/** The longest username or password the form takes. */
	public static final int MAX_FIELD = 200;

	private final List<String> fields;

	IncompleteSignInException(List<String> fields) {
		super("Incomplete sign-in: " + fields);
		this.fields = List.copyOf(fields);
	}

	/** @return the fields to fill in: {@code username}, {@code password} */
	public List<String> fields() {
		return fields;
	}

}
