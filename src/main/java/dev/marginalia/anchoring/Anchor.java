package dev.marginalia.anchoring;

import org.jspecify.annotations.Nullable;

/**
 * Where a note was written: what re-anchoring looks for in a later version of the article.
 * @param blockId the paragraph's id then
 * @param blockPosition its position then
 * @param blockText its text then
 * @param quote for a passage note, the passage; else null
 */
public record Anchor(String blockId, int blockPosition, String blockText, @Nullable TextQuote quote) {
}
