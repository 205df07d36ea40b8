package dev.marginalia.annotations;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.MyNotes;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A reader's own notes and replies ({@link MyNotes}) as one W3C AnnotationCollection, paged as {@link MyNotes} pages
 * them ({@value MyNotes#PAGE_SIZE} a page, newest first, pages from 0): the collection with its first page embedded,
 * or one page on its own. Each item is the annotation as its article's container serves it
 * ({@link Representations#annotation}); a note whose article is no longer on the site has no target to give, and is
 * left out of the items (it is still counted in {@code total}).
 */
@Component
class MyAnnotations {

	private final MyNotes notes;

	private final Representations representations;

	private final Anchoring anchoring;

	MyAnnotations(MyNotes notes, Representations representations, Anchoring anchoring) {
		this.notes = notes;
		this.representations = representations;
		this.anchoring = anchoring;
	}

	/**
	 * @param id the collection's IRI (its pages are {@code id?page=N})
	 * @param author whose notes (null: a reader without a secret, who has none)
	 */
	Map<String, Object> collection(String id, @Nullable Author author) {
		MyNotes.Page first = notes.page(author, 1);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@context", Vocabulary.ANNOTATION_CONTEXT);
		json.put("id", id);
		json.put("type", "AnnotationCollection");
		json.put("label", "My notes");
		putCount(json, first);
		if (!first.notes().isEmpty()) {
			// a collection with annotations MUST have a first page (Data Model §5.1)
			json.put("first", page(id, first, false));
			putLast(json, id, first);
		}
		return json;
	}

	/**
	 * @param number from 0
	 * @throws ApiProblem 404 past the last page
	 */
	Map<String, Object> page(String id, @Nullable Author author, int number) {
		MyNotes.Page page = notes.page(author, number + 1);
		if (page.number() != number + 1 || number > 0 && page.notes().isEmpty()) {
			throw ApiProblem.of(HttpStatus.NOT_FOUND, "There is no page " + number + " of your notes.");
		}
		return page(id, page, true);
	}

	/** One page (Data Model §5.2): its collection, the pages before and after it, the annotations in it. */
	private Map<String, Object> page(String id, MyNotes.Page page, boolean standalone) {
		int number = page.number() - 1;
		Map<String, Object> json = new LinkedHashMap<>();
		if (standalone) {
			json.put("@context", Vocabulary.ANNOTATION_CONTEXT);
		}
		json.put("id", pageId(id, number));
		json.put("type", "AnnotationPage");
		if (standalone) {
			Map<String, Object> partOf = new LinkedHashMap<>();
			partOf.put("id", id);
			partOf.put("type", "AnnotationCollection");
			putCount(partOf, page);
			partOf.put("first", pageId(id, 0));
			putLast(partOf, id, page);
			json.put("partOf", partOf);
		}
		else {
			json.put("partOf", id);
		}
		json.put("startIndex", number * MyNotes.PAGE_SIZE);
		if (number > 0) {
			json.put("prev", pageId(id, number - 1));
		}
		if (page.hasNext()) {
			json.put("next", pageId(id, number + 1));
		}
		Map<String, ReAnchoring> placing = new HashMap<>();
		json.put("items", page.notes().stream()
			.filter(mine -> mine.article() != null)
			.map(mine -> representations.annotation(mine.note(), placing.computeIfAbsent(mine.note().articleSlug(),
					slug -> anchoring.reAnchoring(Objects.requireNonNull(mine.article()))), false))
			.toList());
		return json;
	}

	/** {@code total}, when the notes are all counted (see {@link MyNotes#COUNTED}): it is optional. */
	private static void putCount(Map<String, Object> json, MyNotes.Page page) {
		if (page.total() != null) {
			json.put("total", page.total());
		}
	}

	/** {@code last}, when it is known (see {@link MyNotes#COUNTED}). */
	private static void putLast(Map<String, Object> json, String id, MyNotes.Page page) {
		Integer pages = page.pages();
		if (pages != null) {
			json.put("last", pageId(id, pages - 1));
		}
	}

	private static String pageId(String id, int number) {
		return id + "?page=" + number;
	}

}
