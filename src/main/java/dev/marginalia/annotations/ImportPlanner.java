package dev.marginalia.annotations;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.marginalia.anchoring.Anchor;
import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.CodePointRange;
import dev.marginalia.anchoring.Placement;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.annotations.AnnotationDraft.Imported;
import dev.marginalia.annotations.AnnotationDraft.OnParagraph;
import dev.marginalia.annotations.AnnotationDraft.Passage;
import dev.marginalia.annotations.AnnotationDraft.ToAnnotation;
import dev.marginalia.annotations.AnnotationDraft.WrittenOn;
import dev.marginalia.annotations.ImportPlan.NoteWrite;
import dev.marginalia.annotations.ImportPlan.ReplyWrite;
import dev.marginalia.annotations.InvalidImportException.Problem;
import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockKind;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.HighlightColour;
import dev.marginalia.notes.InvalidNoteException;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.Visibility;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Plans an import before anything is written: checks every annotation of the file against the notes' rules, the
 * article and the container, and places each: a note on the paragraph its target names, or, when that paragraph is
 * gone, where its {@code marginalia:writtenOn} re-anchors (an orphan when nowhere); a reply in the thread of the
 * annotation it answers, in the file or in the container. Every problem is reported at once.
 */
@Component
class ImportPlanner {

	/** The body a deleted note is written with before it becomes the tombstone of its replies. */
	static final String DELETED_BODY = "(deleted)";

	private final Anchoring anchoring;

	private final NoteCommands commands;

	private final NoteQueries queries;

	private final ApiLinks links;

	private final Clock clock;

	ImportPlanner(Anchoring anchoring, NoteCommands commands, NoteQueries queries, ApiLinks links, Clock clock) {
		this.anchoring = anchoring;
		this.commands = commands;
		this.queries = queries;
		this.links = links;
		this.clock = clock;
	}

	/**
	 * @param entries the annotations of the file, as read
	 * @param viewer who imports, as far as known before anything is written (for the notes a reply may answer)
	 * @throws InvalidImportException with every problem found
	 */
	ImportPlan plan(Article article, List<ImportEntry> entries, @Nullable Author viewer) {
		Map<String, Integer> byId = check(entries);
		ReAnchoring reAnchoring = anchoring.reAnchoring(article);
		List<NoteWrite> noteWrites = new ArrayList<>();
		for (ImportEntry entry : entries) {
			if (entry.draft() != null && entry.draft().target() instanceof OnParagraph on) {
				NoteWrite write = place(article, reAnchoring, entry, on);
				if (write != null) {
					noteWrites.add(write);
				}
			}
		}
		List<ReplyWrite> replyWrites = replies(article.slug(), entries, byId, viewer);
		Map<Integer, Integer> repliesPerRoot = new HashMap<>();
		replyWrites.stream()
			.filter(reply -> reply.rootIndex() != null)
			.forEach(reply -> repliesPerRoot.merge(reply.rootIndex(), 1, Integer::sum));
		for (ImportEntry entry : entries) {
			if (entry.imported().deleted() && !entry.isReply() && entry.errors().isEmpty()
					&& !repliesPerRoot.containsKey(entry.index())) {
				entry.errors().put(Vocabulary.DELETED, "A deleted note is kept only for its replies, and no reply in "
						+ "the file answers this one: leave it out.");
			}
		}
		List<Problem> problems = new ArrayList<>();
		for (ImportEntry entry : entries) {
			entry.errors().forEach((field, message) -> problems.add(entry.problem(field, message)));
		}
		if (!problems.isEmpty()) {
			long bad = entries.stream().filter(entry -> !entry.errors().isEmpty()).count();
			throw new InvalidImportException(bad + " of the " + entries.size() + " annotations cannot be imported, so "
					+ "none was: see errors and items.", problems);
		}
		return new ImportPlan(noteWrites, replyWrites);
	}

	/**
	 * Checks each annotation on its own: ids unique in the file, no time in the future, a target, and the notes'
	 * rules for its body, name and visibility.
	 * @return the index of each annotation by its {@code id} in the file
	 */
	private Map<String, Integer> check(List<ImportEntry> entries) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		Map<String, Integer> byId = new HashMap<>();
		for (ImportEntry entry : entries) {
			AnnotationDraft draft = entry.draft();
			if (draft == null) {
				continue;
			}
			Map<String, String> errors = entry.errors();
			String id = draft.id();
			if (id != null) {
				Integer other = byId.putIfAbsent(id, entry.index());
				if (other != null) {
					errors.put("id", "Annotation " + other + " of the file has the same id.");
				}
			}
			OffsetDateTime created = entry.imported().created();
			if (created != null && created.isAfter(now)) {
				errors.put("created", "The created time is in the future.");
			}
			if (draft.target() == null && errors.keySet().stream().noneMatch(field -> field.startsWith("target"))) {
				errors.put("target", "An annotation needs a target: a paragraph of this article, or an annotation "
						+ "to reply to.");
			}
			if (draft.colour() != null && !onPassage(draft)) {
				errors.putIfAbsent("target.styleClass", HighlightColour.notOnAPassage());
			}
			if (entry.isReply() && entry.imported().deleted()) {
				errors.put(Vocabulary.DELETED, "Only a note on a paragraph can be kept deleted for its replies.");
			}
			String body = entry.imported().deleted() ? DELETED_BODY : draft.body();
			try {
				commands.validate(new NewNote(body, draft.creatorName(), draft.visibility()).withTags(draft.tags())
					.withColour(draft.colour()));
			}
			catch (InvalidNoteException ex) {
				// a field with problems already (a tag at body[2].value, say) is not reported twice
				ApiProblems.fields(ex).forEach((field, message) -> {
					if (!JsonBinding.hasProblems(errors, field)) {
						errors.put(field, message);
					}
				});
			}
		}
		return byId;
	}

	/**
	 * Where a note goes: on the paragraph its target names, with its passage there; failing that (the paragraph
	 * is not in the article, or no longer holds the passage, or the target says the note is orphaned) where its
	 * {@code marginalia:writtenOn} re-anchors in the article's current version, as any note on an edited article
	 * does; and when it has no place in it, on the text it was written on, as an orphan.
	 * @return the note to write, or null after an error (in the entry's errors)
	 */
	private static @Nullable NoteWrite place(Article article, ReAnchoring anchoring, ImportEntry entry,
			OnParagraph on) {
		AnnotationDraft draft = entry.draft();
		Imported imported = entry.imported();
		Map<String, String> errors = entry.errors();
		String body = imported.deleted() ? DELETED_BODY : draft.body();
		Optional<Block> current = imported.orphaned() ? Optional.empty() : article.block(on.blockId());
		Map<String, String> passageErrors = new LinkedHashMap<>();
		if (current.isPresent()) {
			Passage passage = on.passage();
			Passages.Located located = passage == null ? null
					: Passages.locate(current.get().text(), passage, passageErrors);
			if (passageErrors.isEmpty()) {
				return new NoteWrite(entry, current.get(), note(draft, body, located), false);
			}
		}
		WrittenOn writtenOn = imported.writtenOn();
		if (writtenOn == null) {
			if (!passageErrors.isEmpty()) {
				errors.putAll(passageErrors);
			}
			else if (imported.orphaned()) {
				errors.put("target." + Vocabulary.WRITTEN_ON, "An orphaned note comes with the text it was written "
						+ "on, in " + Vocabulary.WRITTEN_ON + ".");
			}
			else {
				errors.put("target.selector.value", "There is no paragraph '" + abbreviate(on.blockId())
						+ "' in this article.");
			}
			return null;
		}
		Passage writtenPassage = writtenOn.passage();
		Passages.Located written = writtenPassage == null ? null
				: Passages.locate(writtenOn.text(), writtenPassage, errors);
		if (writtenPassage != null && written == null) {
			return null;
		}
		TextQuote quote = written == null ? null : Passages.quote(writtenOn.text(), written);
		Optional<Placement> placement = anchoring
			.place(new Anchor(writtenOn.blockId(), 0, writtenOn.text(), quote));
		if (placement.isPresent()) {
			Block block = placement.get().block();
			CodePointRange range = placement.get().range();
			Passages.Located now = quote == null || range == null ? null
					: new Passages.Located(Passages.normalise(Passages.at(block.text(), range.start(), range.end())
						.exact()), range.start());
			return new NoteWrite(entry, block, note(draft, body, now), false);
		}
		Block gone = new Block(writtenOn.blockId(), BlockKind.PARAGRAPH, 0, writtenOn.text());
		return new NoteWrite(entry, gone, note(draft, body, written), true);
	}

	private static NewNote note(AnnotationDraft draft, @Nullable String body, Passages.@Nullable Located passage) {
		return new NewNote(body, draft.creatorName(), draft.visibility(), passage == null ? null : passage.exact(),
				passage == null ? null : passage.start(), draft.tags(), passage == null ? null : draft.colour());
	}

	/**
	 * Whether the annotation is on a passage, as its target or where it was written says (a reply is not): only such
	 * a note has a highlight colour. One whose passage is no longer found where it is placed keeps its text and
	 * loses its colour.
	 */
	private static boolean onPassage(AnnotationDraft draft) {
		if (!(draft.target() instanceof OnParagraph on)) {
			return false;
		}
		WrittenOn writtenOn = draft.imported() == null ? null : draft.imported().writtenOn();
		return on.passage() != null || writtenOn != null && writtenOn.passage() != null;
	}

	/** Where a reply's target leads: an annotation of the file, or a note of the container. */
	private record Parent(@Nullable Integer index, @Nullable Note note) {
	}

	/**
	 * The replies, each in the thread of the note it answers (through the replies it answers, threads being one
	 * level deep), private when anything up its thread is, as the protocol has it.
	 */
	private List<ReplyWrite> replies(String slug, List<ImportEntry> entries, Map<String, Integer> byId,
			@Nullable Author viewer) {
		Map<Integer, Parent> parents = new HashMap<>();
		for (ImportEntry entry : entries) {
			if (!entry.isReply()) {
				continue;
			}
			String iri = ((ToAnnotation) entry.draft().target()).iri();
			Integer index = byId.get(iri);
			if (index != null) {
				parents.put(entry.index(), new Parent(index, null));
				continue;
			}
			Optional<Note> note = links.noteId(slug, iri).flatMap(id -> queries.find(slug, id, viewer));
			if (note.isPresent() && note.get().isReply()) {
				note = queries.find(slug, note.get().parentId(), viewer);
			}
			if (note.isEmpty()) {
				entry.errors().put("target", "There is no annotation " + abbreviate(iri) + " in the file or in this "
						+ "article's container (or it is not yours to see).");
			}
			else if (note.get().deleted()) {
				entry.errors().put("target", "That note was deleted; it takes no new replies.");
			}
			else {
				parents.put(entry.index(), new Parent(null, note.get()));
			}
		}
		List<ReplyWrite> writes = new ArrayList<>();
		for (ImportEntry entry : entries) {
			Parent parent = parents.get(entry.index());
			if (parent == null) {
				continue;
			}
			boolean privateThread = false;
			Set<Integer> seen = new HashSet<>(Set.of(entry.index()));
			while (parent != null && parent.index() != null) {
				ImportEntry above = entries.get(parent.index());
				privateThread |= above.isPrivate();
				if (!seen.add(parent.index())) {
					entry.errors().put("target", "The replies of the file answer each other in a circle.");
					parent = null;
				}
				else if (above.isReply()) {
					parent = parents.get(parent.index());
				}
				else {
					break;
				}
			}
			if (parent == null) {
				continue; // the thread is broken further up, where the problem is reported
			}
			if (parent.note() != null) {
				privateThread |= parent.note().isPrivate();
			}
			String visibility = entry.draft().visibility();
			if (visibility == null) {
				visibility = privateThread ? "private" : "public";
			}
			else if (privateThread && isPublic(visibility)) {
				entry.errors().put(Vocabulary.VISIBILITY, "A reply to a private note is private too.");
				continue;
			}
			NewNote note = new NewNote(entry.draft().body(), entry.draft().creatorName(), visibility)
				.withTags(entry.draft().tags());
			writes.add(parent.note() != null ? new ReplyWrite(entry, null, parent.note().id(), note)
					: new ReplyWrite(entry, parent.index(), null, note));
		}
		return writes;
	}

	private static boolean isPublic(String visibility) {
		try {
			return Visibility.parse(visibility) == Visibility.PUBLIC;
		}
		catch (InvalidNoteException ex) {
			return false; // reported with the rules
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 80 ? text.substring(0, 80) + "…" : text;
	}

}
