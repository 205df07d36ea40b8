package dev.marginalia.anchoring;

/** A passage inside a paragraph's text, in Unicode code points, end exclusive. */
public record CodePointRange(int start, int end) {
}
