package dev.marginalia.moderation;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One reader's flag on a note.
 * @param noteId the note
 * @param slug its article
 * @param reason why
 * @param detail what the reader added, or null
 * @param createdAt when
 */
record Flag(String noteId, String slug, FlagReason reason, @Nullable String detail, OffsetDateTime createdAt) {
}
