package dev.marginalia.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A representation that is kept and sent many times: its bytes, gzip-compressed once (see {@link Gzip}), and a
 * strong tag for each (the two encodings are different representations, so their tags differ).
 * @param entityTag the quoted tag of the identity bytes
 */
public record Compressed(byte[] identity, byte[] gzip, String entityTag) {

	public static Compressed of(byte[] identity, String entityTag) {
		return new Compressed(identity, Gzip.compress(identity), entityTag);
	}

	/** @return what to send this request: the gzip bytes where its Accept-Encoding allows them */
	public Variant variant(HttpServletRequest request) {
		return AcceptEncoding.allowsGzip(request)
				? new Variant(gzip, entityTag.substring(0, entityTag.length() - 1) + "-gzip\"", "gzip")
				: new Variant(identity, entityTag, null);
	}

	/** One encoding of it: the body, its tag, and the Content-Encoding to send (null: none). */
	public record Variant(byte[] body, String entityTag, @Nullable String contentEncoding) {
	}

}
