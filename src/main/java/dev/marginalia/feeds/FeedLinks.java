package dev.marginalia.feeds;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute links in feeds (a feed reader resolves nothing against the page it came from). They start with
 * {@code marginalia.public-url} when it is set (then a forged {@code Host} header cannot change them), else with the
 * URL of the current request.
 */
@Component
class FeedLinks {

	private final String publicUrl;

	FeedLinks(@Value("${marginalia.public-url:}") String publicUrl) {
		String url = publicUrl.strip();
		this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** @return the absolute URL of a path of this site, its variables encoded */
	String of(String path, Object... variables) {
		UriComponentsBuilder base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath()
				: UriComponentsBuilder.fromUriString(publicUrl);
		return base.path(path).buildAndExpand(variables).encode().toUriString();
	}

}
