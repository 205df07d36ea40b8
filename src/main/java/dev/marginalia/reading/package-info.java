/** The pages a reader sees: the index, the article, the paragraph share page. */
@NullMarked
package dev.marginalia.reading;

import org.jspecify.annotations.NullMarked;
