/**
 * What every request passes through, and nothing a feature owns: Spring Security (CSRF, CORS, headers) and the
 * refusal of cross-site writes; the database's faults (fail fast, the bulkhead, 503 with Retry-After, waiting for
 * it at start); the refusal of HTTP/0.9 and of oversized bodies; errors; static assets; the clock, scheduling and
 * the start-up training run. The shared web parts the features use (kept compressed representations) are in
 * {@code dev.marginalia.web}.
 */
@NullMarked
package dev.marginalia.system;

import org.jspecify.annotations.NullMarked;
