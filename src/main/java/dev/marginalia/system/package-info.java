/**
 * What every request passes through, and nothing a feature owns: Spring Security (CSRF, CORS, headers) and the
 * refusal of cross-site writes; the database's faults (fail fast, the bulkhead, 503 with Retry-After, waiting for
 * it at start); the refusal of HTTP/0.9 and of oversized bodies; errors; gzip and static assets; the clock,
 * scheduling and the start-up training run. Issue 18 moves the shared web parts (gzip, kept representations) to a
 * package of their own.
 */
@NullMarked
package dev.marginalia.system;

import org.jspecify.annotations.NullMarked;
