package dev.marginalia.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/** The request's Accept-Encoding field (RFC 9110 §12.5.3), as far as gzip goes. */
public final class AcceptEncoding {

	private AcceptEncoding() {
	}

	/** @return whether the client takes gzip: named (or {@code *}) with a non-zero weight */
	public static boolean allowsGzip(HttpServletRequest request) {
		String field = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
		if (field == null) {
			return false;
		}
		for (String item : field.split(",")) {
			String[] parts = item.split(";");
			String coding = parts[0].strip().toLowerCase(Locale.ROOT);
			if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("*")) {
				continue;
			}
			boolean refused = false;
			for (int i = 1; i < parts.length; i++) {
				String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
				if (parameter.startsWith("q=")) {
					try {
						refused = Double.parseDouble(parameter.substring(2)) <= 0;
					}
					catch (NumberFormatException ex) {
						refused = true;
					}
				}
			}
			if (!refused) {
				return true;
			}
		}
		return false;
	}

}
