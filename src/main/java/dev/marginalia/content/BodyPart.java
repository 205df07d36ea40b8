package dev.marginalia.content;

import org.jspecify.annotations.Nullable;

/**
 * A piece of an article's rendered body: HTML that ends just inside the wrapper of {@code block}, where the
 * page adds that block's own controls (permalink, notes). The last part of a body has no block.
 * @param html rendered, trusted HTML (the article's Markdown with raw HTML escaped)
 * @param block the block whose controls follow the HTML, or null for the closing part
 */
public record BodyPart(String html, @Nullable Block block) {
}
