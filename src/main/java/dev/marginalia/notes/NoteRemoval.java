package dev.marginalia.notes;

import dev.marginalia.notes.internal.NoteReactionRepository;
import dev.marginalia.notes.internal.NoteReadModel;
import dev.marginalia.notes.internal.NoteRepository;
import dev.marginalia.notes.internal.NoteTagRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Deletes a note, by its author or by the moderator. One that has replies stays as a tombstone (its text gone) so
 * that its thread keeps its place; a reply that was the last one of a tombstone takes the tombstone with it.
 */
@Component
class NoteRemoval {

	private final NoteRepository notes;

	private final NoteTagRepository tags;

	private final NoteReactionRepository reactions;

	private final NoteReadModel reads;

	private final NewNotes newNotes;

	private final ApplicationEventPublisher events;

	NoteRemoval(NoteRepository notes, NoteTagRepository tags, NoteReactionRepository reactions, NoteReadModel reads,
			NewNotes newNotes, ApplicationEventPublisher events) {
		this.notes = notes;
		this.tags = tags;
		this.reactions = reactions;
		this.reads = reads;
		this.newNotes = newNotes;
		this.events = events;
	}

	/** In the caller's transaction. @throws NoteConflictException when the note changed since it was read */
	void remove(String slug, Note note) {
		if (reads.countReplies(note.id()) > 0) {
			Note tombstone = new Note(note.id(), note.articleSlug(), note.blockId(), note.blockPosition(),
					note.blockHash(), note.blockText(), null, note.authorHash(), Note.ANONYMOUS, "", "",
					note.visibility(), note.createdAt(), newNotes.now(), true, note.version() + 1, null, note.hidden(),
					note.asSent());
			if (!notes.update(tombstone)) {
				throw new NoteConflictException();
			}
			tags.replace(tombstone); // a tombstone has no tags: its note's go (a note deleted outright takes them with it)
			reactions.removeAll(note.id()); // nor readers' reactions: no one can take theirs back from a deleted note
			events.publishEvent(NoteChanged.of(note, NoteChanged.Kind.DELETED));
			return;
		}
		if (!notes.delete(note.id(), note.version())) {
			throw new NoteConflictException();
		}
		events.publishEvent(NoteChanged.of(note, NoteChanged.Kind.DELETED));
		if (note.parentId() != null) {
			reads.find(slug, note.parentId())
				.filter(parent -> parent.deleted() && reads.countReplies(parent.id()) == 0)
				.ifPresent(parent -> notes.delete(parent.id(), parent.version()));
		}
	}

}
