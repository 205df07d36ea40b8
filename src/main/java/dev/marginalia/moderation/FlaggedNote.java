package dev.marginalia.moderation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import dev.marginalia.notes.Note;

/**
 * A note in the moderation queue.
 * @param note the note, hidden or not
 * @param reasons each reason given, with how many readers gave it (most first)
 * @param details what readers added, newest first
 * @param flags how many readers flagged it
 * @param lastFlagged when it was last flagged
 */
record FlaggedNote(Note note, Map<FlagReason, Integer> reasons, List<String> details, int flags,
		OffsetDateTime lastFlagged) {
}
