package dev.marginalia.notes;

import java.util.Locale;
import java.util.Set;

import dev.marginalia.identity.ReaderKey;
import dev.marginalia.notes.internal.NoteReactionRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Useful": a reader says a public note or reply helped them, once (a second press takes it back); the note shows
 * how many did. The reader is a {@link ReaderKey}: their author secret, or their address when they have none (as for
 * flags). A note the reader may not see is not found (a private note is its author's alone, a hidden one the
 * moderator's); one they see but that takes no reaction (their own, private, hidden) is refused with a reason.
 * A change is stored with its event in one transaction and moves the article's stamp like any public change, so
 * kept pages show the new count; whether a reader pressed is theirs alone, never in what is kept for everyone.
 */
@Service
public class NoteReactions {

	private final NoteQueries queries;

	private final NoteReactionRepository reactions;

	private final NewNotes clock;

	private final ApplicationEventPublisher events;

	NoteReactions(NoteQueries queries, NoteReactionRepository reactions, NewNotes clock,
			ApplicationEventPublisher events) {
		this.queries = queries;
		this.reactions = reactions;
		this.clock = clock;
		this.events = events;
	}

	/** What a press asks for. */
	public enum Press {

		/** Found useful (already: nothing changes). */
		ON,

		/** Taken back (not pressed: nothing changes). */
		OFF,

		/** The other of what it is now: a form whose page could not know. */
		TOGGLE;

		/** @param value {@code true}, {@code false}, or null or blank for a toggle; anything else a toggle too */
		public static Press parse(@Nullable String value) {
			if (value == null) {
				return TOGGLE;
			}
			return switch (value.strip().toLowerCase(Locale.ROOT)) {
				case "true", "on" -> ON;
				case "false", "off" -> OFF;
				default -> TOGGLE;
			};
		}

	}

	/**
	 * A note's "useful" as one reader sees it.
	 * @param useful how many readers found it useful
	 * @param mine whether this reader is one of them
	 * @param changed whether the press changed it (a press that asked for what was already so changes nothing)
	 */
	public record State(String noteId, int useful, boolean mine, boolean changed) {
	}

	/**
	 * @param viewer who asks, as the note's visibility knows them (the moderator sees hidden notes)
	 * @param reader who presses, once
	 * @return the note's count and whether the reader found it useful, after the press
	 * @throws NoteNotFoundException when the viewer cannot see such a note, or it is deleted
	 * @throws ReactionRefusedException when it is theirs, private or hidden
	 */
	@Transactional
	public State useful(String slug, String noteId, Viewer viewer, ReaderKey reader, Press press) {
		Note note = reactable(slug, noteId, viewer);
		boolean changed = switch (press) {
			case ON -> add(note, reader);
			case OFF -> reactions.remove(note.id(), NoteReactionRepository.USEFUL, reader.value());
			case TOGGLE -> reactions.remove(note.id(), NoteReactionRepository.USEFUL, reader.value())
					|| add(note, reader);
		};
		if (changed) {
			events.publishEvent(NoteChanged.of(note, NoteChanged.Kind.REACTED));
		}
		return state(note, reader, changed);
	}

	/**
	 * @return the note's count and whether the reader found it useful
	 * @throws NoteNotFoundException when the viewer cannot see such a note, or it is deleted
	 */
	@Transactional(readOnly = true)
	public State state(String slug, String noteId, Viewer viewer, ReaderKey reader) {
		Note note = queries.findSeenBy(slug, noteId, viewer).filter(found -> !found.deleted())
			.orElseThrow(NoteNotFoundException::new);
		return state(note, reader, false);
	}

	/** @return the notes of the article the reader found useful (their ids), for the pages that show it */
	@Transactional(readOnly = true)
	public Set<String> usefulTo(String slug, ReaderKey reader) {
		return reactions.usefulTo(slug, reader.value());
	}

	private boolean add(Note note, ReaderKey reader) {
		return reactions.add(note, NoteReactionRepository.USEFUL, reader.value(), clock.now());
	}

	private State state(Note note, ReaderKey reader, boolean changed) {
		return new State(note.id(), reactions.count(note.id(), NoteReactionRepository.USEFUL),
				reactions.has(note.id(), NoteReactionRepository.USEFUL, reader.value()), changed);
	}

	private Note reactable(String slug, String noteId, Viewer viewer) {
		Note note = queries.findSeenBy(slug, noteId, viewer).filter(found -> !found.deleted())
			.orElseThrow(NoteNotFoundException::new);
		if (note.isPrivate()) {
			throw new ReactionRefusedException(HttpStatus.CONFLICT, "A private note takes no reactions.");
		}
		if (note.hidden()) {
			throw new ReactionRefusedException(HttpStatus.CONFLICT,
					"A hidden note takes no reactions: show it again first.");
		}
		if (note.isBy(viewer.author())) {
			throw new ReactionRefusedException(HttpStatus.FORBIDDEN,
					"This is your own note: it is for other readers to find it useful.");
		}
		return note;
	}

}
