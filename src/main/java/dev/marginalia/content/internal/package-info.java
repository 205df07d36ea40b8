/**
 * How an article file becomes an {@link dev.marginalia.content.Article}: the Markdown parsed with commonmark-java,
 * its front matter, its blocks given ids, its body rendered. For the content module alone.
 */
@NullMarked
package dev.marginalia.content.internal;

import org.jspecify.annotations.NullMarked;
