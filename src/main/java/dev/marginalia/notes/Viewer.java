package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * Who is looking at notes: a reader (with or without an author secret), or the signed-in moderator, who also
 * sees the notes they hid, marked "Hidden". Private notes stay their author's, even from the moderator.
 * @param author the author secret the request presents, or null
 * @param isModerator whether the request carries the moderator's sign-in (pages served to them are not shared)
 */
public record Viewer(@Nullable Author author, boolean isModerator) {

	public static final Viewer ANONYMOUS = new Viewer(null, false);

	/** @return a reader (null: one without an author secret), never the moderator */
	public static Viewer reader(@Nullable Author author) {
		return new Viewer(author, false);
	}

	@Nullable String authorHash() {
		return author == null ? null : author.secretHash();
	}

}
