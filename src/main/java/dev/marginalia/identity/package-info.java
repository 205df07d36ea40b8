/**
 * Who is who, as Spring Security principals: the moderator (a configured account with the role
 * {@code MODERATOR}, signed in with a form and recognised by any instance through the database, locked out after
 * too many failures) and, later, the reader's author secret. The ground floor of the features: it imports none of
 * them (only {@code hashing}, and {@code limits} for the lock-out's token buckets).
 */
@NullMarked
package dev.marginalia.identity;

import org.jspecify.annotations.NullMarked;
