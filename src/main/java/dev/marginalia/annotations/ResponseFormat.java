package dev.marginalia.annotations;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The two ways we serve an annotation or a container: JSON-LD with the Web Annotation profile (Protocol §2: servers
 * MUST support it, and a request without {@code Accept} MUST get it), or the same document as plain JSON for
 * clients that ask for {@code application/json} only.
 */
enum ResponseFormat {

	JSON_LD(Vocabulary.ANNOTATION_JSON_LD), JSON(MediaType.APPLICATION_JSON);

	private final MediaType mediaType;

	ResponseFormat(MediaType mediaType) {
		this.mediaType = mediaType;
	}

	MediaType mediaType() {
		return mediaType;
	}

	/**
	 * @return the format the request's {@code Accept} prefers; JSON-LD when it has none, names neither more
	 * highly, or cannot be parsed
	 * @throws ApiProblem 406 when it accepts neither. Spring refuses most such requests before (the mappings'
	 * {@code produces}); what reaches this is an {@code Accept} that refuses both by {@code q=0} and takes
	 * anything else ({@code *}{@code /*}), which Spring's matching does not read
	 */
	static ResponseFormat negotiate(HttpServletRequest request) {
		List<String> values = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
		if (values.isEmpty() || String.join("", values).isBlank()) {
			return JSON_LD;
		}
		List<MediaType> ranges;
		try {
			ranges = MediaType.parseMediaTypes(values);
		}
		catch (InvalidMediaTypeException ex) {
			return JSON_LD;
		}
		double jsonLd = quality(ranges, Vocabulary.JSON_LD);
		double json = quality(ranges, MediaType.APPLICATION_JSON);
		if (jsonLd <= 0 && json <= 0) {
			throw ApiProblem.of(HttpStatus.NOT_ACCEPTABLE,
					"This resource is served as " + Vocabulary.ANNOTATION_JSON_LD + " or application/json.");
		}
		return json > jsonLd ? JSON : JSON_LD;
	}

	/** The quality the most specific matching range gives the type (RFC 9110 §12.5.1). */
	private static double quality(List<MediaType> ranges, MediaType type) {
		double quality = 0;
		int specificity = -1;
		for (MediaType range : ranges) {
			if (!range.includes(type)) {
				continue;
			}
			int rangeSpecificity = range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
			if (rangeSpecificity > specificity) {
				specificity = rangeSpecificity;
				quality = range.getQualityValue();
			}
		}
		return quality;
	}

}
