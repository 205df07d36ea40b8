package dev.marginalia.annotations;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What a client wants in a container's representation, from the {@code Prefer} header (RFC 7240, Protocol §4.2):
 * {@code return=representation; include="..."} with {@code ldp#PreferMinimalContainer} (no annotations, links to
 * the pages only), {@code oa#PreferContainedIRIs} or {@code oa#PreferContainedDescriptions} (the default).
 * @param minimal only the container's description and links to its pages
 * @param iris the pages list annotation IRIs rather than whole annotations
 * @param applied whether the request stated a preference that this answer honours
 */
record ContainerPreference(boolean minimal, boolean iris, boolean applied) {

	/**
	 * @param irisParameter the {@code iris} query parameter (0 or 1) of a container view, when given
	 * @throws ApiProblem 400 when the client asks for both IRIs and descriptions, which it MUST NOT
	 */
	static ContainerPreference of(HttpServletRequest request, @Nullable Boolean irisParameter) {
		Set<String> include = included(Collections.list(request.getHeaders("Prefer")));
		boolean iris = include.contains(Vocabulary.PREFER_CONTAINED_IRIS);
		boolean descriptions = include.contains(Vocabulary.PREFER_CONTAINED_DESCRIPTIONS);
		if (iris && descriptions) {
			throw ApiProblem.malformed("Prefer either PreferContainedIRIs or PreferContainedDescriptions, not both.");
		}
		boolean minimal = include.contains(Vocabulary.PREFER_MINIMAL_CONTAINER);
		boolean chosen = iris || descriptions;
		return new ContainerPreference(minimal, chosen ? iris : Boolean.TRUE.equals(irisParameter),
				chosen || minimal);
	}

	/** The IRIs in the {@code include} parameter of every {@code return=representation} preference. */
	private static Set<String> included(List<String> headers) {
		Set<String> iris = new HashSet<>();
		for (String header : headers) {
			for (String preference : splitOutsideQuotes(header, ',')) {
				List<String> parts = splitOutsideQuotes(preference, ';');
				if (!parts.get(0).strip().replace(" ", "").equalsIgnoreCase("return=representation")) {
					continue;
				}
				for (String parameter : parts.subList(1, parts.size())) {
					int equals = parameter.indexOf('=');
					if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("include")) {
						String value = parameter.substring(equals + 1).strip();
						if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
							value = value.substring(1, value.length() - 1);
						}
						for (String iri : value.strip().split("\\s+")) {
							iris.add(iri);
						}
					}
				}
			}
		}
		return iris;
	}

	private static List<String> splitOutsideQuotes(String text, char separator) {
		List<String> parts = new java.util.ArrayList<>();
		StringBuilder part = new StringBuilder();
		boolean quoted = false;
		for (char c : text.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == separator && !quoted) {
				parts.add(part.toString());
				part.setLength(0);
			}
			else {
				part.append(c);
			}
		}
		parts.add(part.toString());
		return parts;
	}

}
