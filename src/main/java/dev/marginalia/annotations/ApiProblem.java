package dev.marginalia.annotations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, answered as RFC 9457 problem details by {@link ApiProblems}. Plain HTTP errors use
 * the type {@code about:blank} (the title is then the status's reason phrase); our own types are documented at
 * {@code /api/problems.html}.
 */
class ApiProblem extends RuntimeException {

	/** 400: the request is not JSON we can read. */
	static final String MALFORMED = "malformed-request";

	/** 422: the JSON is fine, but it is not an annotation this server can store. */
	static final String INVALID = "invalid-annotation";

	/** 409: an update tries to change what cannot change (the target, the id). */
	static final String IMMUTABLE = "immutable-property";

	/** 422: an import of annotations refused as a whole (nothing stored), with each bad annotation listed. */
	static final String INVALID_IMPORT = "invalid-import";

	private final HttpStatus status;

	private final @Nullable String type;

	private final String title;

	private final Map<String, String> errors;

	private final HttpHeaders headers = new HttpHeaders();

	/** More members of the problem details (RFC 9457 §3.2), after the standard ones. */
	private final Map<String, Object> extensions = new LinkedHashMap<>();

	private ApiProblem(HttpStatus status, @Nullable String type, String title, String detail,
			Map<String, String> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.type = type;
		this.title = title;
		// in the order found (Map.copyOf would shuffle them)
		this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
	}

	/** A plain HTTP error: type {@code about:blank}. */
	static ApiProblem of(HttpStatus status, String detail) {
		return new ApiProblem(status, null, status.getReasonPhrase(), detail, Map.of());
	}

	static ApiProblem malformed(String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", detail, Map.of());
	}

	/** Field errors, by the JSON path of the field (for example {@code body.value}). */
	static ApiProblem invalid(Map<String, String> errors) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID, "Invalid annotation",
				"The annotation breaks " + (errors.size() == 1 ? "a rule" : errors.size() + " rules")
						+ ": see errors.",
				errors);
	}

	static ApiProblem invalid(String field, String message) {
		return invalid(Map.of(field, message));
	}

	static ApiProblem immutable(String field, String message) {
		return new ApiProblem(HttpStatus.CONFLICT, IMMUTABLE, "Property cannot change", message, Map.of(field, message));
	}

	/** An import refused as a whole: every problem by its JSON path, and the bad annotations in {@code items}. */
	static ApiProblem invalidImport(InvalidImportException ex) {
		ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_IMPORT, "Invalid import",
				ex.getMessage(), ex.errors());
		List<Map<String, Object>> items = ex.items();
		if (!items.isEmpty()) {
			problem.extensions.put("items", items);
		}
		return problem;
	}

	/**
	 * A target anchoring refused: 422, with the reason as its type, the {@code target} field's message, and for an
	 * ambiguous target every place it could mean ({@code candidates}: paragraph id, code point positions, the words
	 * in context; the first {@value #CANDIDATES_LISTED} in the order of the text, and {@code candidateCount} all of
	 * them), so that the client can choose and send it again.
	 */
	static ApiProblem targetRefused(dev.marginalia.anchoring.Resolution.Refused refused) {
		boolean ambiguous = refused.reason() == dev.marginalia.anchoring.Resolution.Reason.AMBIGUOUS;
		ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, ambiguous ? AMBIGUOUS_TARGET : UNMATCHED_TARGET,
				ambiguous ? "Ambiguous target" : "Target not found", refused.message(), Map.of("target", refused.message()));
		problem.extensions.put("reason", refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		if (!refused.candidates().isEmpty()) {
			problem.extensions.put("candidateCount", refused.candidates().size());
			problem.extensions.put("candidates", refused.candidates().stream().limit(CANDIDATES_LISTED).map(candidate -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("paragraph", candidate.blockId());
				item.put("start", candidate.start());
				item.put("end", candidate.end());
				item.put("context", candidate.context());
				return item;
			}).toList());
		}
		return problem;
	}

	/** How many places an ambiguous-target answer lists at most ("the" occurs over a hundred times). */
	static final int CANDIDATES_LISTED = 20;

	static final String AMBIGUOUS_TARGET = "ambiguous-target";

	static final String UNMATCHED_TARGET = "unmatched-target";

	ApiProblem withHeader(String name, String value) {
		headers.add(name, value);
		return this;
	}

	HttpStatus status() {
		return status;
	}

	@Nullable String type() {
		return type;
	}

	String title() {
		return title;
	}

	Map<String, String> errors() {
		return errors;
	}

	HttpHeaders headers() {
		return headers;
	}

	Map<String, Object> extensions() {
		return extensions;
	}

}
