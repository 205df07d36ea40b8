/**
 * Moderation: the moderator's sign-in (configured credentials, a hashed password, lock-out after failures, a
 * fresh random token in a cookie, checked in the database by any instance), readers' flags, the moderation
 * queue, hiding, showing and deleting any public note, and the import of notes from a form.
 */
@NullMarked
package dev.marginalia.moderation;

import org.jspecify.annotations.NullMarked;
