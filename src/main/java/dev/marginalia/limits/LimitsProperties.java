package dev.marginalia.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast one client (one network address) may write: notes, replies, edits, deletions, imports.
 * @param writesPerMinute {@code marginalia.limits.writes-per-minute}, default 20
 * @param writesPerDay {@code marginalia.limits.writes-per-day}, default 200
 * @see dev.marginalia.notes.NoteCommands the cap of notes per paragraph per author,
 * {@code marginalia.limits.notes-per-paragraph} (default 50)
 */
@ConfigurationProperties("marginalia.limits")
record LimitsProperties(@DefaultValue("20") long writesPerMinute, @DefaultValue("200") long writesPerDay) {
}
