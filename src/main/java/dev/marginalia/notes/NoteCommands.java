package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.Resolution;
import dev.marginalia.anchoring.Selector;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.notes.internal.AuthorRepository;
import dev.marginalia.notes.internal.NoteReadModel;
import dev.marginalia.notes.internal.NoteRepository;
import dev.marginalia.notes.internal.NoteTagRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an author does with their notes and replies: write, edit, delete, by the rules of notes (what may be written,
 * by whom, on what). Every write is one transaction, committed (and, on the embedded database, written to its file)
 * before it returns.
 */
@Service
public class NoteCommands {

	public static final int MAX_BODY = 10_000;

	public static final int MAX_NAME = 80;

	private final NoteQueries queries;

	private final NoteReadModel reads;

	private final NoteRepository notes;

	private final NoteTagRepository tags;

	private final AuthorRepository authors;

	private final ArticleLibrary library;

	private final Anchoring anchoring;

	private final NewNotes newNotes;

	private final NoteRemoval removal;

	private final ApplicationEventPublisher events;

	private final int notesPerParagraph;

	NoteCommands(NoteQueries queries, NoteReadModel reads, NoteRepository notes, NoteTagRepository tags,
			AuthorRepository authors, ArticleLibrary library, Anchoring anchoring, NewNotes newNotes, NoteRemoval removal,
			ApplicationEventPublisher events, @Value("${marginalia.limits.notes-per-paragraph:50}") int notesPerParagraph) {
		this.queries = queries;
		this.reads = reads;
		this.notes = notes;
		this.tags = tags;
		this.authors = authors;
		this.library = library;
		this.anchoring = anchoring;
		this.newNotes = newNotes;
		this.removal = removal;
		this.events = events;
		this.notesPerParagraph = notesPerParagraph;
	}

	/**
	 * Checks a draft against the rules of {@link #create} and {@link #edit} without storing anything.
	 * @throws InvalidNoteException when a field breaks a rule
	 */
	public void validate(NewNote draft) {
		DraftRules.check(draft, new LinkedHashMap<>()).orThrow();
	}

	/**
	 * Writes a note on a paragraph. Not a transaction of its own: the note is stored by the note writer, in a
	 * transaction it may share with other new notes, and is committed when this returns.
	 * @throws InvalidNoteException when a field breaks a rule (nothing is stored)
	 * @throws NoteNotFoundException when there is no such article
	 */
	public Note create(String slug, String blockId, NewNote draft, Author author) {
		Article article = article(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Block> block = article.block(blockId);
		if (block.isEmpty()) {
			errors.put("block", "There is no paragraph '" + abbreviate(blockId) + "' in this article.");
		}
		DraftRules.Checked checked = DraftRules.check(draft, errors);
		TextQuote quote = block.isPresent() ? locate(article, block.get(), draft, errors) : null;
		return insert(article, block.orElse(null), null, checked, author, quote, null);
	}

	/**
	 * Writes a note on the target a client of the annotation protocol sent: any selector shape, resolved by
	 * {@link Anchoring#resolve} against the article's current version; the target as sent is kept with the note.
	 * Stored as {@link #create} stores a note.
	 * @param target the target's selector; null for the article as a whole (refused)
	 * @throws TargetRefusedException when the target names nothing, or more than one place (nothing is stored)
	 * @throws InvalidNoteException when a field breaks a rule (nothing is stored)
	 */
	public Note createOn(String slug, @Nullable Selector target, TargetAsSent asSent, NewNote draft, Author author) {
		Article article = article(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		DraftRules.Checked checked = DraftRules.check(draft, errors);
		Resolution resolution = anchoring.resolve(article, target);
		if (resolution instanceof Resolution.Refused refused) {
			if (errors.isEmpty()) {
				throw new TargetRefusedException(refused);
			}
			errors.put("target", refused.message());
			throw new InvalidNoteException(errors);
		}
		Resolution.Resolved resolved = (Resolution.Resolved) resolution;
		return insert(article, resolved.block(), null, checked, author, resolved.quote(),
				asSent.anchoredBy(resolved.decidedBy()));
	}

	/**
	 * Writes a reply. A reply to a reply joins the thread of the note it answers: threads are one level deep. A reply
	 * to a private note is private, whatever the draft says. Stored as {@link #create} stores a note.
	 * @throws NoteNotFoundException when the note replied to does not exist or is not visible to the author
	 */
	public Note reply(String slug, String parentId, NewNote draft, Author author) {
		Article article = article(slug);
		JoinedThread thread = JoinedThread.of(queries, slug, parentId, author);
		return insert(article, thread.writtenOn(), thread.note().id(),
				thread.rules(DraftRules.check(draft, new LinkedHashMap<>())), author, null, null);
	}

	/**
	 * Changes a note's body, visibility, name, tags and colour (replaced by the draft's; kept when it gives none).
	 * @param expectedVersion the version the author edited, or null to overwrite whatever is stored
	 * @throws NoteForbiddenException when the author did not write it
	 * @throws NoteConflictException when it changed since {@code expectedVersion}
	 */
	@Transactional
	public Note edit(String slug, String id, NewNote draft, @Nullable Integer expectedVersion, Author author) {
		Note note = ownCurrent(slug, id, expectedVersion, author);
		DraftRules.Checked checked = DraftRules.check(draft, new LinkedHashMap<>()).checkColour(note.quote() != null)
			.orThrow();
		if (note.isReply() && reads.find(slug, note.parentId()).filter(Note::isPrivate).isPresent()) {
			checked = checked.privately(); // a reply to a private note stays private (see JoinedThread)
		}
		Note edited = newNotes.edited(note, checked);
		if (!notes.update(edited)) {
			throw new NoteConflictException();
		}
		tags.replace(edited);
		authors.save(author.secretHash(), checked.givenName(), edited.editedAt());
		events.publishEvent(NoteChanged.edited(note, edited));
		return edited;
	}

	/**
	 * Deletes a note. One that has replies stays as a tombstone (its text gone) so that its thread keeps its
	 * place; a reply that was the last one of a tombstone takes the tombstone with it.
	 */
	@Transactional
	public void delete(String slug, String id, @Nullable Integer expectedVersion, Author author) {
		removal.remove(slug, ownCurrent(slug, id, expectedVersion, author));
	}

	/** The author's own note, not deleted, at the version they changed (when they name one). */
	private Note ownCurrent(String slug, String id, @Nullable Integer expectedVersion, Author author) {
		Note note = queries.visible(slug, id, author);
		if (!note.isBy(author) || note.deleted()) {
			throw new NoteForbiddenException();
		}
		if (expectedVersion != null && expectedVersion != note.version()) {
			throw new NoteConflictException();
		}
		return note;
	}

	private Note insert(Article article, @Nullable Block block, @Nullable String parentId, DraftRules.Checked checked,
			Author author, @Nullable TextQuote quote, @Nullable TargetAsSent asSent) {
		checked.checkColour(quote != null);
		if (block != null && checked.errors().isEmpty() && notesOnParagraph(article, block, author) >= notesPerParagraph) {
			checked.errors().put("body", "You have " + notesPerParagraph + " notes on this paragraph, the most one "
					+ "reader may write on one; delete one of them to write another.");
		}
		if (!checked.errors().isEmpty() || block == null) {
			throw new InvalidNoteException(checked.errors());
		}
		OffsetDateTime now = newNotes.now();
		return newNotes.store(article, block, parentId, checked, author, quote, now, now, asSent, checked.givenName());
	}

	/** @return how many notes the author has on the paragraph, counted no further than the limit */
	private int notesOnParagraph(Article article, Block block, Author author) {
		if (author.issuedNow()) {
			return 0; // their secret was issued by this request: they have no notes yet, nothing to read
		}
		return reads.countOnParagraph(article.slug(), block.id(), author.secretHash(), Math.max(notesPerParagraph, 0));
	}

	/**
	 * Finds the passage a reader chose in a paragraph of the current article, by {@link Anchoring#resolve}: the
	 * words, at the position given when they are there; words that occur more than once and no position that names
	 * one of them are refused, never guessed.
	 */
	private @Nullable TextQuote locate(Article article, Block block, NewNote draft, Map<String, String> errors) {
		String exact = draft.quote() == null ? "" : draft.quote().replaceAll("\\s+", " ").strip();
		if (exact.isEmpty()) {
			return null;
		}
		Selector selector = new Selector.Fragment(block.id(), new Selector.TextQuote(exact, "", "", null));
		Integer start = draft.quoteStart();
		if (start != null && start >= 0) {
			selector = new Selector.Alternatives(List.of(selector, new Selector.Fragment(block.id(),
					new Selector.TextPosition(start, start + exact.codePointCount(0, exact.length()), null))));
		}
		Resolution resolution = anchoring.resolve(article, selector);
		if (resolution instanceof Resolution.Resolved resolved) {
			return resolved.quote();
		}
		Resolution.Refused refused = (Resolution.Refused) resolution;
		errors.put("quote", refused.reason() == Resolution.Reason.AMBIGUOUS
				? "Those words occur " + refused.candidates().size() + " times in this paragraph: copy a few more "
						+ "words around them, so that they name one place."
				: "Those words are not in this paragraph: copy them exactly, or leave the passage empty.");
		return null;
	}

	private Article article(String slug) {
		return library.find(slug).orElseThrow(NoteNotFoundException::new);
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

}
