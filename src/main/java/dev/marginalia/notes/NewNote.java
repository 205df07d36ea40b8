package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * What a reader submits to write a note or a reply, as typed: the service checks every field.
 * @param body Markdown, 1 to 10,000 characters
 * @param authorName an optional display name, at most 80 characters
 * @param visibility "public" (default) or "private"
 */
public record NewNote(@Nullable String body, @Nullable String authorName, @Nullable String visibility) {
}
