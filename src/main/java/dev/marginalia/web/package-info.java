/**
 * Shared ground for the features that serve pages and the API: representations kept compressed once and sent as
 * they are ({@link dev.marginalia.web.Compressed}, {@link dev.marginalia.web.Gzip}), what a request accepts
 * ({@link dev.marginalia.web.AcceptEncoding}), RFC 9457 problem details sent ahead of Spring MVC
 * ({@link dev.marginalia.web.Problems}) and the site's error page ({@link dev.marginalia.web.ErrorPages}). It
 * imports no feature.
 */
@NullMarked
package dev.marginalia.web;

import org.jspecify.annotations.NullMarked;
