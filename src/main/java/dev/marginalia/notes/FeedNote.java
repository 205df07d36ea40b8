package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * A public note or reply as a feed shows it.
 * @param note the note or reply: public, neither deleted nor hidden (nor a reply to a hidden note)
 * @param parent for a reply, the note it answers (a tombstone when its author deleted it); null for a note
 * @param blockId the paragraph its thread is on in the article's current version, or null when its text left the
 * article (or it is not placed yet)
 */
public record FeedNote(Note note, @Nullable Note parent, @Nullable String blockId) {

	/** @return the passage the note (or, for a reply, its note) is on, or null for a whole paragraph */
	public @Nullable String quote() {
		Note thread = parent != null ? parent : note;
		return thread.quote() == null ? null : thread.quote().exact();
	}

	/** @return the text of the paragraph the thread was written on, as it was then */
	public String paragraphText() {
		return (parent != null ? parent : note).blockText();
	}

}
