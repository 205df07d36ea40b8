package dev.marginalia.reading;

import java.net.URI;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleMetadata;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class PublicLinksTests {

	private final Block block = new Block("p-AarAar", BlockKind.PARAGRAPH, 0, "As a result.");

	private final Article article = new Article("essay", new ArticleMetadata("T", "", "", "", "en"), List.of(block),
			List.of(), "v1");

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theConfiguredPublicAddressWinsOverTheRequestHost() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/articles/essay");
		request.setServerName("attacker.example");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		PublicLinks links = new PublicLinks(new PublicLinks.Settings(URI.create("https://read.example/")));
		assertThat(links.share(article, block)).isEqualTo("https://read.example/articles/essay/p/p-AarAar");
		assertThat(links.article(article)).isEqualTo("https://read.example/articles/essay");
	}

	@Test
	void withoutOneTheRequestDecides() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/articles/essay");
		request.setServerName("localhost");
		request.setServerPort(8080);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		PublicLinks links = new PublicLinks(new PublicLinks.Settings(URI.create("")));
		assertThat(links.article(article)).isEqualTo("http://localhost:8080/articles/essay");
	}

}
