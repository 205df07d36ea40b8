package dev.marginalia.annotations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An import of annotations refused as a whole: nothing was stored. Every problem found is listed, each with the
 * JSON path of its field in the file and, for a problem in one annotation, that annotation's index.
 */
public class InvalidImportException extends RuntimeException {

	private final List<Problem> problems;

	/**
	 * @param summary one sentence for people
	 * @param problems every problem found, in the file's order
	 */
	public InvalidImportException(String summary, List<Problem> problems) {
		super(summary, null, false, false);
		this.problems = List.copyOf(problems);
	}

	/** A problem with the file as a whole (not one of its annotations). */
	static InvalidImportException ofFile(String path, String message) {
		return new InvalidImportException(message + " Nothing was imported.",
				List.of(new Problem(null, null, null, path, message)));
	}

	/** @return every problem, in the file's order */
	public List<Problem> problems() {
		return problems;
	}

	/** @return the JSON path of each problem's field to what is wrong with it */
	public Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(problem -> errors.putIfAbsent(problem.path(), problem.message()));
		return Collections.unmodifiableMap(errors);
	}

	/**
	 * @return the bad annotations, in the file's order: {@code index}, {@code id} (as in the file, when it has one),
	 * {@code path}, and {@code errors} (the field's path inside the annotation to what is wrong with it)
	 */
	List<Map<String, Object>> items() {
		Map<Integer, Map<String, Object>> items = new LinkedHashMap<>();
		for (Problem problem : problems) {
			Integer index = problem.index();
			if (index == null) {
				continue;
			}
			Map<String, Object> item = items.computeIfAbsent(index, key -> {
				Map<String, Object> created = new LinkedHashMap<>();
				created.put("index", index);
				if (problem.annotationId() != null) {
					created.put("id", problem.annotationId());
				}
				created.put("path", problem.itemPath());
				created.put("errors", new LinkedHashMap<String, String>());
				return created;
			});
			@SuppressWarnings("unchecked")
			Map<String, String> errors = (Map<String, String>) item.get("errors");
			errors.putIfAbsent(problem.field(), problem.message());
		}
		return new ArrayList<>(items.values());
	}

	/**
	 * One problem.
	 * @param index the annotation's index in the file, from 0, or null for the file as a whole
	 * @param annotationId the annotation's {@code id} in the file, or null
	 * @param itemPath the JSON path of the annotation in the file (for example {@code first.items[3]}), or null
	 * @param field the JSON path of the field inside the annotation ({@code $}: the annotation itself), or inside
	 * the file for a problem of the file
	 * @param message what is wrong
	 */
	public record Problem(@Nullable Integer index, @Nullable String annotationId, @Nullable String itemPath,
			String field, String message) {

		/** @return the JSON path of the field in the file */
		public String path() {
			if (itemPath == null) {
				return field;
			}
			return field.equals("$") ? itemPath : itemPath + (field.startsWith("[") ? "" : ".") + field;
		}

	}

}
