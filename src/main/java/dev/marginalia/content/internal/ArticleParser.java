package dev.marginalia.content.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.marginalia.hashing.Digests;
import dev.marginalia.content.Article;
import dev.marginalia.content.BodyPart;
import dev.marginalia.content.BlockKind;
import dev.marginalia.content.ArticleMetadata;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockIds;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Turns the bytes of one Markdown file into an {@link Article}: front matter, blocks with ids, rendered HTML.
 * Thread-safe; the commonmark parser is built once.
 */
public final class ArticleParser {

	private static final Pattern FRONT_MATTER_LINE = Pattern.compile("^( {0,3}[A-Za-z0-9_-]+:.*| +-.*|\\s*)$");

	private static final Set<String> KNOWN_KEYS = Set.of("title", "slug", "author", "publication", "summary",
			"language");

	private final Parser parser = Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

	/**
	 * @param slug the article's slug, from its file name
	 * @param bytes the file's contents
	 * @return the article
	 * @throws ArticleFormatException when the file is not UTF-8, its front matter is broken, or it has no text
	 */
	public Article parse(String slug, byte[] bytes) {
		String source = decode(bytes);
		checkFrontMatterShape(source);
		Node document = parser.parse(source);

		YamlFrontMatterVisitor frontMatter = new YamlFrontMatterVisitor();
		document.accept(frontMatter);
		ArticleMetadata metadata = metadata(slug, frontMatter.getData());

		List<Node> nodes = annotatableBlocks(document);
		if (nodes.isEmpty()) {
			throw new ArticleFormatException("the article has no text after its front matter");
		}
		List<String> texts = nodes.stream().map(ArticleParser::plainText).toList();
		List<String> ids = BlockIds.assign(texts);

		Map<Node, Block> blocks = new IdentityHashMap<>();
		List<Block> ordered = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			Block block = new Block(ids.get(i), kind(nodes.get(i)), i, texts.get(i));
			blocks.put(nodes.get(i), block);
			ordered.add(block);
		}
		List<BodyPart> body = new BodyRenderer(blocks).render(document);
		return new Article(slug, metadata, ordered, body, version(bytes));
	}

	private static String decode(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			throw new ArticleFormatException("the file is not valid UTF-8");
		}
	}

	/** The commonmark extension reads what it recognises and skips the rest; a broken header must not pass. */
	private static void checkFrontMatterShape(String source) {
		List<String> lines = source.lines().toList();
		if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
			throw new ArticleFormatException("the file does not start with YAML front matter (a line '---')");
		}
		boolean inLiteral = false;
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.equals("---") || line.equals("...")) {
				return;
			}
			if (inLiteral && (line.startsWith(" ") || line.isBlank())) {
				continue;
			}
			if (!FRONT_MATTER_LINE.matcher(line).matches()) {
				throw new ArticleFormatException(
						"front matter line " + (i + 1) + " is not 'key: value' or a list item: " + abbreviate(line));
			}
			inLiteral = line.strip().endsWith(": |");
		}
		throw new ArticleFormatException("the front matter is not closed by a line '---'");
	}

	private static ArticleMetadata metadata(String slug, Map<String, List<String>> data) {
		for (String key : data.keySet()) {
			if (!KNOWN_KEYS.contains(key)) {
				throw new ArticleFormatException(
						"unknown front matter key '" + key + "' (known: " + String.join(", ", KNOWN_KEYS) + ")");
			}
		}
		String declaredSlug = single(data, "slug", slug);
		if (!declaredSlug.equals(slug)) {
			throw new ArticleFormatException(
					"front matter slug '" + declaredSlug + "' differs from the file name '" + slug + ".md'");
		}
		String title = single(data, "title", "");
		if (title.isBlank()) {
			throw new ArticleFormatException("the front matter has no title");
		}
		return new ArticleMetadata(title, single(data, "author", ""), single(data, "publication", ""),
				single(data, "summary", ""), single(data, "language", "en"));
	}

	private static String single(Map<String, List<String>> data, String key, String fallback) {
		List<String> values = data.get(key);
		if (values == null || values.isEmpty()) {
			return fallback;
		}
		if (values.size() > 1) {
			throw new ArticleFormatException("front matter key '" + key + "' must have one value, not a list");
		}
		return values.get(0).strip();
	}

	/** Headings, paragraphs outside list items, list items, code blocks; a block quote is a container. */
	private static List<Node> annotatableBlocks(Node document) {
		List<Node> blocks = new ArrayList<>();
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Heading heading) {
				blocks.add(heading);
			}

			@Override
			public void visit(Paragraph paragraph) {
				if (!(paragraph.getParent() instanceof ListItem)) {
					blocks.add(paragraph);
				}
			}

			@Override
			public void visit(ListItem listItem) {
				blocks.add(listItem);
				visitChildren(listItem);
			}

			@Override
			public void visit(FencedCodeBlock codeBlock) {
				if (!(codeBlock.getParent() instanceof ListItem)) {
					blocks.add(codeBlock);
				}
			}

			@Override
			public void visit(IndentedCodeBlock codeBlock) {
				if (!(codeBlock.getParent() instanceof ListItem)) {
					blocks.add(codeBlock);
				}
			}

			@Override
			public void visit(HtmlBlock htmlBlock) {
				if (!(htmlBlock.getParent() instanceof ListItem)) {
					blocks.add(htmlBlock);
				}
			}
		});
		return blocks;
	}

	private static BlockKind kind(Node node) {
		if (node instanceof Heading) {
			return BlockKind.HEADING;
		}
		if (node instanceof ListItem) {
			return BlockKind.LIST_ITEM;
		}
		if (node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock) {
			return BlockKind.CODE;
		}
		return BlockKind.PARAGRAPH;
	}

	/** The text a reader sees in a block; a list item's nested lists belong to their own blocks. */
	static String plainText(Node block) {
		StringBuilder text = new StringBuilder();
		block.accept(new AbstractVisitor() {
			@Override
			public void visit(Text node) {
				text.append(node.getLiteral());
			}

			@Override
			public void visit(Code node) {
				text.append(node.getLiteral());
			}

			@Override
			public void visit(HtmlInline node) {
				text.append(node.getLiteral());
			}

			@Override
			public void visit(SoftLineBreak node) {
				text.append(' ');
			}

			@Override
			public void visit(HardLineBreak node) {
				text.append(' ');
			}

			@Override
			public void visit(FencedCodeBlock node) {
				text.append(node.getLiteral());
			}

			@Override
			public void visit(IndentedCodeBlock node) {
				text.append(node.getLiteral());
			}

			@Override
			public void visit(HtmlBlock node) {
				text.append(node.getLiteral());
			}

			@Override
			public void visit(Paragraph node) {
				if (!text.isEmpty()) {
					text.append(' ');
				}
				visitChildren(node);
			}

			@Override
			public void visit(org.commonmark.node.BulletList node) {
				skipNestedList(node);
			}

			@Override
			public void visit(org.commonmark.node.OrderedList node) {
				skipNestedList(node);
			}

			private void skipNestedList(ListBlock node) {
				if (node == block) {
					visitChildren(node);
				}
			}
		});
		return BlockIds.normalise(text.toString());
	}

	private static String version(byte[] bytes) {
		return Digests.sha256Hex(8, bytes);
	}

	private static String abbreviate(String line) {
		return line.length() > 60 ? line.substring(0, 60) + "…" : line;
	}

}
