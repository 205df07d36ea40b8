package dev.marginalia.annotations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Reads an import file: finds its annotations (an AnnotationCollection with its pages embedded, one AnnotationPage,
 * or a JSON array of annotations; at most {@value AnnotationImport#MAX_ANNOTATIONS}), and reads each as
 * {@link AnnotationReader#readImported} does, with its problems.
 */
@Component
class ImportFileReader {

	private static final String FORMAT = "An import is an AnnotationCollection with its annotations embedded, an "
			+ "AnnotationPage, or a JSON array of annotations.";

	private final AnnotationReader reader;

	ImportFileReader(AnnotationReader reader) {
		this.reader = reader;
	}

	/**
	 * @return every annotation of the file, in its order, as read
	 * @throws InvalidImportException when it is not a file of annotations, or holds more than
	 * {@value AnnotationImport#MAX_ANNOTATIONS} (saying how many it holds)
	 */
	List<ImportEntry> read(JsonNode file, String slug) {
		List<ImportEntry> entries = new ArrayList<>();
		for (Item item : items(file)) {
			Map<String, String> errors = new LinkedHashMap<>();
			AnnotationDraft draft = reader.readImported(item.json(), slug, errors);
			entries.add(new ImportEntry(item.index(), item.path(), draft, errors));
		}
		return entries;
	}

	/** One annotation of the file, with where it is in it. */
	private record Item(int index, String path, JsonNode json) {
	}

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
		if (items.count() > AnnotationImport.MAX_ANNOTATIONS) {
			throw InvalidImportException.ofFile("$", String.format(Locale.ROOT,
					"An import holds at most %,d annotations; this one has %,d. Split it into several requests.",
					AnnotationImport.MAX_ANNOTATIONS, items.count()));
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
	 * The annotations found so far, and how many: past {@value AnnotationImport#MAX_ANNOTATIONS} they are only
	 * counted (a file of 5 MB can hold a million empty ones), so that the refusal can say how many the file holds.
	 */
	private static final class Found {

		private final List<Item> list = new ArrayList<>();

		private int count;

		void addAll(JsonNode array, String path) {
			for (int i = 0; i < array.size() && list.size() < AnnotationImport.MAX_ANNOTATIONS; i++) {
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

}
