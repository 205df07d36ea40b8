/**
 * The pages a reader sees: the index, the article (rendered once per version of its notes and kept, served to
 * readers without cookies by the shared-page filter), the paragraph share page with its link preview, and the
 * article's highlights and old paragraph ids (link history); the shape of the public conversation drawn on the page
 * (the top passages, the density strip).
 */
@NullMarked
package dev.marginalia.reading;

import org.jspecify.annotations.NullMarked;
