/**
 * How notes are kept: the repositories (writes apart from the read model), the writer that commits new notes in
 * groups, and the placements of an article's notes per version of it. For the notes module alone.
 */
@NullMarked
package dev.marginalia.notes.internal;

import org.jspecify.annotations.NullMarked;
