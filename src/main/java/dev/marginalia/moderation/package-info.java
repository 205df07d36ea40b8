/**
 * Moderation: the moderator's sign-in page (the sign-in itself is Spring Security's, set up by
 * {@link dev.marginalia.identity.IdentityConfigurer}), readers' flags, the moderation queue, hiding, showing and
 * deleting any public note, and the import of notes from a form.
 */
@NullMarked
package dev.marginalia.moderation;

import org.jspecify.annotations.NullMarked;
