package dev.marginalia.annotations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import dev.marginalia.annotations.ImportPlan.NoteWrite;
import dev.marginalia.annotations.ImportPlan.ReplyWrite;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.InvalidNoteException;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteConflictException;
import dev.marginalia.notes.NoteForbiddenException;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteImports;

import org.springframework.stereotype.Component;

/**
 * Writes a planned import: the notes first (so that every reply finds its thread), then the replies, then turns the
 * deleted notes into the tombstones of their replies. The caller runs it in one transaction: a failure undoes it all.
 */
@Component
class ImportWriter {

	private final NoteImports imports;

	private final NoteCommands commands;

	private final ApiLinks links;

	ImportWriter(NoteImports imports, NoteCommands commands, ApiLinks links) {
		this.imports = imports;
		this.commands = commands;
		this.links = links;
	}

	/**
	 * @param author who the notes belong to
	 * @throws InvalidImportException when the rules refuse a write after all (the article changed meanwhile)
	 */
	ImportReport write(String slug, ImportPlan plan, Author author) {
		Map<Integer, Note> written = new HashMap<>();
		for (NoteWrite write : plan.notes()) {
			ImportEntry entry = write.entry();
			written.put(entry.index(), guarded(entry, () -> imports.restore(slug, write.block(), write.note(),
					author, entry.imported().created(), entry.imported().asSent())));
		}
		for (ReplyWrite write : plan.replies()) {
			ImportEntry entry = write.entry();
			String parentId = write.rootIndex() != null ? written.get(write.rootIndex()).id() : write.rootNoteId();
			written.put(entry.index(), guarded(entry, () -> imports.restoreReply(slug, parentId, write.note(),
					author, entry.imported().created())));
		}
		Map<Integer, ImportReport.Item> items = new TreeMap<>();
		for (NoteWrite write : plan.notes()) {
			ImportEntry entry = write.entry();
			Note note = written.get(entry.index());
			if (entry.imported().deleted()) {
				guarded(entry, () -> {
					commands.delete(slug, note.id(), note.version(), author);
					return note;
				});
			}
			items.put(entry.index(), new ImportReport.Item(entry.index(), entry.fileId(), note.id(),
					links.annotation(slug, note.id()), false, write.orphaned(), entry.imported().deleted()));
		}
		for (ReplyWrite write : plan.replies()) {
			ImportEntry entry = write.entry();
			Note note = written.get(entry.index());
			items.put(entry.index(), new ImportReport.Item(entry.index(), entry.fileId(), note.id(),
					links.annotation(slug, note.id()), true, false, false));
		}
		return new ImportReport(plan.notes().size(), plan.replies().size(), List.copyOf(items.values()));
	}

	/**
	 * A write the checks should have made safe; when the rules still refuse it (the article changed meanwhile),
	 * the import stops there and its transaction is rolled back.
	 */
	private static Note guarded(ImportEntry entry, Supplier<Note> write) {
		try {
			return write.get();
		}
		catch (InvalidNoteException ex) {
			List<InvalidImportException.Problem> problems = ApiProblems.fields(ex)
				.entrySet()
				.stream()
				.map(field -> entry.problem(field.getKey(), field.getValue()))
				.toList();
			throw new InvalidImportException("Annotation " + entry.index() + " cannot be imported, so none "
					+ "was: see errors and items.", problems);
		}
		catch (NoteNotFoundException | NoteForbiddenException | NoteConflictException ex) {
			throw new InvalidImportException("Annotation " + entry.index() + " cannot be imported, so none "
					+ "was: what it answers changed meanwhile.", List.of(entry.problem("target", "What this "
							+ "annotation answers changed while the file was imported; try again.")));
		}
	}

}
