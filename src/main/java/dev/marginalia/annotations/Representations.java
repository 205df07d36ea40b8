package dev.marginalia.annotations;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.CodePointRange;
import dev.marginalia.anchoring.Placement;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.content.Article;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteSearch;
import dev.marginalia.notes.TargetAsSent;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Notes as Web Annotations, and containers and pages as Activity Streams collections, in compacted JSON-LD
 * (ordered maps, written by {@link Json}).
 */
@Component
class Representations {

	/** How many annotations a page holds. */
	static final int PAGE_SIZE = 20;

	private static final List<String> CONTAINER_TYPES = List.of("BasicContainer", "AnnotationCollection");

	private final ApiLinks links;

	private final Anchoring anchoring;

	Representations(ApiLinks links, Anchoring anchoring) {
		this.links = links;
		this.anchoring = anchoring;
	}

	/**
	 * A note as an annotation: motivation commenting and a paragraph target, or motivation replying and the
	 * parent annotation as target; one TextualBody in Markdown (and one with the purpose tagging per tag); creator,
	 * created and modified in UTC. A deleted note
	 * kept for its replies (only an export lists one) has neither body nor creator, and {@code marginalia:deleted}.
	 * @param article the current version of the note's article, to say where the note is now
	 * @param standalone a document of its own, with its {@code @context} (not an item of a page)
	 */
	Map<String, Object> annotation(Note note, Article article, boolean standalone) {
		return annotation(note, anchoring.reAnchoring(article), standalone);
	}

	Map<String, Object> annotation(Note note, ReAnchoring placing, boolean standalone) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (standalone) {
			json.put("@context", Vocabulary.ANNOTATION_CONTEXT);
		}
		json.put("id", links.annotation(note.articleSlug(), note.id()));
		json.put("type", "Annotation");
		json.put("motivation", note.isReply() ? AnnotationDraft.REPLYING : AnnotationDraft.COMMENTING);
		json.put("created", timestamp(note.createdAt()));
		if (note.editedAt() != null) {
			json.put("modified", timestamp(note.editedAt()));
		}
		if (note.deleted()) {
			json.put(Vocabulary.DELETED, true);
		}
		else {
			json.put("creator", ordered("type", "Person", "name", note.authorName()));
			json.put("body", body(note));
		}
		String parentId = note.parentId();
		json.put("target", parentId != null ? links.annotation(note.articleSlug(), parentId) : target(note, placing));
		if (parentId == null && styleClass(note) != null) {
			json.put("stylesheet", stylesheet());
		}
		json.put(Vocabulary.VISIBILITY, note.isPrivate() ? "private" : "public");
		if (!note.isPrivate() && !note.deleted()) {
			json.put(Vocabulary.USEFUL, note.useful());
		}
		TargetAsSent asSent = note.asSent();
		if (asSent != null && asSent.canonical() != null) {
			json.put("canonical", asSent.canonical());
		}
		if (asSent != null && asSent.via() != null) {
			json.put("via", asSent.via());
		}
		return json;
	}

	/**
	 * The note's text, one TextualBody in Markdown; with tags, an array of it and a TextualBody with the purpose
	 * {@code tagging} per tag (Data Model §3.3.5), in the note's order.
	 */
	private static Object body(Note note) {
		Map<String, Object> text = ordered("type", "TextualBody", "value", note.body(), "format", "text/markdown");
		if (note.tags().isEmpty()) {
			return text;
		}
		List<Object> bodies = new ArrayList<>();
		bodies.add(text);
		note.tags().forEach(tag -> bodies.add(ordered("type", "TextualBody", "purpose", AnnotationJson.Body.TAGGING,
				"value", tag)));
		return bodies;
	}

	/**
	 * An article's notes to download (what the viewer may see): one AnnotationCollection with every annotation
	 * embedded in its one page (Data Model §5), so that the file stands alone and can be imported again.
	 * @param notes in the order of the file: each note followed by its replies
	 */
	Map<String, Object> export(Article article, List<Note> notes) {
		ReAnchoring placing = anchoring.reAnchoring(article);
		String id = links.export(article.slug());
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@context", Vocabulary.ANNOTATION_CONTEXT);
		json.put("id", id);
		json.put("type", "AnnotationCollection");
		json.put("label", "Notes on " + article.metadata().title());
		json.put("total", notes.size());
		if (!notes.isEmpty()) {
			// a collection with annotations MUST have a first page (Data Model §5.1); here it is the only one
			Map<String, Object> page = new LinkedHashMap<>();
			page.put("id", id + "#page-0");
			page.put("type", "AnnotationPage");
			page.put("partOf", id);
			page.put("startIndex", 0);
			page.put("items", notes.stream().map(note -> annotation(note, placing, false)).toList());
			json.put("first", page);
			json.put("last", id + "#page-0");
		}
		return json;
	}

	/**
	 * The container (Protocol §4.2): with links to its first and last pages, or with the first page embedded
	 * unless the client prefers the minimal container.
	 * @param firstPage the annotations of page 0 (unused for the minimal container)
	 * @param filters the container's filters as query parameters ({@link ContainerFilters#suffix}), which its IRI and
	 * its pages' keep; "" for the whole container
	 */
	Map<String, Object> container(Article article, ContainerPreference preference, NoteSearch.Found firstPage,
			String filters) {
		String slug = article.slug();
		Integer total = firstPage.total();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@context", Vocabulary.CONTAINER_CONTEXT);
		json.put("id", links.containerView(slug, preference.iris(), filters));
		json.put("type", CONTAINER_TYPES);
		// the stylesheet of its annotations' styleClass (Data Model §4.3.2), named once for the whole container too
		json.put("stylesheet", stylesheet());
		json.put("label", "Notes on " + article.metadata().title());
		if (total != null) {
			// a filtered view that matches more than NoteSearch.COUNTED is not counted: no total, no last page
			json.put("total", total);
		}
		if (total == null || total > 0) {
			// the minimal container MUST NOT embed the first page (Protocol §4.2.2)
			json.put("first", preference.minimal() ? links.page(slug, preference.iris(), filters, 0)
					: page(slug, preference.iris(), 0, firstPage, false, article, filters));
		}
		if (total != null && total > 0) {
			json.put("last", links.page(slug, preference.iris(), filters, lastPage(total)));
		}
		return json;
	}

	/**
	 * One page (Protocol §4.3): MUST link its container with {@code partOf}, the previous page with {@code prev}
	 * unless it is the first, and the next with {@code next} unless it is the last.
	 * @param standalone a document of its own (else embedded as the container's {@code first})
	 * @param filters the container's filters as query parameters, "" for none
	 */
	Map<String, Object> page(String slug, boolean iris, int page, NoteSearch.Found found, boolean standalone,
			Article article, String filters) {
		Integer total = found.total();
		List<Note> notes = found.notes();
		ReAnchoring placing = anchoring.reAnchoring(article);
		Map<String, Object> json = new LinkedHashMap<>();
		if (standalone) {
			json.put("@context", Vocabulary.ANNOTATION_CONTEXT);
		}
		json.put("id", links.page(slug, iris, filters, page));
		json.put("type", "AnnotationPage");
		if (standalone) {
			Map<String, Object> partOf = new LinkedHashMap<>();
			partOf.put("id", links.containerView(slug, iris, filters));
			partOf.put("type", CONTAINER_TYPES);
			if (total != null) {
				partOf.put("total", total);
			}
			if (total == null || total > 0) {
				partOf.put("first", links.page(slug, iris, filters, 0));
			}
			if (total != null && total > 0) {
				partOf.put("last", links.page(slug, iris, filters, lastPage(total)));
			}
			json.put("partOf", partOf);
		}
		else {
			json.put("partOf", links.containerView(slug, iris, filters));
		}
		json.put("startIndex", page * PAGE_SIZE);
		if (page > 0) {
			json.put("prev", links.page(slug, iris, filters, page - 1));
		}
		if (found.hasNext()) {
			json.put("next", links.page(slug, iris, filters, page + 1));
		}
		json.put("items", notes.stream()
			.map(note -> iris ? links.annotation(slug, note.id()) : (Object) annotation(note, placing, false))
			.toList());
		return json;
	}

	/** @return the number of the last page, from 0 (an empty container has one, empty, page) */
	static int lastPage(int total) {
		return total == 0 ? 0 : (total - 1) / PAGE_SIZE;
	}

	/**
	 * A note's target: where the note is in the article's current version (see {@link ReAnchoring}), the paragraph
	 * by its id as an HTML fragment (Data Model §4.2.1, FragmentSelector) and, for a passage, the passage as one
	 * TextQuoteSelector refining it, with context enough to be unique in the whole article, beside the same
	 * FragmentSelector refined by a TextPositionSelector (code points): two alternatives, each one selector refined by
	 * one, as Apache Annotator and most readers of the model read them. Then where it was written
	 * ({@value Vocabulary#WRITTEN_ON}, with the paragraph's text then), and what the client sent
	 * ({@value Vocabulary#SELECTOR_AS_SENT}, {@value Vocabulary#ANCHORED_BY}). A note whose text is no longer in the
	 * article keeps the selector it was written with, flagged {@value Vocabulary#ORPHANED}.
	 */
	private Map<String, Object> target(Note note, ReAnchoring placing) {
		Passages.Place written = Passages.written(note);
		Optional<Placement> now = placing.place(note.anchor());
		Object selector;
		if (now.isPresent()) {
			Placement placement = now.get();
			CodePointRange range = note.quote() == null ? null : placement.range();
			selector = selector(placement.block().id(), range == null ? null
					: anchoring.describe(placing.article(), placement.block(), range));
		}
		else {
			selector = selector(written.blockId(), written.quote());
		}
		Map<String, Object> target = ordered("source", links.article(note.articleSlug()), "selector", selector);
		String styleClass = styleClass(note);
		if (styleClass != null) {
			target.put("styleClass", styleClass);
		}
		if (now.isEmpty()) {
			target.put(Vocabulary.ORPHANED, true);
		}
		// where it was written: one FragmentSelector, refined by the quote then, with the position then beside it
		Map<String, Object> writtenOn = fragment(written.blockId());
		TextQuote writtenQuote = written.quote();
		if (writtenQuote != null) {
			writtenOn.put("refinedBy", quoteSelector(writtenQuote));
		}
		writtenOn.put(Vocabulary.PARAGRAPH_TEXT, note.blockText());
		if (writtenQuote != null) {
			writtenOn.put(Vocabulary.WRITTEN_POSITION, positionSelector(writtenQuote));
		}
		target.put(Vocabulary.WRITTEN_ON, writtenOn);
		TargetAsSent asSent = note.asSent();
		if (asSent != null && asSent.selector() != null) {
			target.put(Vocabulary.SELECTOR_AS_SENT, Json.read(asSent.selector()));
		}
		if (asSent != null && asSent.anchoredBy() != null) {
			target.put(Vocabulary.ANCHORED_BY, asSent.anchoredBy());
		}
		return target;
	}

	/**
	 * The class of the passage's highlight colour in the highlights' stylesheet (Data Model §4.3.1), for a passage note
	 * with a colour of its own; null for one in the default colour (served as it was sent: without one), or for any
	 * other note.
	 */
	private static @Nullable String styleClass(Note note) {
		return note.quote() == null || note.colour() == null ? null : note.colour().styleClass();
	}

	/** The stylesheet that defines the classes (Data Model §4.3.2): a CssStylesheet served by this site. */
	private Map<String, Object> stylesheet() {
		return ordered("id", links.stylesheet(), "type", "CssStylesheet");
	}

	/**
	 * The paragraph's FragmentSelector; for a passage, two alternatives: the FragmentSelector refined by a
	 * TextQuoteSelector (exact, prefix, suffix), and refined by a TextPositionSelector (start, end: code points of the
	 * paragraph's text).
	 */
	private static Object selector(String blockId, @Nullable TextQuote quote) {
		Map<String, Object> fragment = fragment(blockId);
		if (quote == null) {
			return fragment;
		}
		fragment.put("refinedBy", quoteSelector(quote));
		Map<String, Object> byPosition = fragment(blockId);
		byPosition.put("refinedBy", positionSelector(quote));
		return List.of(fragment, byPosition);
	}

	private static Map<String, Object> quoteSelector(TextQuote quote) {
		return ordered("type", Vocabulary.TEXT_QUOTE_SELECTOR, "exact", quote.exact(), "prefix", quote.prefix(), "suffix",
				quote.suffix());
	}

	private static Map<String, Object> positionSelector(TextQuote quote) {
		return ordered("type", Vocabulary.TEXT_POSITION_SELECTOR, "start", quote.start(), "end", quote.end());
	}

	private static Map<String, Object> fragment(String blockId) {
		return ordered("type", Vocabulary.FRAGMENT_SELECTOR, "value", blockId, "conformsTo", Vocabulary.HTML_FRAGMENTS);
	}

	/** Data Model §3.3.1: xsd:dateTime, in UTC with the "Z" designator. */
	private static String timestamp(OffsetDateTime time) {
		return DateTimeFormatter.ISO_INSTANT.format(time.toInstant().truncatedTo(ChronoUnit.SECONDS));
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
