package dev.marginalia.annotations;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marginalia.content.Article;
import dev.marginalia.notes.ArticleStamps;
import dev.marginalia.web.Compressed;

import org.springframework.stereotype.Component;

/**
 * The container's pages as a client without credentials sees them (public notes only, the same for every such
 * client), serialised and compressed once per change of the article's notes instead of read, placed and written
 * on every request. Kept under the article's {@link ArticleStamps.Stamp}, read before the notes are; the bytes
 * carry absolute IRIs, so the site address they were built for is part of the key. Bounded: a flood of forged
 * Host headers or page numbers only evicts.
 */
@Component
class SharedApiPages {

	private static final long MAX_BYTES = 16L * 1024 * 1024;

	private final ArticleStamps stamps;

	private final ApiLinks links;

	private final Cache<Key, Compressed> kept = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.<Key, Compressed>weigher((key, body) -> body.identity().length + body.gzip().length)
		.build();

	SharedApiPages(ArticleStamps stamps, ApiLinks links) {
		this.stamps = stamps;
		this.links = links;
	}

	/**
	 * @param view which page and how (page number, IRIs or descriptions): with the media type, the rest of the key
	 * @param render builds the page's JSON when it is not kept (may throw an {@link ApiProblem}: nothing is kept)
	 */
	Compressed page(Article article, String view, String mediaType, Supplier<byte[]> render) {
		Key key = new Key(article.slug(), stamps.stamp(article), links.base(), view, mediaType);
		return kept.get(key, ignored -> {
			byte[] json = render.get();
			return Compressed.of(json, EntityTags.of(json, mediaType));
		});
	}

	private record Key(String slug, ArticleStamps.Stamp stamp, String base, String view, String mediaType) {
	}

}
