package dev.marginalia.annotations;

import java.nio.charset.StandardCharsets;

import dev.marginalia.content.Article;
import dev.marginalia.hashing.Digests;
import dev.marginalia.notes.Note;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.ServletWebRequest;

/** Entity tags (RFC 9110 §8.8.3) and the preconditions of a write (§13.1). */
final class EntityTags {

	private EntityTags() {
	}

	/**
	 * A strong tag from the note's id and version and the article's version, and how many readers found it useful
	 * (when any did): every change to a note (body, name, visibility, deletion) raises its version, an edit of the
	 * article can move its target (it says where the note is now), a reader's "useful" changes its count, and the
	 * representation is the same in both formats, so it can take part in {@code If-Match}'s strong comparison.
	 */
	static String of(Note note, Article article) {
		return "\"" + note.id() + "-" + note.version() + "-" + article.version()
				+ (note.useful() > 0 ? "-u" + note.useful() : "") + "\"";
	}

	/** A strong tag from the exact bytes and media type of a representation (containers and pages). */
	static String of(byte[] body, String mediaType) {
		return "\"" + Digests.sha256Hex(16, mediaType.getBytes(StandardCharsets.UTF_8), new byte[] {0}, body) + "\"";
	}

	/**
	 * The preconditions of a write (RFC 9110 §13.2.2), evaluated by Spring's
	 * {@link ServletWebRequest#checkNotModified(String)}.
	 * @return whether they fail for a resource whose tag is {@code current}: an {@code If-Match} that names neither
	 * {@code *} nor the tag under the strong comparison (a weak tag never matches), or an {@code If-None-Match} that
	 * names it; none sent, none fails
	 */
	static boolean preconditionFails(HttpServletRequest request, String current) {
		return new ServletWebRequest(request).checkNotModified(current);
	}

}
