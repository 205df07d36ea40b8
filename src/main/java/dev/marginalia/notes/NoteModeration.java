package dev.marginalia.notes;

import java.util.List;
import java.util.Optional;

import dev.marginalia.notes.internal.NoteReadModel;
import dev.marginalia.notes.internal.NoteRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the moderator does with public notes and replies: find them (hidden or not), hide, show, delete. */
@Service
public class NoteModeration {

	private final NoteRepository notes;

	private final NoteReadModel reads;

	private final NoteRemoval removal;

	private final ApplicationEventPublisher events;

	NoteModeration(NoteRepository notes, NoteReadModel reads, NoteRemoval removal, ApplicationEventPublisher events) {
		this.notes = notes;
		this.reads = reads;
		this.removal = removal;
		this.events = events;
	}

	/**
	 * The moderator deletes a public note or reply, hidden or not, by the rules of an author's
	 * {@link NoteCommands#delete}.
	 * @throws NoteNotFoundException when there is no such public note (or it is already deleted)
	 */
	@Transactional
	public void deleteAsModerator(String slug, String id) {
		Note note = moderated(slug, id);
		if (note.deleted()) {
			throw new NoteNotFoundException();
		}
		removal.remove(slug, note);
	}

	/**
	 * The moderator hides a public note or reply (with the replies under it), or shows it again. Readers' open
	 * pages are told: a hidden note leaves them, one shown again comes back.
	 * @return the note as it was before
	 * @throws NoteNotFoundException when there is no such public note
	 */
	@Transactional
	public Note setHidden(String slug, String id, boolean hidden) {
		Note note = moderated(slug, id);
		if (note.hidden() != hidden) {
			notes.setHidden(note.id(), hidden);
			events.publishEvent(NoteChanged.of(note, hidden ? NoteChanged.Kind.HIDDEN : NoteChanged.Kind.UNHIDDEN));
		}
		return note;
	}

	/** @return the public note or reply, hidden or not, as the moderator sees it */
	@Transactional(readOnly = true)
	public Optional<Note> findAsModerator(String slug, String id) {
		return reads.find(slug, id).filter(note -> note.visibility() == Visibility.PUBLIC);
	}

	/** @return the notes the moderator hid, newest first */
	@Transactional(readOnly = true)
	public List<Note> hiddenNotes(int limit) {
		return reads.hidden(limit);
	}

	private Note moderated(String slug, String id) {
		return findAsModerator(slug, id).orElseThrow(NoteNotFoundException::new);
	}

}
