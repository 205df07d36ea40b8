/**
 * SHA-256 and its hex, the one place the application hashes (entity tags, versions, anchor keys, stored secrets),
 * and the random keys that begin with their time (note ids, author secrets).
 * Depends on nothing of ours, so that every feature may use it.
 */
@NullMarked
package dev.marginalia.hashing;

import org.jspecify.annotations.NullMarked;
