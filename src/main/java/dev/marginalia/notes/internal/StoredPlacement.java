package dev.marginalia.notes.internal;

import java.util.Optional;

import dev.marginalia.anchoring.CodePointRange;
import dev.marginalia.anchoring.Placement;
import org.jspecify.annotations.Nullable;

/**
 * Where a note is in one version of its article, as stored with the note (computed once per version).
 * @param blockId the paragraph, or null when orphaned
 * @param start for a note on a passage, where the passage starts in the paragraph (code points); else null
 * @param end where it ends (exclusive); else null
 */
public record StoredPlacement(@Nullable String blockId, @Nullable Integer start, @Nullable Integer end) {

	/** The note's text is no longer in the article. */
	public static final StoredPlacement ORPHANED = new StoredPlacement(null, null, null);

	public boolean orphaned() {
		return blockId == null;
	}

	/** @return the placement {@link ReAnchoring} found, orphaned when it found none */
	public static StoredPlacement of(Optional<Placement> placement) {
		if (placement.isEmpty()) {
			return ORPHANED;
		}
		CodePointRange range = placement.get().range();
		return new StoredPlacement(placement.get().block().id(), range == null ? null : range.start(),
				range == null ? null : range.end());
	}

	public @Nullable CodePointRange range() {
		return start == null || end == null ? null : new CodePointRange(start, end);
	}

}
