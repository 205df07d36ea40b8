package dev.marginalia.reading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.anchoring.PassageMarks.Passage;
import dev.marginalia.anchoring.PassageMarks;
import dev.marginalia.content.Article;
import dev.marginalia.content.BlockKind;
import dev.marginalia.content.BodyPart;
import dev.marginalia.notes.ArticleNotes;
import dev.marginalia.notes.BlockNotes;
import dev.marginalia.notes.ConversationShape;
import dev.marginalia.notes.HighlightColour;
import dev.marginalia.notes.NoteThread;

/**
 * The article's HTML with the passages that notes are on marked, for the reader who is looking: only the
 * paragraphs that have passage notes are touched; every other part is served as rendered once.
 */
final class Highlights {

	private Highlights() {
	}

	/**
	 * @param shape the public conversation: its top passages are marked as such
	 * @return for each paragraph with passage notes, its body part's HTML with the passages marked
	 */
	static Map<String, String> of(Article article, ArticleNotes notes, ConversationShape shape) {
		Map<String, List<Passage>> passages = new HashMap<>();
		notes.passages().forEach((blockId, ranges) -> passages.put(blockId, passages(blockId, ranges, notes.on(blockId), shape)));
		Map<String, String> highlighted = new HashMap<>();
		for (BodyPart part : article.body()) {
			if (part.block() != null && passages.containsKey(part.block().id())) {
				String marked = mark(part.html(), part.block().id(), part.block().kind(), passages.get(part.block().id()));
				if (marked != null) {
					highlighted.put(part.block().id(), marked);
				}
			}
		}
		return highlighted;
	}

	/**
	 * Every passage of a paragraph with its count of notes and its highlight colour (a passage with notes of two
	 * colours is two passages), each naming the notes the page shows beside the paragraph (their passages keep their
	 * anchors, and their marks are tied to them on the page).
	 */
	private static List<Passage> passages(String blockId, List<ArticleNotes.PassageAt> ranges, BlockNotes shown,
			ConversationShape shape) {
		Map<List<Object>, List<String>> shownIds = new LinkedHashMap<>();
		for (NoteThread thread : shown.shown()) {
			if (thread.passage() != null && !thread.note().deleted()) {
				HighlightColour colour = thread.note().highlight();
				shownIds.computeIfAbsent(List.of(thread.passage().start(), thread.passage().end(),
						colour == null ? HighlightColour.DEFAULT : colour), range -> new ArrayList<>())
					.add(thread.note().id());
			}
		}
		List<Passage> passages = new ArrayList<>();
		for (ArticleNotes.PassageAt range : ranges) {
			List<String> ids = shownIds.remove(List.of(range.start(), range.end(), range.highlight()));
			passages.add(new Passage(range.start(), range.end(), range.notes(), ids == null ? List.of() : ids,
					style(range.highlight()), shape.isTop(blockId, range.start(), range.end())));
		}
		// a shown note whose passage the count did not see yet (written between the two reads) is marked too
		shownIds.forEach((range, ids) -> passages.add(new Passage((Integer) range.get(0), (Integer) range.get(1),
				ids.size(), ids, style((HighlightColour) range.get(2)))));
		return passages;
	}

	/** The marks of a colour have its class of the highlights' stylesheet, and its name in their title. */
	private static PassageMarks.Style style(HighlightColour colour) {
		return new PassageMarks.Style(colour.styleClass(), colour.key());
	}

	/** @return the part with the block element's content marked, or null where the content is not in this part */
	private static String mark(String html, String blockId, BlockKind kind, List<Passage> passages) {
		int id = html.indexOf("id=\"" + blockId + "\"");
		if (id < 0) {
			return null;
		}
		int start = html.indexOf('>', id) + 1;
		int end = kind == BlockKind.LIST_ITEM ? html.length() : html.lastIndexOf("</");
		String inner = html.substring(start, end);
		if (end < start || kind == BlockKind.LIST_ITEM && (inner.contains("<ul") || inner.contains("<ol"))) {
			return null;
		}
		return html.substring(0, start) + PassageMarks.apply(inner, passages) + html.substring(end);
	}

}
