package dev.marginalia.annotations;

import java.util.Map;

import dev.marginalia.annotations.AnnotationDraft.Imported;
import dev.marginalia.annotations.AnnotationDraft.ToAnnotation;
import org.jspecify.annotations.Nullable;

/**
 * One annotation of an import file as read, and the problems found with it so far.
 * @param index its index in the file, from 0
 * @param path its JSON path in the file (for example {@code first.items[3]})
 * @param draft null when the annotation could not be read at all
 * @param errors its problems, by JSON path inside it (more are added as the import is planned)
 */
record ImportEntry(int index, String path, @Nullable AnnotationDraft draft, Map<String, String> errors) {

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

	/** @return a problem of this annotation, with where it is in the file */
	InvalidImportException.Problem problem(String field, String message) {
		return new InvalidImportException.Problem(index, fileId(), path, field, message);
	}

}
