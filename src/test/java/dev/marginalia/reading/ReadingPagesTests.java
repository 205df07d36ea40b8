package dev.marginalia.reading;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.support.WebClient;
import dev.marginalia.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader's pages over real HTTP, on the article in {@code content/}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ReadingPagesTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	@LocalServerPort
	int port;

	@Autowired
	ArticleLibrary library;

	WebClient web;

	Article article;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		article = library.find(SLUG).orElseThrow();
	}

	@Test
	void theIndexListsTheArticleWithTitleAndSummary() {
		Page index = web.page("/");
		assertThat(index.status()).isEqualTo(200);
		Element link = index.html().selectFirst("a[href=/articles/" + SLUG + "]");
		assertThat(link).isNotNull();
		assertThat(link.text()).isEqualTo(article.metadata().title());
		assertThat(index.html().select(".summary").text()).isEqualTo(article.metadata().summary());
	}

	@Test
	void theArticleShowsEveryBlockOnceWithAUniqueId() {
		Page page = web.page("/articles/" + SLUG);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.response().headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
		assertThat(article.blocks()).hasSize(26);

		List<String> idsOnPage = page.html().select("[id]").eachAttr("id");
		assertThat(new HashSet<>(idsOnPage)).as("ids on the page are unique").hasSameSizeAs(idsOnPage);
		for (Block block : article.blocks()) {
			Element element = page.html().getElementById(block.id());
			assertThat(element).as(block.id()).isNotNull();
			assertThat(element.text()).isEqualTo(block.text());
			// the innermost elements with the paragraph's text (its own text, or with the marks of passage notes that
			// other classes sharing this context may have written on it)
			assertThat(page.html().selectFirst("article").getAllElements().stream()
				.filter(candidate -> candidate.text().equals(block.text()))
				.filter(candidate -> candidate.children().stream().noneMatch(child -> child.text().equals(block.text()))))
				.as("shown once").hasSize(1);
			Element permalink = element.parent().selectFirst("> a.permalink");
			assertThat(permalink.attr("href")).isEqualTo("/articles/" + SLUG + "/p/" + block.id());
		}
		assertThat(page.html().selectFirst("article h1").id()).isEqualTo(article.blocks().get(0).id());
		assertThat(page.html().select("article blockquote p[id]")).hasSize(24);
		assertThat(page.html().selectFirst("article").attr("lang")).isEqualTo("en");
		assertThat(page.response().headers().firstValue("Link")).hasValue("<" + web.base() + "/api/articles/" + SLUG
				+ "/annotations/>; rel=\"http://www.w3.org/ns/oa#annotationService\"");
		assertThat(page.html().select("nav.exports a").eachAttr("href")).containsExactly("/articles/" + SLUG + "/notes",
				"/articles/" + SLUG + "/notes.md", "/articles/" + SLUG + "/notes.csv", "/articles/" + SLUG + "/notes.jsonld",
				"/articles/" + SLUG + "/notes.atom");
	}

	@Test
	void theSharePageOfEveryParagraphQuotesIt() {
		for (Block block : article.blocks()) {
			String shareUrl = web.base() + "/articles/" + SLUG + "/p/" + block.id();
			Page share = web.page("/articles/" + SLUG + "/p/" + block.id());
			assertThat(share.status()).isEqualTo(200);
			String description = share.meta("og:description");
			if (block.text().length() <= 300) {
				assertThat(description).isEqualTo(block.text());
			}
			else {
				assertThat(description).endsWith("…").hasSizeLessThanOrEqualTo(300);
				assertThat(block.text()).startsWith(description.substring(0, description.length() - 1));
				assertThat(block.text().charAt(description.length() - 1)).as("cut at a word boundary").isIn(' ', ',', ';', ':');
			}
			assertThat(share.meta("twitter:description")).isEqualTo(description);
			assertThat(share.meta("description")).isEqualTo(description);
			assertThat(share.meta("og:url")).isEqualTo(shareUrl);
			assertThat(share.meta("og:type")).isEqualTo("article");
			assertThat(share.meta("twitter:card")).isEqualTo("summary");
			String title = share.html().title();
			assertThat(share.meta("og:title")).isEqualTo(title);
			assertThat(share.meta("twitter:title")).isEqualTo(title);
			assertThat(block.text()).startsWith(title.substring(0, Math.min(title.indexOf('…') > 0 ? title.indexOf('…') : title.indexOf(" — "), 40)));
			assertThat(share.html().selectFirst("link[rel=canonical]").attr("href")).isEqualTo(shareUrl);
			assertThat(share.html().selectFirst("meta[http-equiv=refresh]").attr("content"))
				.isEqualTo("0; url=" + web.base() + "/articles/" + SLUG + "#" + block.id());
			assertThat(share.html().selectFirst("blockquote").text()).isEqualTo(block.text());
		}
	}

	@Test
	void aLongParagraphIsShortenedAtAWordBoundaryInItsPreview() {
		Block longest = article.blocks().stream().filter(block -> block.text().length() > 300).findFirst().orElseThrow();
		String description = web.page("/articles/" + SLUG + "/p/" + longest.id()).meta("og:description");
		assertThat(description.codePointCount(0, description.length())).isLessThanOrEqualTo(300);
		assertThat(description).endsWith("…");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/articles/no-such-article", "/articles/" + SLUG + "/p/p-nothere",
			"/articles/UPPER", "/articles/-leading-hyphen", "/articles/stability-a-rare-strategic-resource.md", "/articles/no-such-article/p/p-x", "/nowhere" })
	void unknownPagesAreRealNotFoundPagesWithAWayBack(String path) {
		Page page = web.page(path);
		assertThat(page.status()).isIn(404, 400);
		assertThat(page.html().selectFirst("a[href=/]")).isNotNull();
		assertThat(page.html().selectFirst("link[rel=stylesheet]")).isNotNull();
		assertThat(page.response().body()).doesNotContain("Exception", "Whitelabel", "at dev.marginalia");
	}

	@Test
	void anUnknownArticleIsNotFoundWithTheSiteStyle() {
		Page page = web.page("/articles/no-such-article");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.html().select("h1").text()).contains("could not find");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/articles/" + SLUG, "/articles/" + SLUG + "/p/p-AarAar", "/articles/missing" })
	void pagesLoadNothingFromOtherHostsAndHaveNoInlineScript(String path) {
		Page page = web.page(path);
		for (Element script : page.html().select("script")) {
			assertThat(script.attr("src")).as("script has a same-origin src").startsWith("/");
			assertThat(script.data()).as("no inline script").isBlank();
		}
		for (Element element : page.html().getAllElements()) {
			for (var attribute : element.attributes()) {
				assertThat(attribute.getKey()).as("no event handler attributes").doesNotStartWith("on");
				assertThat(attribute.getKey()).as("no inline style").isNotEqualTo("style");
			}
		}
		assertThat(page.html().select("style")).as("no inline style sheet").isEmpty();
		for (Element resource : page.html().select("link[href], script[src], img[src], iframe, object, embed")) {
			String url = resource.hasAttr("href") ? resource.attr("href") : resource.attr("src");
			if (resource.is("link[rel=canonical]")) {
				assertThat(url).startsWith(web.base());
				continue;
			}
			assertThat(url).as("asset from this host").startsWith("/").doesNotStartWith("//");
		}
	}

	@Test
	void stylesheetAndScriptAreServed() {
		Page page = web.page("/articles/" + SLUG);
		Set<String> assets = new HashSet<>(page.html().select("link[rel=stylesheet]").eachAttr("href"));
		assets.addAll(page.html().select("script[src]").eachAttr("src"));
		assertThat(assets).as("site.css, highlights.css, site.js").hasSize(3);
		for (String asset : assets) {
			var response = web.get(asset);
			assertThat(response.statusCode()).as(asset).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type").orElse(""))
				.matches(asset.endsWith(".css") ? "text/css.*" : "(text|application)/javascript.*");
		}
	}

}
