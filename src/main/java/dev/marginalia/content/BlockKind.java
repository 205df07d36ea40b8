package dev.marginalia.content;

/** The sorts of block a reader can link to and annotate. */
public enum BlockKind {

	HEADING, PARAGRAPH, LIST_ITEM, CODE

}
