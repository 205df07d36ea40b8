package dev.marginalia.reading;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.marginalia.hashing.Digests;

/**
 * A rendered page kept as bytes, with holes for what differs per request: the CSRF token (wherever the
 * placeholder stood) and the flash message (at one marker). Filling it copies bytes; nothing is rendered.
 */
final class PageTemplate {

	private final List<byte[]> chunks = new ArrayList<>();

	private final List<Hole> holes = new ArrayList<>();

	private final int length;

	/** A digest of the rendered text, for entity tags. */
	private final String digest;

	PageTemplate(String rendered, String tokenPlaceholder, String flashMarker) {
		int at = 0;
		while (true) {
			int token = rendered.indexOf(tokenPlaceholder, at);
			int flash = rendered.indexOf(flashMarker, at);
			if (token < 0 && flash < 0) {
				break;
			}
			boolean isToken = token >= 0 && (flash < 0 || token < flash);
			int found = isToken ? token : flash;
			chunks.add(rendered.substring(at, found).getBytes(StandardCharsets.UTF_8));
			holes.add(isToken ? Hole.TOKEN : Hole.FLASH);
			at = found + (isToken ? tokenPlaceholder : flashMarker).length();
		}
		chunks.add(rendered.substring(at).getBytes(StandardCharsets.UTF_8));
		this.length = chunks.stream().mapToInt(chunk -> chunk.length).sum();
		this.digest = Digests.sha256Hex(16, rendered);
	}

	/**
	 * @param token the reader's CSRF token, HTML-escaped
	 * @param flash the flash message's HTML, or empty
	 */
	byte[] fill(String token, String flash) {
		byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
		byte[] flashBytes = flash.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream out = new ByteArrayOutputStream(length + holes.size() * tokenBytes.length + flashBytes.length);
		for (int i = 0; i < holes.size(); i++) {
			out.writeBytes(chunks.get(i));
			out.writeBytes(holes.get(i) == Hole.TOKEN ? tokenBytes : flashBytes);
		}
		out.writeBytes(chunks.get(chunks.size() - 1));
		return out.toByteArray();
	}

	/** @return a strong entity tag for the page filled with this token and flash */
	String entityTag(String token, String flash) {
		return "\"" + Digests.sha256Hex(16, digest + "\u0000" + token + "\u0000" + flash) + "\"";
	}

	/** @return the size in bytes, for the cache's weigher */
	int length() {
		return length;
	}

	private enum Hole {

		TOKEN, FLASH

	}

}
