package dev.marginalia.annotations;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a client sent as an annotation, reduced to what a note has. Null where the client left a property out.
 * @param id the {@code id} it gave (ignored on POST: the server assigns the IRI; on PUT it must be the same; in an
 * import, how other annotations of the file refer to this one)
 * @param motivation {@code commenting} or {@code replying}
 * @param target the paragraph (and passage), or the annotation replied to
 * @param body the Markdown of the one TextualBody
 * @param creatorName the creator's {@code name}
 * @param visibility {@code public} or {@code private}, from {@code marginalia:visibility}
 * @param imported what only an import reads (server-managed on POST and PUT); null elsewhere
 * @param canonical the annotation's {@code canonical} IRI, kept unchanged (Protocol §5.1)
 * @param via the annotation's {@code via} IRI, kept
 * @param tags the values of its TextualBodies with the purpose {@code tagging}, as sent (none: an empty list, which
 * a PUT takes as "no tags")
 * @param colour the key of the highlight colour its target's {@code styleClass} names; null without one (a PUT then
 * keeps the note's)
 */
record AnnotationDraft(@Nullable String id, @Nullable String motivation, @Nullable Target target,
		@Nullable String body, @Nullable String creatorName, @Nullable String visibility,
		@Nullable Imported imported, @Nullable String canonical, @Nullable String via, List<String> tags,
		@Nullable String colour) {

	AnnotationDraft(@Nullable String id, @Nullable String motivation, @Nullable Target target, @Nullable String body,
			@Nullable String creatorName, @Nullable String visibility, @Nullable Imported imported,
			@Nullable String canonical, @Nullable String via, List<String> tags) {
		this(id, motivation, target, body, creatorName, visibility, imported, canonical, via, tags, null);
	}

	AnnotationDraft(@Nullable String id, @Nullable String motivation, @Nullable Target target, @Nullable String body,
			@Nullable String creatorName, @Nullable String visibility, @Nullable Imported imported,
			@Nullable String canonical, @Nullable String via) {
		this(id, motivation, target, body, creatorName, visibility, imported, canonical, via, List.of());
	}

	AnnotationDraft(@Nullable String id, @Nullable String motivation, @Nullable Target target, @Nullable String body,
			@Nullable String creatorName, @Nullable String visibility, @Nullable Imported imported) {
		this(id, motivation, target, body, creatorName, visibility, imported, null, null);
	}

	/** @return this draft with the key of a highlight colour (null: none) */
	AnnotationDraft withColour(@Nullable String colour) {
		return new AnnotationDraft(id, motivation, target, body, creatorName, visibility, imported, canonical, via, tags,
				colour);
	}

	static final String COMMENTING = "commenting";

	static final String REPLYING = "replying";

	/** What an annotation is on. */
	sealed interface Target permits Selected, OnParagraph, InReplyTo, ToAnnotation {
	}

	/**
	 * A place in the container's article, as the target's selectors name it (any shape: anchoring resolves it).
	 * @param selector null when the target is the article alone
	 * @param selectorJson the selector as the client wrote it, kept with the note
	 */
	record Selected(dev.marginalia.anchoring.@Nullable Selector selector, @Nullable String selectorJson)
			implements Target {
	}

	/**
	 * A paragraph of the container's article, by its id.
	 * @param passage the passage inside it, when the FragmentSelector is refined; null for the whole paragraph
	 */
	record OnParagraph(String blockId, @Nullable Passage passage) implements Target {
	}

	/** Another annotation in the same container, by its note id. */
	record InReplyTo(String noteId) implements Target {
	}

	/** In an import: another annotation by its IRI, an {@code id} in the file or an annotation of the container. */
	record ToAnnotation(String iri) implements Target {
	}

	/**
	 * A passage of a paragraph, as the selectors refining the paragraph's FragmentSelector give it: a
	 * TextQuoteSelector, a TextPositionSelector, or both (alternatives that select the same text, Data Model
	 * §4.2.9). Positions are Unicode code points inside the paragraph's text, end exclusive.
	 * @param exact the quote's {@code exact}, or null without a TextQuoteSelector
	 * @param start the position's {@code start}, or null without a TextPositionSelector
	 * @param end the position's {@code end} (greater than start), or null without one
	 * @param quotePath the JSON path of the TextQuoteSelector, for errors
	 * @param positionPath the JSON path of the TextPositionSelector, for errors
	 */
	record Passage(@Nullable String exact, @Nullable Integer start, @Nullable Integer end, String quotePath,
			String positionPath) {
	}

	/**
	 * What an import reads beyond what a client may write.
	 * @param created when the annotation was first written, or null
	 * @param writtenOn the paragraph and passage as they were written on ({@code marginalia:writtenOn}), or null
	 * @param orphaned whether the target is flagged {@code marginalia:orphaned}
	 * @param deleted whether it is a deleted note kept for its replies ({@code marginalia:deleted})
	 */
	record Imported(@Nullable OffsetDateTime created, @Nullable WrittenOn writtenOn, boolean orphaned,
			boolean deleted, dev.marginalia.notes.@Nullable TargetAsSent asSent) {

		Imported(@Nullable OffsetDateTime created, @Nullable WrittenOn writtenOn, boolean orphaned, boolean deleted) {
			this(created, writtenOn, orphaned, deleted, null);
		}

	}

	/**
	 * The selector a note was written with, and the paragraph's text then.
	 * @param path the JSON path of {@code marginalia:writtenOn}, for errors
	 */
	record WrittenOn(String blockId, String text, @Nullable Passage passage, String path) {
	}

}
