package dev.marginalia.moderation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.identity.ReaderKey;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.notes.NoteModeration;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.Viewer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' flags and the moderation queue. A reader flags a note once: a reader who has written is known by
 * their author secret, one who never has by a hash of their network address (so readers behind one address
 * who have never written share one flag per note).
 */
@Service
class Flagging {

	static final int MAX_DETAIL = 500;

	/** How many flagged notes the queue shows (newest flag first). */
	static final int QUEUE_SIZE = 100;

	private final FlagRepository flags;

	private final NoteQueries queries;

	private final NoteModeration noteModeration;

	private final Clock clock;

	Flagging(FlagRepository flags, NoteQueries queries, NoteModeration noteModeration, Clock clock) {
		this.flags = flags;
		this.queries = queries;
		this.noteModeration = noteModeration;
		this.clock = clock;
	}

	/**
	 * Flags a note the reader can see (not their own).
	 * @throws NoteNotFoundException when the reader cannot see such a note
	 * @throws InvalidFlagException when the reason or detail is wrong, or the reader flagged it already
	 */
	@Transactional
	public void flag(String slug, String noteId, Viewer reader, String address, @Nullable String reason,
			@Nullable String detail) {
		Note note = queries.find(slug, noteId, reader.author()).filter(found -> !found.deleted())
			.orElseThrow(NoteNotFoundException::new);
		Optional<FlagReason> why = FlagReason.parse(reason == null ? "" : reason);
		if (why.isEmpty()) {
			throw new InvalidFlagException(HttpStatus.BAD_REQUEST, "reason", "Choose why you flag this note.");
		}
		String text = detail == null ? "" : detail.strip();
		if (text.codePointCount(0, text.length()) > MAX_DETAIL) {
			throw new InvalidFlagException(HttpStatus.BAD_REQUEST, "detail",
					"Say it in at most " + MAX_DETAIL + " characters.");
		}
		if (text.chars().anyMatch(c -> c == '\uFFFD' || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
				|| hasLoneSurrogate(text)) {
			throw new InvalidFlagException(HttpStatus.BAD_REQUEST, "detail",
					"The text contains control characters; remove them and try again.");
		}
		if (note.isBy(reader.author())) {
			throw new InvalidFlagException(HttpStatus.BAD_REQUEST, "reason",
					"This is your own note: edit or delete it instead.");
		}
		String flagger = ReaderKey.of(reader.author() == null ? null : reader.author().secretHash(), address).value();
		if (flags.exists(note.id(), flagger)) {
			throw new InvalidFlagException(HttpStatus.CONFLICT, "reason",
					"You have flagged this note already; the moderator will look at it.");
		}
		flags.insert(note.id(), flagger, why.get(), text.isEmpty() ? null : text,
				OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
	}

	/** @return the flagged notes, the most recently flagged first, with their reasons and counts */
	@Transactional(readOnly = true)
	public List<FlaggedNote> queue() {
		Map<String, List<Flag>> byNote = new LinkedHashMap<>();
		for (Flag flag : flags.newest(QUEUE_SIZE * 20)) {
			if (byNote.size() < QUEUE_SIZE || byNote.containsKey(flag.noteId())) {
				byNote.computeIfAbsent(flag.noteId(), key -> new ArrayList<>()).add(flag);
			}
		}
		List<FlaggedNote> queue = new ArrayList<>();
		byNote.forEach((noteId, list) -> noteModeration.findAsModerator(list.get(0).slug(), noteId).ifPresent(note -> {
			Map<FlagReason, Integer> reasons = new LinkedHashMap<>();
			list.forEach(flag -> reasons.merge(flag.reason(), 1, Integer::sum));
			Map<FlagReason, Integer> sorted = new LinkedHashMap<>();
			reasons.entrySet().stream().sorted(Map.Entry.<FlagReason, Integer>comparingByValue(Comparator.reverseOrder()))
				.forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
			List<String> details = list.stream().map(Flag::detail).filter(detail -> detail != null).toList();
			queue.add(new FlaggedNote(note, sorted, details, list.size(), list.get(0).createdAt()));
		}));
		return queue;
	}

	/** The moderator has dealt with the note's flags. */
	@Transactional
	public void dismiss(String noteId) {
		flags.deleteAll(noteId);
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

}
