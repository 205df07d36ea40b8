package dev.marginalia.anchoring;

import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.content.BodyPart;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector.SelectorParseException;

/**
 * The article's elements as the article page lays them out ({@code body > main > article}, each block in its
 * {@code div.block}), for the XPath and CSS selectors of clients that describe a selection by the page's structure
 * (Hypothesis's RangeSelector, the W3C XPathSelector and CssSelector). Only the article's own elements are here:
 * a path into the page's controls finds nothing, and the client's other selectors decide.
 */
final class ArticleStructure {

	private final Document document;

	private final Element article;

	ArticleStructure(Article article) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head></head><body>")
			.append("<a class=\"skip-link\"></a><header class=\"site-header\"><a class=\"site-name\"></a></header>")
			.append("<main id=\"main\" class=\"page reading\"><article class=\"article\"><p class=\"kicker\"></p>");
		for (BodyPart part : article.body()) {
			html.append(part.html());
		}
		html.append("</article></main></body></html>");
		this.document = Jsoup.parse(html.toString());
		this.article = document.selectFirst("article");
	}

	/**
	 * @param xpath an XPath from the document (/html/body/...), from the body as Hypothesis writes them
	 * (/main[1]/article[1]/div[3]/p[1]), or any other XPath 1.0 expression
	 * @return the element, if the path names one of the article
	 */
	Optional<Element> byXPath(String xpath) {
		String path = xpath.strip();
		if (path.isEmpty()) {
			return Optional.empty();
		}
		// Hypothesis writes paths from the body; XPathSelector paths start at the document
		boolean fromBody = path.startsWith("/") && !path.startsWith("//") && !path.toLowerCase().startsWith("/html");
		for (String candidate : fromBody ? new String[] { "/html/body" + path, path } : new String[] { path }) {
			try {
				Element found = document.selectXpath(candidate).first();
				if (found != null) {
					return Optional.of(found);
				}
			}
			catch (RuntimeException ex) {
				// not an XPath jsoup can evaluate: the client's other selectors decide
			}
		}
		return Optional.empty();
	}

	/** @return the element a CSS selector names, if it is part of the article */
	Optional<Element> byCss(String css) {
		try {
			return Optional.ofNullable(document.selectFirst(css));
		}
		catch (SelectorParseException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** @return whether the element is the article itself or holds it (the page, its body, main) */
	boolean holdsArticle(Element element) {
		return element == article || article.parents().contains(element);
	}

	/**
	 * @return the block the element is (or is inside of, or, for a block's wrapper, holds), if any
	 */
	Optional<Block> blockOf(Element element, Article version) {
		for (Element at = element; at != null; at = at.parent()) {
			Optional<Block> block = version.block(at.id());
			if (!at.id().isEmpty() && block.isPresent()) {
				return block;
			}
		}
		if (element.hasClass("block")) {
			for (Element child : element.children()) {
				Optional<Block> block = version.block(child.id());
				if (!child.id().isEmpty() && block.isPresent()) {
					return block;
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * @return where a character offset inside an element's text falls in its block's text (UTF-16, as a client's
	 * DOM counts it), or null when the element is not in that block's element
	 */
	@Nullable Integer offsetInBlock(Element container, int offset, Block block) {
		Element blockElement = document.getElementById(block.id());
		if (blockElement == null) {
			return null;
		}
		if (container == blockElement.parent()) {
			return Math.max(0, offset - leadingWhitespace(container));
		}
		if (container != blockElement && !container.parents().contains(blockElement)) {
			return null;
		}
		int[] before = { 0 };
		boolean[] found = { false };
		NodeTraversor.traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (found[0]) {
					return;
				}
				if (node == container) {
					found[0] = true;
				}
				else if (node instanceof TextNode text) {
					before[0] += text.getWholeText().length();
				}
			}
		}, blockElement);
		return found[0] ? before[0] + offset : null;
	}

	private static int leadingWhitespace(Element element) {
		String text = element.wholeText();
		int i = 0;
		while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
			i++;
		}
		return i;
	}

}
