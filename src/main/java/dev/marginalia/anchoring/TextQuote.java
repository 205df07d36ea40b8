package dev.marginalia.anchoring;

/**
 * A passage of a paragraph as the W3C TextQuoteSelector and TextPositionSelector describe it: its words, up to
 * 32 code points of context either side (within the paragraph), and its position in the paragraph's text in
 * Unicode code points, end exclusive.
 */
public record TextQuote(String exact, String prefix, String suffix, int start, int end) {
}
