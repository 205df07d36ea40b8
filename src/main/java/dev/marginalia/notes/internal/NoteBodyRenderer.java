package dev.marginalia.notes.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders a note's Markdown to HTML that is safe to put in the page: raw HTML is escaped, links keep only
 * {@code http}, {@code https} and {@code mailto} targets and get {@code rel="nofollow ugc noopener"}, images
 * become their alt text (nothing is loaded from another host), and headings become bold paragraphs so that a
 * note cannot break the page's outline. Thread-safe; built once.
 */
@org.springframework.stereotype.Component
public final class NoteBodyRenderer {

	private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

	private static final SchemeAllowList LINKS = new SchemeAllowList();

	private final Parser parser = Parser.builder().build();

	private final HtmlRenderer renderer = HtmlRenderer.builder()
		.escapeHtml(true)
		.sanitizeUrls(true)
		.urlSanitizer(LINKS)
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link) {
				attributes.put("rel", "nofollow ugc noopener");
			}
		})
		.nodeRendererFactory(NoteNodeRenderer::new)
		.build();

	/**
	 * @param markdown what the reader wrote
	 * @return safe HTML
	 */
	public String render(String markdown) {
		return renderer.render(parser.parse(markdown));
	}

	/** Keeps a URL only when its scheme is allowed; anything else becomes an empty link target. */
	private static final class SchemeAllowList implements org.commonmark.renderer.html.UrlSanitizer {

		@Override
		public String sanitizeLinkUrl(String url) {
			try {
				URI uri = new URI(url.strip());
				String scheme = uri.getScheme();
				if (scheme != null && SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
					return uri.toASCIIString();
				}
			}
			catch (java.net.URISyntaxException ex) {
				// not a URL we can vouch for
			}
			return "";
		}

		@Override
		public String sanitizeImageUrl(String url) {
			return "";
		}

	}

	private static final class NoteNodeRenderer implements NodeRenderer {

		private final HtmlNodeRendererContext context;

		private final HtmlWriter html;

		NoteNodeRenderer(HtmlNodeRendererContext context) {
			this.context = context;
			this.html = context.getWriter();
		}

		@Override
		public Set<Class<? extends Node>> getNodeTypes() {
			return Set.of(Heading.class, Image.class, Link.class);
		}

		@Override
		public void render(Node node) {
			if (node instanceof Heading heading) {
				html.line();
				html.tag("p");
				html.tag("strong");
				children(heading);
				html.tag("/strong");
				html.tag("/p");
				html.line();
			}
			else if (node instanceof Image image) {
				children(image);
			}
			else if (node instanceof Link link) {
				String safe = LINKS.sanitizeLinkUrl(link.getDestination());
				if (safe.isEmpty()) {
					// a link whose target was refused shows as its text alone
					children(link);
					return;
				}
				Map<String, String> attributes = context.extendAttributes(link, "a", Map.of("href", context.encodeUrl(safe)));
				html.tag("a", attributes);
				children(link);
				html.tag("/a");
			}
		}

		private void children(Node parent) {
			Node child = parent.getFirstChild();
			while (child != null) {
				Node next = child.getNext();
				context.render(child);
				child = next;
			}
		}

	}


}
