package dev.marginalia.annotations;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

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
import dev.marginalia.annotations.InvalidImportException.Problem;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockKind;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.InvalidNoteException;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteConflictException;
import dev.marginalia.notes.NoteForbiddenException;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteImports;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.Visibility;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a file of Web Annotations into an article's notes, for the API and the moderators' form alike. The file
 * is checked as a whole first, and every problem reported with its annotation's index and JSON path; only then
 * are the notes written, in one transaction: all of them or none.
 *
 * <p>The file is an AnnotationCollection with its annotations embedded (its {@code first} page and any embedded
 * {@code next} pages), one AnnotationPage, or a JSON array of annotations; at most {@value #MAX_ANNOTATIONS}. Each
 * annotation is read as a POST reads it (the same rules for body, creator, visibility and targets), and:
 * <ul>
 * <li>its target may name the article at another host (the same article exported from another instance);</li>
 * <li>a reply's target is the {@code id} of an annotation in the file (in any order: notes are written before
 * replies) or the IRI of an annotation in this article's container; threads stay one level deep;</li>
 * <li>{@code created} is kept (it must not be in the future; absent: now); {@code modified} is not: an imported
 * note has not been edited here;</li>
 * <li>a note whose paragraph is not in the article is placed by {@code marginalia:writtenOn} (the paragraph's id,
 * text and passage then) as a note on an edited article is, and kept on that text, as an orphan, when it has no
 * place in the article any more;</li>
 * <li>{@code marginalia:deleted} recreates a deleted note kept for its replies (it needs a reply in the file).</li>
 * </ul>
 * Every imported note belongs to the importing author; the creator names of the file are kept.
 */
@Service
public class AnnotationImport {

	/** The most annotations one import takes. */
	public static final int MAX_ANNOTATIONS = 2_000;

	/** The largest file the API takes (its own limit: any other request is at most 64 KB). */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The body a deleted note is written with before it becomes the tombstone of its replies. */
	private static final String DELETED_BODY = "(deleted)";

	private static final String FORMAT = "An import is an AnnotationCollection with its annotations embedded, an "
			+ "AnnotationPage, or a JSON array of annotations.";

	private final Anchoring anchoring;

	private final ArticleLibrary library;

	private final NoteCommands commands;

	private final NoteQueries queries;

	private final NoteImports imports;

	private final AnnotationReader reader;

	private final ApiLinks links;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AnnotationImport(ArticleLibrary library, NoteCommands commands, NoteQueries queries, NoteImports imports, AnnotationReader reader, ApiLinks links,
			PlatformTransactionManager transactionManager, Clock clock, Anchoring anchoring) {
		this.anchoring = anchoring;
		this.library = library;
		this.commands = commands;
		this.queries = queries;
		this.imports = imports;
		this.reader = reader;
		this.links = links;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Imports the annotations of a file into an article's notes, as the given author.
	 * @param json the file's text
	 * @throws InvalidImportException when anything in the file is wrong (nothing is stored)
	 * @throws NoteNotFoundException when there is no such article
	 */
	public ImportReport importFile(String slug, String json, Author author) {
		JsonNode file;
		try {
			file = Json.read(json);
		}
		catch (JacksonException ex) {
			throw InvalidImportException.ofFile("$", "The file is not well-formed JSON.");
		}
		return importAnnotations(slug, file, author, () -> author);
	}

	/**
	 * @param viewer who imports, as far as known before anything is written (for the notes a reply may answer)
	 * @param author who the notes will belong to, asked for once the file is found good
	 */
	ImportReport importAnnotations(String slug, JsonNode file, @Nullable Author viewer, Supplier<Author> author) {
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		Plan plan = plan(article, items(file), viewer);
		Author writer = author.get();
		ImportReport report = transactions.execute(status -> write(slug, plan, writer));
		if (report == null) {
			throw new IllegalStateException("The import's transaction gave no report");
		}
		return report;
	}

	/** One annotation of the file, with where it is in it. */
	private record Item(int index, String path, JsonNode json) {
	}

	/**
	 * The annotations of the file, in its order.
	 * @throws InvalidImportException when it is not a file of annotations, or holds more than {@value #MAX_ANNOTATIONS}
	 * (saying how many it holds)
	 */
	private static List<Item> items(JsonNode file) {
		Found items = new Found();
		if (file.isArray()) {
			items.addAll(file, "");
		}
		else if (file.isObject()) {
			JsonNode context = file.get("@context");
			if (context != null && !mentions(context, Vocabulary.ANNO_CONTEXT)) {
				throw InvalidImportException.ofFile("@context", "The @context must include " + Vocabulary.ANNO_CONTEXT
						+ ".");
			}
			JsonNode type = file.get("type");
			if (type != null && mentions(type, "AnnotationCollection")) {
				collection(file, items);
			}
			else if (type != null && mentions(type, "AnnotationPage")) {
				if (file.has("next") && !file.get("next").isNull()) {
					throw InvalidImportException.ofFile("next", "This page is one of several: import the whole "
							+ "collection, with every annotation embedded.");
				}
				page(file, "", items);
			}
			else if (type != null && mentions(type, "Annotation")) {
				throw InvalidImportException.ofFile("type", "This is one annotation: POST it to the container, or "
						+ "import it in an array.");
			}
			else {
				throw InvalidImportException.ofFile("type", FORMAT);
			}
		}
		else {
			throw InvalidImportException.ofFile("$", FORMAT);
		}
		if (items.count() > MAX_ANNOTATIONS) {
			throw InvalidImportException.ofFile("$", String.format(Locale.ROOT,
					"An import holds at most %,d annotations; this one has %,d. Split it into several requests.",
					MAX_ANNOTATIONS, items.count()));
		}
		return items.list();
	}

	/** Data Model §5: the collection's pages, embedded from {@code first} on through {@code next}. */
	private static void collection(JsonNode collection, Found items) {
		JsonNode total = collection.get("total");
		if (total != null && !(total.isIntegralNumber() && total.canConvertToInt() && total.intValue() >= 0)) {
			throw InvalidImportException.ofFile("total", "The total is a whole number from 0.");
		}
		JsonNode page = collection.get("first");
		String path = "first";
		while (page != null && !page.isNull()) {
			if (!page.isObject()) {
				throw InvalidImportException.ofFile(path, "The collection links its pages rather than embedding them: "
						+ "import a file with every annotation embedded, such as the notes.jsonld download.");
			}
			page(page, path + ".", items);
			page = page.get("next");
			path += ".next";
		}
		if (total != null && total.intValue() != items.count()) {
			throw InvalidImportException.ofFile("total", "The collection has " + total.intValue()
					+ " annotations but embeds " + items.count() + ": embed them all.");
		}
	}

	private static void page(JsonNode page, String prefix, Found items) {
		JsonNode list = page.get("items");
		if (list == null || !list.isArray()) {
			throw InvalidImportException.ofFile(prefix + "items", "A page lists its annotations in items, an array.");
		}
		items.addAll(list, prefix + "items");
	}

	/**
	 * The annotations found so far, and how many: past {@value #MAX_ANNOTATIONS} they are only counted (a file of
	 * 5 MB can hold a million empty ones), so that the refusal can say how many the file holds.
	 */
	private static final class Found {

		private final List<Item> list = new ArrayList<>();

		private int count;

		void addAll(JsonNode array, String path) {
			for (int i = 0; i < array.size() && list.size() < MAX_ANNOTATIONS; i++) {
				list.add(new Item(list.size(), path + "[" + i + "]", array.get(i)));
			}
			count += array.size();
		}

		int count() {
			return count;
		}

		List<Item> list() {
			return list;
		}

	}

	/** Whether a string, or an array, holds the value. */
	private static boolean mentions(JsonNode node, String value) {
		if (node.isString()) {
			return node.stringValue().equals(value);
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (element.isString() && element.stringValue().equals(value)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * One annotation of the file as read and checked.
	 * @param draft null when the annotation could not be read at all
	 * @param errors its problems, by JSON path inside it
	 */
	private record Entry(Item item, @Nullable AnnotationDraft draft, Map<String, String> errors) {

		@Nullable String fileId() {
			return draft == null ? null : draft.id();
		}

		Imported imported() {
			Imported imported = draft == null ? null : draft.imported();
			return imported == null ? new Imported(null, null, false, false) : imported;
		}

		boolean isReply() {
			return draft != null && draft.target() instanceof ToAnnotation;
		}

		/** Whether it says it is private (a reply that says nothing is as private as its thread). */
		boolean isPrivate() {
			String visibility = draft == null ? null : draft.visibility();
			return visibility != null && visibility.strip().equalsIgnoreCase("private");
		}

	}

	/** A note to write, on the paragraph (or the text of one that is gone) it was placed on. */
	private record NoteWrite(Entry entry, Block block, NewNote note, boolean orphaned) {
	}

	/**
	 * A reply to write, in the thread of a note of the file ({@code rootIndex}) or of the container
	 * ({@code rootNoteId}).
	 */
	private record ReplyWrite(Entry entry, @Nullable Integer rootIndex, @Nullable String rootNoteId, NewNote note) {
	}

	private record Plan(List<NoteWrite> notes, List<ReplyWrite> replies) {
	}

	/**
	 * Reads and checks every annotation, and what they refer to, before anything is written.
	 * @throws InvalidImportException with every problem found
	 */
	private Plan plan(Article article, List<Item> items, @Nullable Author viewer) {
		String slug = article.slug();
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Entry> entries = new ArrayList<>();
		Map<String, Integer> byId = new HashMap<>();
		for (Item item : items) {
			Map<String, String> errors = new LinkedHashMap<>();
			AnnotationDraft draft = reader.readImported(item.json(), slug, errors);
			Entry entry = new Entry(item, draft, errors);
			entries.add(entry);
			if (draft == null) {
				continue;
			}
			String id = draft.id();
			if (id != null) {
				Integer other = byId.putIfAbsent(id, item.index());
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
			if (entry.isReply() && entry.imported().deleted()) {
				errors.put(Vocabulary.DELETED, "Only a note on a paragraph can be kept deleted for its replies.");
			}
			String body = entry.imported().deleted() ? DELETED_BODY : draft.body();
			try {
				commands.validate(new NewNote(body, draft.creatorName(), draft.visibility()));
			}
			catch (InvalidNoteException ex) {
				ApiProblems.fields(ex).forEach(errors::putIfAbsent);
			}
		}
		ReAnchoring anchoring = this.anchoring.reAnchoring(article);
		List<NoteWrite> noteWrites = new ArrayList<>();
		for (Entry entry : entries) {
			if (entry.draft() != null && entry.draft().target() instanceof OnParagraph on) {
				NoteWrite write = place(article, anchoring, entry, on);
				if (write != null) {
					noteWrites.add(write);
				}
			}
		}
		List<ReplyWrite> replyWrites = replies(slug, entries, byId, viewer);
		Map<Integer, Integer> repliesPerRoot = new HashMap<>();
		replyWrites.stream()
			.filter(reply -> reply.rootIndex() != null)
			.forEach(reply -> repliesPerRoot.merge(reply.rootIndex(), 1, Integer::sum));
		for (Entry entry : entries) {
			if (entry.imported().deleted() && !entry.isReply() && entry.errors().isEmpty()
					&& !repliesPerRoot.containsKey(entry.item().index())) {
				entry.errors().put(Vocabulary.DELETED, "A deleted note is kept only for its replies, and no reply in "
						+ "the file answers this one: leave it out.");
			}
		}
		List<Problem> problems = new ArrayList<>();
		for (Entry entry : entries) {
			entry.errors().forEach((field, message) -> problems.add(
					new Problem(entry.item().index(), entry.fileId(), entry.item().path(), field, message)));
		}
		if (!problems.isEmpty()) {
			long bad = entries.stream().filter(entry -> !entry.errors().isEmpty()).count();
			throw new InvalidImportException(bad + " of the " + entries.size() + " annotations cannot be imported, so "
					+ "none was: see errors and items.", problems);
		}
		return new Plan(noteWrites, replyWrites);
	}

	/**
	 * Where a note goes: on the paragraph its target names, with its passage there; failing that (the paragraph
	 * is not in the article, or no longer holds the passage, or the target says the note is orphaned) where its
	 * {@code marginalia:writtenOn} re-anchors in the article's current version, as any note on an edited article
	 * does; and when it has no place in it, on the text it was written on, as an orphan.
	 * @return the note to write, or null after an error (in the entry's errors)
	 */
	private @Nullable NoteWrite place(Article article, ReAnchoring anchoring, Entry entry, OnParagraph on) {
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
				passage == null ? null : passage.start());
	}

	/** Where a reply's target leads: an annotation of the file, or a note of the container. */
	private record Parent(@Nullable Integer index, @Nullable Note note) {
	}

	/**
	 * The replies, each in the thread of the note it answers (through the replies it answers, threads being one
	 * level deep), private when anything up its thread is, as the protocol has it.
	 */
	private List<ReplyWrite> replies(String slug, List<Entry> entries, Map<String, Integer> byId,
			@Nullable Author viewer) {
		Map<Integer, Parent> parents = new HashMap<>();
		for (Entry entry : entries) {
			if (!entry.isReply()) {
				continue;
			}
			String iri = ((ToAnnotation) entry.draft().target()).iri();
			Integer index = byId.get(iri);
			if (index != null) {
				parents.put(entry.item().index(), new Parent(index, null));
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
				parents.put(entry.item().index(), new Parent(null, note.get()));
			}
		}
		List<ReplyWrite> writes = new ArrayList<>();
		for (Entry entry : entries) {
			Parent parent = parents.get(entry.item().index());
			if (parent == null) {
				continue;
			}
			boolean privateThread = false;
			Set<Integer> seen = new HashSet<>(Set.of(entry.item().index()));
			while (parent != null && parent.index() != null) {
				Entry above = entries.get(parent.index());
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
			NewNote note = new NewNote(entry.draft().body(), entry.draft().creatorName(), visibility);
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

	/**
	 * Writes the plan, notes first (so that every reply finds its thread), then the replies, then turns the deleted
	 * notes into the tombstones of their replies. Runs in the import's one transaction: a failure undoes it all.
	 */
	private ImportReport write(String slug, Plan plan, Author author) {
		Map<Integer, Note> written = new HashMap<>();
		for (NoteWrite write : plan.notes()) {
			Entry entry = write.entry();
			written.put(entry.item().index(), guarded(entry, () -> imports.restore(slug, write.block(), write.note(),
					author, entry.imported().created(), entry.imported().asSent())));
		}
		for (ReplyWrite write : plan.replies()) {
			Entry entry = write.entry();
			String parentId = write.rootIndex() != null ? written.get(write.rootIndex()).id() : write.rootNoteId();
			written.put(entry.item().index(), guarded(entry, () -> imports.restoreReply(slug, parentId, write.note(),
					author, entry.imported().created())));
		}
		Map<Integer, ImportReport.Item> items = new TreeMap<>();
		for (NoteWrite write : plan.notes()) {
			Entry entry = write.entry();
			Note note = written.get(entry.item().index());
			if (entry.imported().deleted()) {
				guarded(entry, () -> {
					commands.delete(slug, note.id(), note.version(), author);
					return note;
				});
			}
			items.put(entry.item().index(), new ImportReport.Item(entry.item().index(), entry.fileId(), note.id(),
					links.annotation(slug, note.id()), false, write.orphaned(), entry.imported().deleted()));
		}
		for (ReplyWrite write : plan.replies()) {
			Entry entry = write.entry();
			Note note = written.get(entry.item().index());
			items.put(entry.item().index(), new ImportReport.Item(entry.item().index(), entry.fileId(), note.id(),
					links.annotation(slug, note.id()), true, false, false));
		}
		return new ImportReport(plan.notes().size(), plan.replies().size(), List.copyOf(items.values()));
	}

	/**
	 * A write the checks should have made safe; when the rules still refuse it (the article changed meanwhile),
	 * the import stops there and its transaction is rolled back.
	 */
	private static Note guarded(Entry entry, Supplier<Note> write) {
		try {
			return write.get();
		}
		catch (InvalidNoteException ex) {
			List<Problem> problems = new ArrayList<>();
			ApiProblems.fields(ex).forEach((field, message) -> problems.add(
					new Problem(entry.item().index(), entry.fileId(), entry.item().path(), field, message)));
			throw new InvalidImportException("Annotation " + entry.item().index() + " cannot be imported, so none "
					+ "was: see errors and items.", problems);
		}
		catch (NoteNotFoundException | NoteForbiddenException | NoteConflictException ex) {
			throw new InvalidImportException("Annotation " + entry.item().index() + " cannot be imported, so none "
					+ "was: what it answers changed meanwhile.", List.of(new Problem(entry.item().index(),
							entry.fileId(), entry.item().path(), "target", "What this annotation answers changed "
									+ "while the file was imported; try again.")));
		}
	}

	private static String abbreviate(String text) {
		return text.length() > 80 ? text.substring(0, 80) + "…" : text;
	}

}
