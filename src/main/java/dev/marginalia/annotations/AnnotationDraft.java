package dev.marginalia.annotations;

import org.jspecify.annotations.Nullable;

/**
 * What a client sent as an annotation, reduced to what a note has. Null where the client left a property out.
 * @param id the {@code id} it gave (ignored on POST: the server assigns the IRI; on PUT it must be the same)
 * @param motivation {@code commenting} or {@code replying}
 * @param target the paragraph, or the annotation replied to
 * @param body the Markdown of the one TextualBody
 * @param creatorName the creator's {@code name}
 * @param visibility {@code public} or {@code private}, from {@code marginalia:visibility}
 */
record AnnotationDraft(@Nullable String id, @Nullable String motivation, @Nullable Target target,
		@Nullable String body, @Nullable String creatorName, @Nullable String visibility) {

	static final String COMMENTING = "commenting";

	static final String REPLYING = "replying";

	/** What an annotation is on. */
	sealed interface Target permits OnParagraph, InReplyTo {
	}

	/** A paragraph of the container's article, by its id. */
	record OnParagraph(String blockId) implements Target {
	}

	/** Another annotation in the same container, by its note id. */
	record InReplyTo(String noteId) implements Target {
	}

}
