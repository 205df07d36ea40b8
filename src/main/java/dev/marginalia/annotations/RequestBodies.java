package dev.marginalia.annotations;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads the JSON of a POST or PUT, checking everything before it reaches the rules: the media type (415), the
 * size (413: at most 64 KB, or 5 MB for an import, never buffered beyond that), strict UTF-8 (400) and well-formed
 * JSON (400).
 */
final class RequestBodies {

	static final int MAX_BYTES = 64 * 1024;

	/** JSON-LD's own profile for compacted documents: the form our parser understands, like the annotation one. */
	private static final String COMPACTED = "http://www.w3.org/ns/json-ld#compacted";

	private RequestBodies() {
	}

	static JsonNode readJson(HttpServletRequest request) {
		return readJson(request, MAX_BYTES);
	}

	/**
	 * @param maxBytes the most this request may carry (the declared length is checked first, then at most one byte
	 * more than this is read)
	 */
	static JsonNode readJson(HttpServletRequest request, int maxBytes) {
		checkMediaType(request.getContentType());
		if (request.getContentLengthLong() > maxBytes) {
			throw tooLarge(maxBytes);
		}
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(maxBytes + 1);
		}
		catch (IOException ex) {
			throw ApiProblem.malformed("The request body could not be read.");
		}
		if (bytes.length > maxBytes) {
			throw tooLarge(maxBytes);
		}
		String text = utf8(bytes);
		if (text.isBlank()) {
			throw ApiProblem.malformed("The request has no body: send the JSON.");
		}
		try {
			return Json.read(text);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			throw ApiProblem.malformed("The body is not well-formed JSON"
					+ (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
		}
	}

	/** JSON-LD or plain JSON, in UTF-8 (RFC 8259 §8.1); anything else is 415. */
	private static void checkMediaType(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			throw unsupported("The request has no Content-Type.");
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw unsupported("The Content-Type cannot be parsed.");
		}
		boolean jsonLd = type.equalsTypeAndSubtype(Vocabulary.JSON_LD);
		if (!jsonLd && !type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
			throw unsupported("Send " + Vocabulary.ACCEPTED_REQUEST_TYPES + ", not " + type.getType() + "/"
					+ type.getSubtype() + ".");
		}
		if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
			throw unsupported("JSON is sent in UTF-8, not " + type.getCharset() + ".");
		}
		String profile = type.getParameter("profile");
		if (jsonLd && profile != null) {
			List<String> profiles = List.of(unquote(profile).strip().split("\\s+"));
			if (!profiles.contains(Vocabulary.ANNO_CONTEXT) && !profiles.contains(COMPACTED)) {
				throw unsupported("This server reads the Web Annotation JSON-LD profile (" + Vocabulary.ANNO_CONTEXT
						+ ") only.");
			}
		}
	}

	private static String utf8(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			// RFC 8259 §8.1: a parser MAY ignore a byte order mark
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw ApiProblem.malformed("The body is not valid UTF-8.");
		}
	}

	private static String unquote(String value) {
		return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
				? value.substring(1, value.length() - 1) : value;
	}

	private static ApiProblem tooLarge(int maxBytes) {
		String limit = maxBytes >= 1024 * 1024 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
		return ApiProblem.of(HttpStatus.CONTENT_TOO_LARGE, "This request can be at most " + limit + ".");
	}

	private static ApiProblem unsupported(String detail) {
		return ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail)
			.withHeader("Accept-Post", Vocabulary.ACCEPTED_REQUEST_TYPES);
	}

}
