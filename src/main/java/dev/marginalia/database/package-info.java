/**
 * The database's faults, answered honestly: waiting for it at start-up (and failing with a clear analysis when it
 * never comes), telling an unavailable database from other failures ({@link
 * dev.marginalia.database.DatabaseFailures}), and the 503 with {@code Retry-After} that a request gets meanwhile. A
 * ground floor: it imports no feature.
 */
@NullMarked
package dev.marginalia.database;

import org.jspecify.annotations.NullMarked;
