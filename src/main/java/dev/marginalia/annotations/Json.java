package dev.marginalia.annotations;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our own strict JSON reading and plain writing (Jackson 3). Strict: a repeated member name or anything after
 * the value is an error, so that this server and any other reader can never see two different annotations in
 * the same bytes.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private Json() {
	}

	/** @throws tools.jackson.core.JacksonException when the text is not one JSON value */
	static JsonNode read(String text) {
		return MAPPER.readTree(text);
	}

	/** @return the value (maps, lists, strings, numbers) as UTF-8 JSON */
	static byte[] write(Object value) {
		return MAPPER.writeValueAsBytes(value);
	}

}
