/**
 * The W3C Web Annotation Protocol for notes: one LDP Basic Container per article at
 * {@code /api/articles/{slug}/annotations/}, paged with Activity Streams pages, and the notes as Web Annotation
 * Data Model JSON-LD. The rules of notes stay in {@link dev.marginalia.notes.NoteCommands}: this package
 * translates between HTTP and JSON-LD and the service, and nothing else.
 *
 * @see <a href="https://www.w3.org/TR/annotation-protocol/">Web Annotation Protocol</a>
 * @see <a href="https://www.w3.org/TR/annotation-model/">Web Annotation Data Model</a>
 */
@NullMarked
package dev.marginalia.annotations;

import org.jspecify.annotations.NullMarked;
