package dev.marginalia.anchoring;

import dev.marginalia.content.Block;
import org.jspecify.annotations.Nullable;

/**
 * Where a note is now.
 * @param block the paragraph
 * @param method how it was found
 * @param score the similarity that found it, 0 to 1
 * @param range for a passage note, the passage inside the paragraph in code points; else null
 */
public record Placement(Block block, Method method, double score, @Nullable CodePointRange range) {

	/** How a note found its paragraph again. */
	public enum Method {

		SAME_ID, NEAR_ID, TEXT_SEARCH

	}

}
