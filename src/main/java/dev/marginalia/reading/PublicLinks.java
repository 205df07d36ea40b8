package dev.marginalia.reading;

import java.net.URI;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links for link previews and copying. They start with {@code marginalia.public-url} when it is set
 * (set it in production: then a forged {@code Host} header cannot change them), else with the URL of the
 * current request.
 */
@Component
class PublicLinks {

	private final @Nullable URI publicUrl;

	PublicLinks(Settings settings) {
		URI configured = settings.publicUrl();
		this.publicUrl = configured == null || configured.toString().isBlank() ? null : configured;
	}

	String article(Article article) {
		return base().path("/articles/{slug}").buildAndExpand(article.slug()).encode().toUriString();
	}

	/**
	 * The {@code Link} field that makes the article page discoverable as annotated (Web Annotation Protocol §4):
	 * the container as its annotation service. Given the request, as it is also sent ahead of Spring MVC.
	 */
	String annotationService(Article article, HttpServletRequest request) {
		return "<" + base(request).path("/api/articles/{slug}/annotations/").buildAndExpand(article.slug()).encode().toUriString()
				+ ">; rel=\"http://www.w3.org/ns/oa#annotationService\"";
	}

	String share(Article article, Block block) {
		return base().path("/articles/{slug}/p/{id}").buildAndExpand(article.slug(), block.id()).encode().toUriString();
	}

	private UriComponentsBuilder base() {
		return base(((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest());
	}

	private UriComponentsBuilder base(HttpServletRequest request) {
		return publicUrl != null ? UriComponentsBuilder.fromUri(publicUrl)
				: ServletUriComponentsBuilder.fromContextPath(request);
	}

	/** @param publicUrl the site's address as readers see it, e.g. {@code https://marginalia.example} */
	@ConfigurationProperties("marginalia")
	record Settings(@Nullable URI publicUrl) {
	}

}
