package dev.marginalia.notes;

import java.util.List;

/**
 * A note with its replies, oldest first.
 * @param note the note (a tombstone when deleted but replied to)
 * @param replies the replies the viewer may see
 */
public record NoteThread(Note note, List<Note> replies) {
}
