package dev.marginalia.content.internal;

import dev.marginalia.content.BodyPart;
import dev.marginalia.content.Block;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.CoreHtmlNodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders an article's Markdown to HTML once, giving each block its id and cutting the HTML after each
 * block so that the page can put the block's controls (permalink, note count, notes) inside its wrapper.
 *
 * <p>A heading, paragraph or code block becomes {@code <div class="block"><p id="…">…</p>[controls]</div>};
 * a list item is its own wrapper, {@code <li id="…">…[controls]</li>}. Raw HTML in the Markdown is escaped
 * and unsafe link schemes are dropped: the article is ours, but nothing in it needs either.
 */
final class BodyRenderer {

	/** Stands where a block's controls go; the renderer escapes any such text in the article itself. */
	private static final Pattern CUT = Pattern.compile("<!--marginalia:end:([A-Za-z0-9-]+)-->");

	private final Map<Node, Block> blocks;

	private final HtmlRenderer renderer;

	BodyRenderer(Map<Node, Block> blocks) {
		this.blocks = blocks;
		this.renderer = HtmlRenderer.builder()
			.escapeHtml(true)
			.sanitizeUrls(true)
			.attributeProviderFactory(context -> new BlockAttributes())
			.nodeRendererFactory(BlockNodeRenderer::new)
			.build();
	}

	List<BodyPart> render(Node document) {
		String html = renderer.render(document);
		Map<String, Block> byId = new HashMap<>();
		blocks.values().forEach(block -> byId.put(block.id(), block));
		List<BodyPart> parts = new ArrayList<>();
		Matcher cut = CUT.matcher(html);
		int from = 0;
		while (cut.find()) {
			parts.add(new BodyPart(html.substring(from, cut.start()), byId.get(cut.group(1))));
			from = cut.end();
		}
		parts.add(new BodyPart(html.substring(from), null));
		return parts;
	}

	private final class BlockAttributes implements AttributeProvider {

		private boolean ledeGiven;

		@Override
		public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
			Block block = blocks.get(node);
			if (block == null || tagName.equals("code")) {
				return;
			}
			attributes.put("id", block.id());
			if (!ledeGiven && node instanceof Paragraph && isLede(node)) {
				attributes.put("class", "lede");
				ledeGiven = true;
			}
		}

		/** The standfirst: the first top-level paragraph, right after the article's first heading. */
		private static boolean isLede(Node node) {
			Node previous = node.getPrevious();
			while (previous != null && !(previous instanceof Heading)) {
				if (previous instanceof Paragraph) {
					return false;
				}
				previous = previous.getPrevious();
			}
			return previous != null && node.getParent() == previous.getParent()
					&& ((Heading) previous).getLevel() == 1;
		}

	}

	private final class BlockNodeRenderer extends CoreHtmlNodeRenderer {

		private final HtmlWriter html;

		BlockNodeRenderer(HtmlNodeRendererContext context) {
			super(context);
			this.html = context.getWriter();
		}

		@Override
		public void visit(Heading heading) {
			wrapped(heading, () -> super.visit(heading));
		}

		@Override
		public void visit(Paragraph paragraph) {
			wrapped(paragraph, () -> super.visit(paragraph));
		}

		@Override
		public void visit(FencedCodeBlock codeBlock) {
			wrapped(codeBlock, () -> super.visit(codeBlock));
		}

		@Override
		public void visit(IndentedCodeBlock codeBlock) {
			wrapped(codeBlock, () -> super.visit(codeBlock));
		}

		@Override
		public void visit(HtmlBlock htmlBlock) {
			wrapped(htmlBlock, () -> super.visit(htmlBlock));
		}

		@Override
		public void visit(ListItem listItem) {
			html.tag("li", context.extendAttributes(listItem, "li", Collections.emptyMap()));
			visitChildren(listItem);
			cut(listItem);
			html.tag("/li");
			html.line();
		}

		private void cut(Node node) {
			html.raw("<!--marginalia:end:" + blocks.get(node).id() + "-->");
		}

		private void wrapped(Node node, Runnable core) {
			if (!blocks.containsKey(node)) {
				core.run();
				return;
			}
			html.line();
			html.raw("<div class=\"block\">");
			core.run();
			cut(node);
			html.raw("</div>");
			html.line();
		}

	}

}
