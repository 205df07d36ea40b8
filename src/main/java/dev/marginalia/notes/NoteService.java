package dev.marginalia.notes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.Placement;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.anchoring.Resolution;
import dev.marginalia.anchoring.Selector;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.hashing.Digests;
import dev.marginalia.identity.AuthorSecrets;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of notes and replies: what may be written, by whom, on what. Every write is one transaction,
 * committed (and, on the embedded database, written to its file) before it returns.
 */
@Service
public class NoteService {

	public static final int MAX_BODY = 10_000;

	public static final int MAX_NAME = 80;

	/** The longest paragraph id and text a note can keep (the sizes of their columns). */
	public static final int MAX_BLOCK_ID = 120;

	public static final int MAX_BLOCK_TEXT = 100_000;

	private final NoteRepository notes;

	private final AuthorRepository authors;

	private final ArticleLibrary library;

	private final NoteBodyRenderer renderer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final int notesPerParagraph;

	private final NoteWriter writer;

	private final Placements placements;

	private final Anchoring anchoring;

	NoteService(NoteRepository notes, AuthorRepository authors, ArticleLibrary library, NoteBodyRenderer renderer,
			Clock clock, ApplicationEventPublisher events, NoteWriter writer, Placements placements, Anchoring anchoring,
			@Value("${marginalia.limits.notes-per-paragraph:50}") int notesPerParagraph) {
		this.anchoring = anchoring;
		this.notesPerParagraph = notesPerParagraph;
		this.placements = placements;
		this.notes = notes;
		this.authors = authors;
		this.library = library;
		this.renderer = renderer;
		this.clock = clock;
		this.events = events;
		this.writer = writer;
	}

	/** @return the author holding this secret, with the name they last gave; a new one if never seen */
	@Transactional(readOnly = true)
	public Author author(String secret) {
		String hash = AuthorSecrets.hash(secret);
		return authors.find(hash).orElse(new Author(hash, null));
	}

	/**
	 * Checks a draft against the rules of {@link #create} and {@link #edit} without storing anything.
	 * @throws InvalidNoteException when a field breaks a rule
	 */
	public void validate(NewNote draft) {
		Checked checked = check(draft, new LinkedHashMap<>());
		if (!checked.errors().isEmpty()) {
			throw new InvalidNoteException(checked.errors());
		}
	}

	/**
	 * Writes a note on a paragraph. Not a transaction of its own: the note is stored by {@link NoteWriter}, in a
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
		Checked checked = check(draft, errors);
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
		Checked checked = check(draft, errors);
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
		JoinedThread thread = threadToJoin(slug, parentId, author);
		Note parent = thread.note();
		Block block = new Block(parent.blockId(), dev.marginalia.content.BlockKind.PARAGRAPH, parent.blockPosition(),
				parent.blockText());
		return insert(article, block, parent.id(), thread.rules(check(draft, new LinkedHashMap<>())), author, null, null);
	}

	/**
	 * The thread a reply to this note joins: the note's own, or its note's when it is a reply (threads are one level
	 * deep).
	 * @throws NoteNotFoundException when the note does not exist or is not visible to the author
	 * @throws InvalidNoteException when the thread's note was deleted
	 */
	private JoinedThread threadToJoin(String slug, String repliedTo, Author author) {
		Note parent = visible(slug, repliedTo, author);
		boolean isPrivate = parent.isPrivate();
		if (parent.isReply()) {
			parent = visible(slug, parent.parentId(), author);
			isPrivate |= parent.isPrivate();
		}
		if (parent.deleted()) {
			throw new InvalidNoteException("parent", "That note was deleted; it takes no new replies.");
		}
		return new JoinedThread(parent, isPrivate);
	}

	/**
	 * The note of a thread, and whether the thread is private (its note, or the reply answered, is). A reply in a
	 * private thread is private too: only its author can see the note it answers, and a public reply would name that
	 * note, and count, for everyone.
	 */
	private record JoinedThread(Note note, boolean isPrivate) {

		Checked rules(Checked reply) {
			return isPrivate ? reply.privately() : reply;
		}

	}

	/**
	 * Changes a note's body, visibility and name.
	 * @param expectedVersion the version the author edited, or null to overwrite whatever is stored
	 * @throws NoteForbiddenException when the author did not write it
	 * @throws NoteConflictException when it changed since {@code expectedVersion}
	 */
	@Transactional
	public Note edit(String slug, String id, NewNote draft, @Nullable Integer expectedVersion, Author author) {
		Note note = visible(slug, id, author);
		if (!note.isBy(author) || note.deleted()) {
			throw new NoteForbiddenException();
		}
		if (expectedVersion != null && expectedVersion != note.version()) {
			throw new NoteConflictException();
		}
		Checked checked = check(draft, new LinkedHashMap<>());
		if (!checked.errors().isEmpty()) {
			throw new InvalidNoteException(checked.errors());
		}
		if (note.isReply() && notes.find(slug, note.parentId()).filter(Note::isPrivate).isPresent()) {
			checked = checked.privately(); // a reply to a private note stays private (see JoinedThread)
		}
		Note edited = new Note(note.id(), note.articleSlug(), note.blockId(), note.blockPosition(), note.blockHash(),
				note.blockText(), note.parentId(), note.authorHash(), checked.name(), checked.body(),
				renderer.render(checked.body()), checked.visibility(), note.createdAt(), now(), false, note.version() + 1,
				note.quote(), note.hidden(), note.asSent());
		if (!notes.update(edited)) {
			throw new NoteConflictException();
		}
		authors.save(author.secretHash(), checked.givenName(), now());
		events.publishEvent(NoteChanged.edited(note, edited));
		return edited;
	}

	/**
	 * Deletes a note. One that has replies stays as a tombstone (its text gone) so that its thread keeps its
	 * place; a reply that was the last one of a tombstone takes the tombstone with it.
	 */
	@Transactional
	public void delete(String slug, String id, @Nullable Integer expectedVersion, Author author) {
		Note note = visible(slug, id, author);
		if (!note.isBy(author) || note.deleted()) {
			throw new NoteForbiddenException();
		}
		if (expectedVersion != null && expectedVersion != note.version()) {
			throw new NoteConflictException();
		}
		remove(slug, note);
	}

	/**
	 * The moderator deletes a public note or reply, hidden or not, by the rules of an author's {@link #delete}.
	 * @throws NoteNotFoundException when there is no such public note (or it is already deleted)
	 */
	@Transactional
	public void deleteAsModerator(String slug, String id) {
		Note note = moderated(slug, id);
		if (note.deleted()) {
			throw new NoteNotFoundException();
		}
		remove(slug, note);
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
		return notes.find(slug, id).filter(note -> note.visibility() == Visibility.PUBLIC);
	}

	/** @return the notes the moderator hid, newest first */
	@Transactional(readOnly = true)
	public List<Note> hiddenNotes(int limit) {
		return notes.hidden(limit);
	}

	private Note moderated(String slug, String id) {
		return findAsModerator(slug, id).orElseThrow(NoteNotFoundException::new);
	}

	private void remove(String slug, Note note) {
		if (notes.countReplies(note.id()) > 0) {
			Note tombstone = new Note(note.id(), note.articleSlug(), note.blockId(), note.blockPosition(),
					note.blockHash(), note.blockText(), null, note.authorHash(), Note.ANONYMOUS, "", "",
					note.visibility(), note.createdAt(), now(), true, note.version() + 1, null, note.hidden(), note.asSent());
			if (!notes.update(tombstone)) {
				throw new NoteConflictException();
			}
			events.publishEvent(NoteChanged.of(note, NoteChanged.Kind.DELETED));
			return;
		}
		if (!notes.delete(note.id(), note.version())) {
			throw new NoteConflictException();
		}
		events.publishEvent(NoteChanged.of(note, NoteChanged.Kind.DELETED));
		if (note.parentId() != null) {
			notes.find(slug, note.parentId())
				.filter(parent -> parent.deleted() && notes.countReplies(parent.id()) == 0)
				.ifPresent(parent -> notes.delete(parent.id(), parent.version()));
		}
	}

	/** @return the note, when the viewer may see it (not hidden, nor a reply to a hidden note) */
	@Transactional(readOnly = true)
	public Optional<Note> find(String slug, String id, @Nullable Author viewer) {
		return findSeenBy(slug, id, Viewer.reader(viewer));
	}

	/** @return the note, when the viewer may see it (the moderator sees hidden notes, marked) */
	@Transactional(readOnly = true)
	public Optional<Note> findSeenBy(String slug, String id, Viewer viewer) {
		return notes.find(slug, id)
			.filter(note -> note.isVisibleTo(viewer))
			.filter(note -> viewer.isModerator() || note.parentId() == null
					|| notes.find(slug, note.parentId()).filter(Note::hidden).isEmpty());
	}

	/**
	 * @return the notes on an article that the viewer may see, by the paragraph each is on in the article's
	 * current version (see {@link ReAnchoring}), threads in the order of the text, oldest first among equals; replies go
	 * with their note
	 */
	@Transactional(readOnly = true)
	public ArticleNotes notesOn(Article article, @Nullable Author viewer) {
		return notesSeenBy(article, Viewer.reader(viewer));
	}

	/** {@link #notesOn(Article, Author)}, for a viewer who may be the moderator (who also sees hidden notes) */
	@Transactional(readOnly = true)
	public ArticleNotes notesSeenBy(Article article, Viewer viewer) {
		List<Note> visible = notes.visibleOn(article.slug(), viewer.authorHash(), viewer.isModerator());
		Map<String, List<Note>> repliesByParent = new LinkedHashMap<>();
		for (Note note : visible) {
			if (note.isReply()) {
				repliesByParent.computeIfAbsent(note.parentId(), key -> new ArrayList<>()).add(note);
			}
		}
		Map<String, List<NoteThread>> threads = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<NoteThread> orphans = new ArrayList<>();
		ReAnchoring anchoring = this.anchoring.reAnchoring(article);
		for (Note note : visible) {
			if (note.isReply()) {
				continue;
			}
			List<Note> replies = repliesByParent.getOrDefault(note.id(), List.of());
			if (note.deleted() && replies.isEmpty()) {
				continue;
			}
			NoteThread thread = new NoteThread(note, List.copyOf(replies));
			Optional<Placement> placement = anchoring.place(note.anchor());
			if (placement.isEmpty()) {
				orphans.add(thread);
				continue;
			}
			thread = new NoteThread(note, thread.replies(), placement.get().range());
			String blockId = placement.get().block().id();
			threads.computeIfAbsent(blockId, key -> new ArrayList<>()).add(thread);
			counts.merge(blockId, replies.size() + (note.deleted() ? 0 : 1), Integer::sum);
		}
		Map<String, BlockNotes> byBlock = new LinkedHashMap<>();
		threads.forEach((blockId, list) -> byBlock.put(blockId, new BlockNotes(inTextOrder(list), counts.get(blockId))));
		return new ArticleNotes(Map.copyOf(byBlock), List.copyOf(orphans));
	}

	/**
	 * The threads of one paragraph in the order of its text: notes on the whole paragraph first, then by where each
	 * passage starts now; the sort is stable, so notes on the same place stay oldest first.
	 */
	private static List<NoteThread> inTextOrder(List<NoteThread> threads) {
		return threads.stream()
			.sorted(Comparator.comparingInt(thread -> thread.passage() == null ? -1 : thread.passage().start()))
			.toList();
	}

	/** How many threads a page of the notes of one paragraph (or of the orphans) holds. */
	public static final int PARAGRAPH_PAGE = 50;

	/**
	 * The notes for the article page, bounded whatever their number: per paragraph the counts and the newest
	 * {@link BlockNotes#SHOWN} threads, and the newest {@link ArticleNotes#ORPHANS_SHOWN} orphans, from the
	 * placements stored for the article's version (see {@link Placements}); nothing is re-anchored here.
	 */
	public ArticleNotes pageNotes(Article article, @Nullable Author viewer) {
		placements.ensureCurrent(article);
		String viewerHash = viewer == null ? null : viewer.secretHash();
		Map<String, NoteRepository.BlockCount> counts = new HashMap<>();
		for (NoteRepository.BlockCount count : notes.counts(article.slug(), viewerHash)) {
			counts.put(count.blockId() == null ? ORPHANS : count.blockId(), count);
		}
		List<NoteRepository.PlacedNote> newest = notes.newestThreads(article.slug(), viewerHash, BlockNotes.SHOWN,
				ArticleNotes.ORPHANS_SHOWN);
		Map<String, List<NoteThread>> threads = threads(newest, viewerHash);
		Map<String, BlockNotes> byBlock = new HashMap<>();
		counts.forEach((blockId, count) -> {
			if (!blockId.equals(ORPHANS)) {
				byBlock.put(blockId, new BlockNotes(threads.getOrDefault(blockId, List.of()), count.notes(), count.threads()));
			}
		});
		NoteRepository.BlockCount orphans = counts.get(ORPHANS);
		Map<String, List<ArticleNotes.PassageAt>> passages = new HashMap<>();
		for (NoteRepository.PassageRow row : notes.passages(article.slug(), viewerHash)) {
			passages.computeIfAbsent(row.blockId(), key -> new ArrayList<>())
				.add(new ArticleNotes.PassageAt(row.start(), row.end(), row.notes()));
		}
		return new ArticleNotes(Map.copyOf(byBlock), threads.getOrDefault(ORPHANS, List.of()),
				orphans == null ? 0 : orphans.threads(), passages);
	}

	/**
	 * One page of the notes on a paragraph, in the order of the text (where each passage is now), oldest first among equals.
	 * @param blockId the paragraph, or null for the orphaned notes
	 * @param page from 0
	 */
	public BlockNotes paragraphNotes(Article article, @Nullable String blockId, @Nullable Author viewer, int page) {
		placements.ensureCurrent(article);
		String viewerHash = viewer == null ? null : viewer.secretHash();
		NoteRepository.BlockCount count = notes.countOn(article.slug(), blockId, viewerHash);
		List<NoteRepository.PlacedNote> onPage = notes.threadsOn(article.slug(), blockId, viewerHash,
				Math.max(0, page) * PARAGRAPH_PAGE, PARAGRAPH_PAGE);
		List<NoteThread> threads = threads(onPage, viewerHash).values().stream().findFirst().orElse(List.of());
		return new BlockNotes(threads, count.notes(), count.threads());
	}

	private static final String ORPHANS = "\u0000orphans";

	/** The threads of these notes with their replies, by paragraph (orphans under {@link #ORPHANS}), in the order they come. */
	private Map<String, List<NoteThread>> threads(List<NoteRepository.PlacedNote> tops, @Nullable String viewerHash) {
		Map<String, List<Note>> replies = new HashMap<>();
		for (Note reply : notes.repliesTo(tops.stream().map(top -> top.note().id()).toList(), viewerHash)) {
			replies.computeIfAbsent(reply.parentId(), key -> new ArrayList<>()).add(reply);
		}
		Map<String, List<NoteThread>> threads = new LinkedHashMap<>();
		for (NoteRepository.PlacedNote top : tops) {
			List<Note> answers = replies.getOrDefault(top.note().id(), List.of());
			if (top.note().deleted() && answers.isEmpty()) {
				continue;
			}
			String key = top.placement().orphaned() ? ORPHANS : top.placement().blockId();
			threads.computeIfAbsent(key, k -> new ArrayList<>())
				.add(new NoteThread(top.note(), List.copyOf(answers), top.placement().range()));
		}
		return threads;
	}

	/** @return a page of the article's notes and replies the viewer may see, oldest first */
	@Transactional(readOnly = true)
	public List<Note> page(String slug, @Nullable Author viewer, int offset, int limit) {
		return notes.visiblePage(slug, viewer == null ? null : viewer.secretHash(), false, offset, limit);
	}

	/** @return how many notes and replies on the article the viewer may see */
	@Transactional(readOnly = true)
	public int count(String slug, @Nullable Author viewer) {
		return notes.countVisible(slug, viewer == null ? null : viewer.secretHash(), false);
	}

	/**
	 * Writes a note brought in by an import of annotations: the rules of {@link #create}, but on the paragraph text
	 * given, which the caller has found (a paragraph of the current article, or the text a note was written on
	 * that is no longer in it: the note is then an orphan from the start, shown with that text), and dated when it
	 * was first written. The passage is located in that text as {@link #create} does. Joins the caller's
	 * transaction, so that an import stores all of its notes or none.
	 * @param writtenOn the paragraph: its id, position and text
	 * @param writtenAt when it was first written; null or later than now: now
	 * @throws InvalidNoteException when a field breaks a rule (nothing is stored)
	 */
	@Transactional
	public Note restore(String slug, Block writtenOn, NewNote draft, Author author, @Nullable OffsetDateTime writtenAt) {
		return restore(slug, writtenOn, draft, author, writtenAt, null);
	}

	/** {@link #restore}, keeping what the client that first wrote the note sent as its target */
	@Transactional
	public Note restore(String slug, Block writtenOn, NewNote draft, Author author, @Nullable OffsetDateTime writtenAt,
			@Nullable TargetAsSent asSent) {
		Article article = article(slug);
		Map<String, String> errors = new LinkedHashMap<>();
		if (writtenOn.id().isBlank() || writtenOn.id().length() > MAX_BLOCK_ID || writtenOn.text().isBlank()
				|| writtenOn.text().length() > MAX_BLOCK_TEXT) {
			errors.put("block", "A paragraph has an id of 1 to " + MAX_BLOCK_ID + " characters and a text of 1 to "
					+ MAX_BLOCK_TEXT + ".");
		}
		else if (hasForbiddenCharacters(writtenOn.id(), false) || hasForbiddenCharacters(writtenOn.text(), true)) {
			// the same rule as for bodies: PostgreSQL refuses NUL, and lone surrogates are not text
			errors.put("block", "The paragraph's id or text contains control characters or broken Unicode.");
		}
		Checked checked = check(draft, errors);
		TextQuote quote = errors.containsKey("block") ? null : locateInText(writtenOn.text(), draft, errors);
		return insertRestored(article, writtenOn, null, checked, author, quote, writtenAt, asSent);
	}

	/**
	 * Writes a reply brought in by an import of annotations: the rules of {@link #reply}, dated when it was first
	 * written.
	 * @param writtenAt when it was first written; null or later than now: now
	 */
	@Transactional
	public Note restoreReply(String slug, String parentId, NewNote draft, Author author,
			@Nullable OffsetDateTime writtenAt) {
		Article article = article(slug);
		JoinedThread thread = threadToJoin(slug, parentId, author);
		Note parent = thread.note();
		Block block = new Block(parent.blockId(), dev.marginalia.content.BlockKind.PARAGRAPH, parent.blockPosition(),
				parent.blockText());
		return insertRestored(article, block, parent.id(), thread.rules(check(draft, new LinkedHashMap<>())), author,
				null, writtenAt, null);
	}

	private Note insertRestored(Article article, Block block, @Nullable String parentId, Checked checked,
			Author author, @Nullable TextQuote quote, @Nullable OffsetDateTime writtenAt, @Nullable TargetAsSent asSent) {
		if (!checked.errors().isEmpty()) {
			throw new InvalidNoteException(checked.errors());
		}
		OffsetDateTime now = now();
		OffsetDateTime createdAt = writtenAt == null || !writtenAt.isBefore(now) ? now
				: writtenAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		// the names in an imported file are those of its notes' writers: the name the importer gave stays theirs
		Note note = newNote(article, block, parentId, checked, author, quote, createdAt, asSent);
		return writer.write(note, placements.placeNew(article, note), null, now);
	}

	private Note insert(Article article, @Nullable Block block, @Nullable String parentId, Checked checked,
			Author author, @Nullable TextQuote quote, @Nullable TargetAsSent asSent) {
		if (block != null && checked.errors().isEmpty()
				&& notes.countOnParagraph(article.slug(), block.id(), author.secretHash()) >= notesPerParagraph) {
			checked.errors().put("body", "You have " + notesPerParagraph + " notes on this paragraph, the most one "
					+ "reader may write on one; delete one of them to write another.");
		}
		if (!checked.errors().isEmpty() || block == null) {
			throw new InvalidNoteException(checked.errors());
		}
		OffsetDateTime now = now();
		Note note = newNote(article, block, parentId, checked, author, quote, now, asSent);
		return writer.write(note, placements.placeNew(article, note), checked.givenName(), now);
	}

	private Note newNote(Article article, Block block, @Nullable String parentId, Checked checked, Author author,
			@Nullable TextQuote quote, OffsetDateTime createdAt, @Nullable TargetAsSent asSent) {
		return new Note(AuthorSecrets.newNoteId(), article.slug(), block.id(), block.position(), sha256(block.text()),
				block.text(), parentId, author.secretHash(), checked.name(), checked.body(),
				renderer.render(checked.body()), checked.visibility(), createdAt, null, false, 1, quote, false, asSent);
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

	/**
	 * Finds an imported passage in the text its note was written on: at the given start when the words are there,
	 * else the occurrence nearest to it.
	 */
	private static @Nullable TextQuote locateInText(String text, NewNote draft, Map<String, String> errors) {
		String exact = draft.quote() == null ? "" : draft.quote().replaceAll("\\s+", " ").strip();
		if (exact.isEmpty()) {
			return null;
		}
		int wanted = -1;
		if (draft.quoteStart() != null && draft.quoteStart() >= 0
				&& draft.quoteStart() <= text.codePointCount(0, text.length())) {
			wanted = text.offsetByCodePoints(0, draft.quoteStart());
		}
		int best = -1;
		for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
			if (best < 0 || Math.abs(at - wanted) < Math.abs(best - wanted)) {
				best = at;
			}
		}
		if (best < 0) {
			errors.put("quote", "Those words are not in this paragraph: copy them exactly, or leave the passage empty.");
			return null;
		}
		int start = text.codePointCount(0, best);
		return Anchoring.quoteAt(text, start, start + exact.codePointCount(0, exact.length()));
	}

	private Article article(String slug) {
		return library.find(slug).orElseThrow(NoteNotFoundException::new);
	}

	private Note visible(String slug, @Nullable String id, Author viewer) {
		if (id == null) {
			throw new NoteNotFoundException();
		}
		return find(slug, id, viewer).orElseThrow(NoteNotFoundException::new);
	}

	private Checked check(NewNote draft, Map<String, String> errors) {
		String body = draft.body() == null ? "" : draft.body().strip();
		int bodyLength = body.codePointCount(0, body.length());
		if (bodyLength == 0) {
			errors.put("body", "Write something: a note cannot be empty.");
		}
		else if (bodyLength > MAX_BODY) {
			errors.put("body", "A note can have at most " + MAX_BODY + " characters; this one has " + bodyLength + ".");
		}
		else if (hasForbiddenCharacters(body, true)) {
			errors.put("body", "The note contains control characters; remove them and try again.");
		}
		String name = draft.authorName() == null ? "" : draft.authorName().strip();
		int nameLength = name.codePointCount(0, name.length());
		if (nameLength > MAX_NAME) {
			errors.put("authorName", "A name can have at most " + MAX_NAME + " characters.");
		}
		else if (hasForbiddenCharacters(name, false)) {
			errors.put("authorName", "The name contains control characters; remove them and try again.");
		}
		Visibility visibility = Visibility.PUBLIC;
		try {
			visibility = Visibility.parse(draft.visibility());
		}
		catch (InvalidNoteException ex) {
			errors.putAll(ex.errors());
		}
		return new Checked(body, name.isEmpty() ? null : name, visibility, errors);
	}

	/** Control characters (other than line breaks and tabs in a body), lone surrogates and U+FFFD. */
	private static boolean hasForbiddenCharacters(String text, boolean multiline) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (multiline && (c == '\n' || c == '\r' || c == '\t')) {
				continue;
			}
			if (Character.isISOControl(c) || c == '\uFFFD' || c == '\u2028' || c == '\u2029') {
				return true;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return true;
			}
			if (Character.isLowSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

	static String sha256(String text) {
		return Digests.sha256Hex(text);
	}

	private static String abbreviate(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	private record Checked(String body, @Nullable String givenName, Visibility visibility, Map<String, String> errors) {

		String name() {
			return givenName == null ? Note.ANONYMOUS : givenName;
		}

		Checked privately() {
			return new Checked(body, givenName, Visibility.PRIVATE, errors);
		}

	}

}
