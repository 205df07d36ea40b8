package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes and replies brought in by an import of annotations: the rules of {@link NoteCommands}, on the paragraph
 * text the file gives, dated when they were first written, in the importer's transaction (an import stores all of
 * its notes or none).
 */
@Service
public class NoteImports {

	/** The longest paragraph id and text a note can keep (the sizes of their columns). */
	public static final int MAX_BLOCK_ID = 120;

	public static final int MAX_BLOCK_TEXT = 100_000;

	private final NoteQueries queries;

	private final ArticleLibrary library;

	private final NewNotes newNotes;

	NoteImports(NoteQueries queries, ArticleLibrary library, NewNotes newNotes) {
		this.queries = queries;
		this.library = library;
		this.newNotes = newNotes;
	}

	/**
	 * Writes a note brought in by an import of annotations: the rules of {@link NoteCommands#create}, but on the
	 * paragraph text given, which the caller has found (a paragraph of the current article, or the text a note was
	 * written on that is no longer in it: the note is then an orphan from the start, shown with that text), and
	 * dated when it was first written. The passage is located in that text. Joins the caller's transaction.
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
		else if (DraftRules.hasForbiddenCharacters(writtenOn.id(), false)
				|| DraftRules.hasForbiddenCharacters(writtenOn.text(), true)) {
			// the same rule as for bodies: PostgreSQL refuses NUL, and lone surrogates are not text
			errors.put("block", "The paragraph's id or text contains control characters or broken Unicode.");
		}
		DraftRules.Checked checked = DraftRules.check(draft, errors);
		TextQuote quote = errors.containsKey("block") ? null : locateInText(writtenOn.text(), draft, errors);
		return store(article, writtenOn, null, checked, author, quote, writtenAt, asSent);
	}

	/**
	 * Writes a reply brought in by an import of annotations: the rules of {@link NoteCommands#reply}, dated when it
	 * was first written.
	 * @param writtenAt when it was first written; null or later than now: now
	 */
	@Transactional
	public Note restoreReply(String slug, String parentId, NewNote draft, Author author,
			@Nullable OffsetDateTime writtenAt) {
		Article article = article(slug);
		JoinedThread thread = JoinedThread.of(queries, slug, parentId, author);
		return store(article, thread.writtenOn(), thread.note().id(),
				thread.rules(DraftRules.check(draft, new LinkedHashMap<>())), author, null, writtenAt, null);
	}

	private Note store(Article article, Block block, @Nullable String parentId, DraftRules.Checked checked,
			Author author, @Nullable TextQuote quote, @Nullable OffsetDateTime writtenAt, @Nullable TargetAsSent asSent) {
		checked.checkColour(quote != null).orThrow();
		OffsetDateTime now = newNotes.now();
		OffsetDateTime createdAt = writtenAt == null || !writtenAt.isBefore(now) ? now
				: writtenAt.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
		// the names in an imported file are those of its notes' writers: the name the importer gave stays theirs
		return newNotes.store(article, block, parentId, checked, author, quote, createdAt, now, asSent, null);
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

}
