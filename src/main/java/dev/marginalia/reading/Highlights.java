package dev.marginalia.reading;

import dev.marginalia.anchoring.PassageMarks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.content.Article;
import dev.marginalia.content.BlockKind;
import dev.marginalia.content.BodyPart;
import dev.marginalia.notes.ArticleNotes;
import dev.marginalia.anchoring.PassageMarks.Passage;

/**
 * The article's HTML with the passages that notes are on marked, for the reader who is looking: only the
 * paragraphs that have passage notes are touched; every other part is served as rendered once.
 */
final class Highlights {

	private Highlights() {
	}

	/** @return for each paragraph with passage notes, its body part's HTML with the passages marked */
	static Map<String, String> of(Article article, ArticleNotes notes) {
		Map<String, List<Passage>> passages = new HashMap<>();
		notes.passages().forEach((blockId, marks) -> passages.put(blockId,
				marks.stream().map(mark -> new Passage(mark.start(), mark.end(), mark.noteId())).toList()));
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
