package dev.marginalia.hostile;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A response as the hostile suite looks at it: status, headers (names in lower case) and body text. */
record Resp(int status, Map<String, List<String>> headers, String body) {

	String header(String name) {
		List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	boolean isHtml() {
		String type = header("content-type");
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
	}

	@Override
	public String toString() {
		return status + " " + headers.getOrDefault("content-type", List.of()) + " "
				+ (body.length() > 600 ? body.substring(0, 600) + "…" : body);
	}

}
