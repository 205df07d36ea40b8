package dev.marginalia.annotations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an import of annotations stored.
 * @param notes how many notes on paragraphs (orphans and deleted notes kept for their replies included)
 * @param replies how many replies
 * @param items every annotation of the file, in the file's order
 */
public record ImportReport(int notes, int replies, List<Item> items) {

	public ImportReport {
		items = List.copyOf(items);
	}

	/** @return the {@code id} each annotation had in the file (those that had one) to its new IRI */
	public Map<String, String> ids() {
		Map<String, String> ids = new LinkedHashMap<>();
		items.stream().filter(item -> item.fileId() != null).forEach(item -> ids.put(item.fileId(), item.iri()));
		return ids;
	}

	/**
	 * One annotation of the file, now a note or a reply.
	 * @param index its index in the file, from 0
	 * @param fileId its {@code id} in the file, or null
	 * @param noteId the new note's id
	 * @param iri the new annotation's IRI
	 * @param reply whether it is a reply
	 * @param orphaned whether its paragraph is no longer in the article (it is kept on the text it was written on)
	 * @param deleted whether it is a deleted note, kept for its replies
	 */
	public record Item(int index, @Nullable String fileId, String noteId, String iri, boolean reply, boolean orphaned,
			boolean deleted) {
	}

}
