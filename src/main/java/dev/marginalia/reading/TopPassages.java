package dev.marginalia.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.notes.ConversationShape;
import dev.marginalia.notes.ConversationShape.TopPassage;

/**
 * The "Top passages" list of the article page: each passage the most different readers annotated (see
 * {@link ConversationShape.TopPassage}) with its words, how many readers, and links to it in the text and to its
 * paragraph's notes.
 */
final class TopPassages {

	/** The most code points of a passage's words the list shows. */
	static final int QUOTE_LENGTH = 280;

	private TopPassages() {
	}

	/**
	 * One passage of the list.
	 * @param blockId its paragraph
	 * @param label its paragraph as readers count it ("paragraph 12")
	 * @param quote its words, shortened at a word past {@link #QUOTE_LENGTH}
	 * @param fragment the link to it in the text: its paragraph and its words as a text directive
	 * @param readers how many different readers wrote on it
	 * @param notes how many public notes and replies are on it
	 */
	record Item(String blockId, String label, String quote, String fragment, int readers, int notes) {
	}

	static List<Item> of(Article article, ConversationShape shape) {
		List<Item> items = new ArrayList<>();
		for (TopPassage top : shape.topPassages()) {
			item(article, top).ifPresent(items::add);
		}
		return List.copyOf(items);
	}

	private static Optional<Item> item(Article article, TopPassage top) {
		Optional<Block> found = article.block(top.blockId());
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Block block = found.get();
		String text = block.text();
		if (top.start() < 0 || top.end() <= top.start() || top.end() > text.codePointCount(0, text.length())) {
			return Optional.empty();
		}
		TextQuote quote = Anchoring.quoteAt(text, top.start(), top.end());
		return Optional.of(new Item(block.id(), article.label(block), Excerpt.shorten(quote.exact(), QUOTE_LENGTH),
				"#" + block.id() + ":~:" + quote.textDirective(), top.readers(), top.notes()));
	}

}
