/**
 * Notes and replies on an article's paragraphs: the rules, the storage and the reader's identity. What other
 * features may use is public: {@link dev.marginalia.notes.NoteService} and its values.
 */
@NullMarked
package dev.marginalia.notes;

import org.jspecify.annotations.NullMarked;
