package dev.marginalia.content;

import dev.marginalia.content.internal.ArticleParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleParserTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	private static final Path CONTENT = Path.of("content", SLUG + ".md");

	/** The text the article was made from, as we were given it (a copy kept with the tests). */
	private static final Path SEED = Path.of("src", "test", "resources", "seed", "000_227c2ee7f7e157b6.txt");

	private final ArticleParser parser = new ArticleParser();

	private static String html(Article article) {
		return article.body().stream().map(BodyPart::html).collect(Collectors.joining());
	}

	private Article parse(String markdown) {
		return parser.parse("test", markdown.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theArticleHasItsHeadlineLedeAndTwentyFourQuotedParagraphs() throws IOException {
		Article article = parser.parse(SLUG, Files.readAllBytes(CONTENT));

		assertThat(article.blocks()).hasSize(26);
		assertThat(new HashSet<>(article.blocks().stream().map(Block::id).toList())).hasSize(26);
		assertThat(article.metadata().author()).isEqualTo("Kassym-Jomart Tokayev");
		assertThat(article.metadata().publication()).isEqualTo("The National Interest");
		assertThat(article.metadata().language()).isEqualTo("en");
		assertThat(article.metadata().title()).startsWith("“The world is entering an era");

		Document page = Jsoup.parseBodyFragment(html(article));
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.selectFirst("h1").id()).isEqualTo(article.blocks().get(0).id());
		assertThat(page.select("p.lede")).hasSize(1);
		assertThat(page.selectFirst("p.lede").id()).isEqualTo(article.blocks().get(1).id());
		assertThat(page.select("blockquote p[id]")).hasSize(24);
		assertThat(page.text()).doesNotContain("Photo www");
		assertThat(article.blocks().get(25).text()).endsWith("concluded the head of Kazakhstan.");
	}

	@Test
	void everySentenceOfTheSeedIsKeptVerbatim() throws IOException {
		List<String> seed = Files.readAllLines(SEED).stream().map(String::strip).filter(line -> !line.isEmpty())
			.filter(line -> !line.equals("Photo www")).toList();
		Article article = parser.parse(SLUG, Files.readAllBytes(CONTENT));
		assertThat(article.blocks().stream().map(Block::text).toList()).isEqualTo(seed);
	}

	@Test
	void eachBlockIsFollowedByAPlaceForItsControls() {
		Article article = parse("---\ntitle: T\n---\n# Head\n\nOne para.\n\n- item one\n- item two\n\n> quoted para\n");
		assertThat(article.blocks()).extracting(Block::kind).containsExactly(BlockKind.HEADING,
				BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, BlockKind.PARAGRAPH);
		assertThat(article.body()).hasSize(6);
		for (int i = 0; i < 5; i++) {
			BodyPart part = article.body().get(i);
			assertThat(part.block()).isEqualTo(article.blocks().get(i));
			assertThat(part.html()).contains("id=\"" + part.block().id() + "\"");
		}
		assertThat(article.body().get(5).block()).isNull();
		Document html = Jsoup.parseBodyFragment(html(article));
		assertThat(html.select("li[id]")).hasSize(2);
		assertThat(html.select("li p")).isEmpty();
		assertThat(html.select("div.block > h1[id], div.block > p[id]")).hasSize(3);
	}

	@Test
	void nestedListItemsAreBlocksOfTheirOwn() {
		Article article = parse("---\ntitle: T\n---\n- outer item\n  - inner item\n- last item\n");
		assertThat(article.blocks()).extracting(Block::text).containsExactly("outer item", "inner item", "last item");
		Element outer = Jsoup.parseBodyFragment(html(article)).getElementById(article.blocks().get(0).id());
		assertThat(outer.select("li[id]")).hasSize(2);
	}

	@Test
	void readersCountParagraphsFromTheFirstAfterTheTitleAndHeadingsApart() {
		Article article = parse("---\ntitle: T\n---\n# The title\n\nThe first paragraph.\n\n- an item\n\n"
				+ "## A section\n\n    code\n\nThe last paragraph.\n");
		assertThat(article.blocks()).extracting(article::label).containsExactly("heading 1", "paragraph 1",
				"paragraph 2", "heading 2", "paragraph 3", "paragraph 4");
		assertThat(article.blocks()).extracting(article::paragraphNumber).containsExactly(null, 1, 2, null, 3, 4);
		assertThat(article.blocks()).extracting(Block::position).containsExactly(0, 1, 2, 3, 4, 5);
	}

	@Test
	void rawHtmlIsEscapedAndUnsafeLinksAreDropped() {
		Article article = parse("---\ntitle: T\n---\n<script>alert(1)</script>\n\nA [link](javascript:alert(1)) "
				+ "and <img src=x onerror=alert(1)>.\n");
		Document html = Jsoup.parseBodyFragment(html(article));
		assertThat(html.select("script, img")).isEmpty();
		assertThat(html.select("a").attr("href")).isEmpty();
		assertThat(html.text()).contains("<script>alert(1)</script>");
	}

	@Test
	void aQuotedFrontMatterValueIsUnquoted() {
		Article article = parse("---\ntitle: \"A: quoted title\"\nsummary: 'single'\n---\nText.\n");
		assertThat(article.metadata().title()).isEqualTo("A: quoted title");
		assertThat(article.metadata().summary()).isEqualTo("single");
	}

	@Test
	void brokenFilesAreRejectedWithTheProblemNamed() {
		assertThatThrownBy(() -> parse("# No front matter\n")).hasMessageContaining("does not start with YAML front matter");
		assertThatThrownBy(() -> parse("---\ntitle: T\nText without end\n")).hasMessageContaining("line 3");
		assertThatThrownBy(() -> parse("---\ntitle: T\n")).hasMessageContaining("not closed");
		assertThatThrownBy(() -> parse("---\nauthor: A\n---\nText.\n")).hasMessageContaining("no title");
		assertThatThrownBy(() -> parse("---\ntitle: T\ntitel: typo\n---\nText.\n")).hasMessageContaining("titel");
		assertThatThrownBy(() -> parse("---\ntitle: T\nslug: other\n---\nText.\n")).hasMessageContaining("slug 'other'");
		assertThatThrownBy(() -> parse("---\ntitle: T\n---\n")).hasMessageContaining("no text");
		assertThatThrownBy(() -> parser.parse("test", new byte[] { '-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28 }))
			.hasMessageContaining("UTF-8");
	}

	@Test
	void theVersionChangesWithTheFile() {
		String a = parse("---\ntitle: T\n---\nText.\n").version();
		String b = parse("---\ntitle: T\n---\nText!\n").version();
		assertThat(a).isNotEqualTo(b).hasSize(16);
	}

}
