/**
 * Who is who, as Spring Security principals: the reader, known by the author secret the request presents
 * ({@link dev.marginalia.identity.Reader}, made by {@link dev.marginalia.identity.ReaderAuthenticationFilter}; a
 * first write gets a new one from {@link dev.marginalia.identity.AuthorCookie}), and the moderator (a configured
 * account with the role {@code MODERATOR}, signed in with a form and recognised by any instance through the
 * database, locked out after too many failures). {@link dev.marginalia.identity.IdentityConfigurer} is their part
 * of the chain. The ground floor of the features: it imports none of them (only {@code hashing}, and
 * {@code limits} for the lock-out's token buckets).
 */
@NullMarked
package dev.marginalia.identity;

import org.jspecify.annotations.NullMarked;
