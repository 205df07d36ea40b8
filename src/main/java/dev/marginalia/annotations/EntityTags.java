package dev.marginalia.annotations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.hashing.Digests;
import dev.marginalia.notes.Note;
import org.jspecify.annotations.Nullable;

/** Entity tags (RFC 9110 §8.8.3) and the {@code If-Match} precondition (§13.1.1). */
final class EntityTags {

	private EntityTags() {
	}

	/**
	 * A strong tag from the note's id and version and the article's version: every change to a note (body, name,
	 * visibility, deletion) raises its version, an edit of the article can move its target (it says where the note
	 * is now), and the representation is the same in both formats, so it can take part in {@code If-Match}'s
	 * strong comparison.
	 */
	static String of(Note note, Article article) {
		return "\"" + note.id() + "-" + note.version() + "-" + article.version() + "\"";
	}

	/** A strong tag from the exact bytes and media type of a representation (containers and pages). */
	static String of(byte[] body, String mediaType) {
		return "\"" + Digests.sha256Hex(16, mediaType.getBytes(StandardCharsets.UTF_8), new byte[] {0}, body) + "\"";
	}

	/**
	 * @param ifMatch the request's {@code If-Match} field
	 * @return whether it names the current tag: {@code *}, or the tag under the strong comparison (a weak tag
	 * never matches)
	 */
	static boolean matches(String ifMatch, String current) {
		for (String tag : list(ifMatch)) {
			if (tag.equals("*") || tag.equals(current)) {
				return true;
			}
		}
		return false;
	}

	/** The tags of a comma-separated list; commas inside a quoted tag do not split it. */
	private static List<String> list(@Nullable String field) {
		List<String> tags = new ArrayList<>();
		if (field == null) {
			return tags;
		}
		StringBuilder tag = new StringBuilder();
		boolean quoted = false;
		for (char c : field.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				tags.add(tag.toString().strip());
				tag.setLength(0);
			}
			else {
				tag.append(c);
			}
		}
		tags.add(tag.toString().strip());
		return tags;
	}

}
