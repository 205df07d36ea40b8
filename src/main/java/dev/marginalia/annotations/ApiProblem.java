package dev.marginalia.annotations;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.marginalia.anchoring.Resolution;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the API refuses: Spring's {@link ErrorResponseException}, whose {@link ProblemDetail} {@link ApiProblems}
 * sends as RFC 9457 problem details. Plain HTTP errors use the type {@code about:blank} (the title is then the
 * status's reason phrase); our own types are documented at {@code /api/problems.html}, referred to relative to the
 * site here and made absolute when sent. Field errors are the member {@code errors}, by the JSON path of the field.
 */
class ApiProblem extends ErrorResponseException {

	/** 400: the request is not JSON we can read. */
	static final String MALFORMED = "malformed-request";

	/** 422: the JSON is fine, but it is not an annotation this server can store. */
	static final String INVALID = "invalid-annotation";

	/** 409: an update tries to change what cannot change (the target, the id). */
	static final String IMMUTABLE = "immutable-property";

	/** 422: an import of annotations refused as a whole (nothing stored), with each bad annotation listed. */
	static final String INVALID_IMPORT = "invalid-import";

	static final String AMBIGUOUS_TARGET = "ambiguous-target";

	static final String UNMATCHED_TARGET = "unmatched-target";

	/** How many places an ambiguous-target answer lists at most ("the" occurs over a hundred times). */
	static final int CANDIDATES_LISTED = 20;

	/** Where the API's own problem types are described, relative to the site. */
	static final String TYPES = "/api/problems.html";

	private ApiProblem(HttpStatus status, @Nullable String type, @Nullable String title, String detail) {
		super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
		if (type != null) {
			setType(URI.create(TYPES + "#" + type));
			setTitle(title);
		}
	}

	/** A plain HTTP error: type {@code about:blank}. */
	static ApiProblem of(HttpStatus status, String detail) {
		return new ApiProblem(status, null, null, detail);
	}

	static ApiProblem malformed(String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request", detail);
	}

	/** 400: query parameters that break a rule, each message by the parameter's name. */
	static ApiProblem badParameters(Map<String, String> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, MALFORMED, "Malformed request",
				String.join(" ", errors.values())).withErrors(errors);
	}

	/** Field errors, by the JSON path of the field (for example {@code body.value}). */
	static ApiProblem invalid(Map<String, String> errors) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID, "Invalid annotation",
				"The annotation breaks " + (errors.size() == 1 ? "a rule" : errors.size() + " rules") + ": see errors.")
			.withErrors(errors);
	}

	static ApiProblem invalid(String field, String message) {
		return invalid(Map.of(field, message));
	}

	static ApiProblem immutable(String field, String message) {
		return new ApiProblem(HttpStatus.CONFLICT, IMMUTABLE, "Property cannot change", message)
			.withErrors(Map.of(field, message));
	}

	/** An import refused as a whole: every problem by its JSON path, and the bad annotations in {@code items}. */
	static ApiProblem invalidImport(InvalidImportException ex) {
		ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, INVALID_IMPORT, "Invalid import",
				String.valueOf(ex.getMessage()))
			.withErrors(ex.errors());
		List<Map<String, Object>> items = ex.items();
		return items.isEmpty() ? problem : problem.with("items", items);
	}

	/**
	 * A target anchoring refused: 422, with the reason as its type, the {@code target} field's message, and for an
	 * ambiguous target every place it could mean ({@code candidates}: paragraph id, code point positions, the words
	 * in context; the first {@value #CANDIDATES_LISTED} in the order of the text, and {@code candidateCount} all of
	 * them), so that the client can choose and send it again.
	 */
	static ApiProblem targetRefused(Resolution.Refused refused) {
		boolean ambiguous = refused.reason() == Resolution.Reason.AMBIGUOUS;
		ApiProblem problem = new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
				ambiguous ? AMBIGUOUS_TARGET : UNMATCHED_TARGET, ambiguous ? "Ambiguous target" : "Target not found",
				refused.message())
			.withErrors(Map.of("target", refused.message()))
			.with("reason", refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		if (refused.candidates().isEmpty()) {
			return problem;
		}
		return problem.with("candidateCount", refused.candidates().size())
			.with("candidates", refused.candidates().stream().limit(CANDIDATES_LISTED).map(candidate -> {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("paragraph", candidate.blockId());
				item.put("start", candidate.start());
				item.put("end", candidate.end());
				item.put("context", candidate.context());
				return item;
			}).toList());
	}

	ApiProblem withHeader(String name, String value) {
		getHeaders().add(name, value);
		return this;
	}

	/** The member {@code errors}: each field's message by its JSON path, in the order given. */
	private ApiProblem withErrors(Map<String, String> errors) {
		return errors.isEmpty() ? this : with("errors", Collections.unmodifiableMap(new LinkedHashMap<>(errors)));
	}

	/** One more member of the problem details (RFC 9457 §3.2), after the standard ones, in the order added. */
	private ApiProblem with(String member, Object value) {
		getBody().setProperty(member, value);
		return this;
	}

	/** A refusal is an answer, not a fault: no stack trace to fill. */
	@Override
	public synchronized Throwable fillInStackTrace() {
		return this;
	}

}
