package dev.marginalia.notes;

import java.util.Optional;

import dev.marginalia.notes.internal.ThreadPositions;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a reader finds a note in place: the paragraph's notes page (or the orphans' page) that shows its thread, for
 * links from elsewhere (search results) that cannot know which page that is.
 */
@Service
public class NoteLocations {

	private final NoteQueries queries;

	private final ThreadPositions positions;

	NoteLocations(NoteQueries queries, ThreadPositions positions) {
		this.queries = queries;
		this.positions = positions;
	}

	/**
	 * Where a note is.
	 * @param blockId the paragraph its thread is on now, or null for the orphans
	 * @param page the page of that paragraph's notes (or of the orphans), from 1
	 */
	public record Location(@Nullable String blockId, int page) {
	}

	/** @return where the viewer finds the note; empty when they may not see it, or it has no place (yet) */
	@Transactional(readOnly = true)
	public Optional<Location> of(String slug, String id, Viewer viewer) {
		Optional<Note> note = queries.findSeenBy(slug, id, viewer).filter(found -> !found.deleted());
		if (note.isEmpty()) {
			return Optional.empty();
		}
		String thread = note.get().isReply() ? note.get().parentId() : note.get().id();
		return positions.of(slug, thread, viewer.authorHash()).map(position -> new Location(position.blockId(),
				// the moderator's paragraph page shows every note at once (hidden ones too)
				viewer.isModerator() && position.blockId() != null ? 1 : position.before() / NoteQueries.PARAGRAPH_PAGE + 1));
	}

}
