/**
 * Shared ground for the features that serve pages and the API: representations kept compressed once and sent as
 * they are ({@link dev.marginalia.web.Compressed}, {@link dev.marginalia.web.Gzip}), and what a request accepts
 * ({@link dev.marginalia.web.AcceptEncoding}). It imports no feature.
 */
@NullMarked
package dev.marginalia.web;

import org.jspecify.annotations.NullMarked;
