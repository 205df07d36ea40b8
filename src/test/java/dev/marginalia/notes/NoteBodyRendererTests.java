package dev.marginalia.notes;

import dev.marginalia.notes.internal.NoteBodyRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoteBodyRendererTests {

	private final NoteBodyRenderer renderer = new NoteBodyRenderer();

	private Document render(String markdown) {
		return Jsoup.parseBodyFragment(renderer.render(markdown));
	}

	@Test
	void markdownIsRendered() {
		Document html = render("Some *emphasis*, **strong** and `code`.\n\n- one\n- two");
		assertThat(html.select("em").text()).isEqualTo("emphasis");
		assertThat(html.select("strong").text()).isEqualTo("strong");
		assertThat(html.select("code").text()).isEqualTo("code");
		assertThat(html.select("li")).hasSize(2);
	}

	@Test
	void allowedLinksGetTheUserContentRel() {
		Document html = render("[site](https://example.org/a?b=1) <https://example.com> [mail](mailto:a@example.org) [plain](http://example.net)");
		assertThat(html.select("a")).hasSize(4);
		for (Element link : html.select("a")) {
			assertThat(link.attr("rel")).isEqualTo("nofollow ugc noopener");
		}
		assertThat(html.select("a").eachAttr("href")).containsExactly("https://example.org/a?b=1",
				"https://example.com", "mailto:a@example.org", "http://example.net");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[x](javascript:alert(1))", "[x](JavaScript:alert(1))", "[x](  javascript:alert(1))",
			"[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)", "[x](file:///etc/passwd)",
			"[x](//evil.example/path)", "[x](/relative/path)", "<javascript:alert(1)>", "[x](java\tscript:alert(1))" })
	void otherLinksAreReducedToTheirText(String markdown) {
		Document html = render(markdown);
		for (Element link : html.select("a")) {
			assertThat(link.attr("href")).startsWith("http").doesNotContainIgnoringCase("script");
		}
		assertThat(html.select("a[href^=javascript], a[href^=data], a[href^=vbscript], a[href^=file]")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
			"<iframe src=https://evil.example></iframe>", "<a href=\"javascript:alert(1)\">x</a>",
			"<div style=\"position:fixed\">x</div>", "text <b onmouseover=alert(1)>bold</b>",
			"<style>body{display:none}</style>", "<!-- comment --><p>x</p>", "<form action=/x><input></form>" })
	void rawHtmlIsShownAsText(String markdown) {
		Document html = render(markdown);
		assertThat(html.select("script, img, svg, iframe, style, form, input, div, b, a[href^=javascript]")).isEmpty();
		html.getAllElements().forEach(element -> element.attributes().forEach(attribute ->
				assertThat(attribute.getKey()).doesNotStartWith("on").isNotEqualTo("style")));
		assertThat(html.text()).contains(markdown.substring(0, 5));
	}

	@Test
	void imagesBecomeTheirAltTextAndNothingIsLoaded() {
		Document html = render("![a tracking pixel](https://evil.example/pixel.png)");
		assertThat(html.select("img")).isEmpty();
		assertThat(html.text()).isEqualTo("a tracking pixel");
	}

	@Test
	void headingsDoNotBreakThePageOutline() {
		Document html = render("# Big heading\n\n## Smaller");
		assertThat(html.select("h1, h2, h3, h4, h5, h6")).isEmpty();
		assertThat(html.select("p > strong").eachText()).containsExactly("Big heading", "Smaller");
	}

}
