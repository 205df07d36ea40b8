/**
 * Notes and replies on an article's paragraphs: the rules, the storage, the reader as an author ({@link
 * dev.marginalia.notes.Readers}, from the principal {@code identity} makes of their secret). What other features
 * may use is public: {@link dev.marginalia.notes.NoteService} and its values.
 */
@NullMarked
package dev.marginalia.notes;

import org.jspecify.annotations.NullMarked;
