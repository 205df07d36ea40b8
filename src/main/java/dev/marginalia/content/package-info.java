/** Reads content/*.md, renders it with commonmark-java and gives every block a stable id. Depends on nothing of ours but {@code hashing}. */
@NullMarked
package dev.marginalia.content;

import org.jspecify.annotations.NullMarked;
