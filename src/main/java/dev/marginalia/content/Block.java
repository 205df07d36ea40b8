package dev.marginalia.content;

/**
 * One annotatable block of an article: a heading, a paragraph, a list item or a code block.
 * @param id the block's stable id (see {@link BlockIds})
 * @param kind what sort of block it is
 * @param position its index among the article's blocks, from 0 (readers count otherwise: {@link Article#label})
 * @param text its plain text, whitespace collapsed
 */
public record Block(String id, BlockKind kind, int position, String text) {
}
