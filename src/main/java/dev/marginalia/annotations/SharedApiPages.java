package dev.marginalia.annotations;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marginalia.content.Article;
import dev.marginalia.live.ArticleStamps;
import dev.marginalia.system.Gzip;

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

	private final Cache<Key, Body> kept = Caffeine.newBuilder()
		.maximumWeight(MAX_BYTES)
		.<Key, Body>weigher((key, body) -> body.identity().length + body.gzip().length)
		.build();

	SharedApiPages(ArticleStamps stamps, ApiLinks links) {
		this.stamps = stamps;
		this.links = links;
	}

	/**
	 * @param view which page and how (page number, IRIs or descriptions): with the media type, the rest of the key
	 * @param render builds the page's JSON when it is not kept (may throw an {@link ApiProblem}: nothing is kept)
	 */
	Body page(Article article, String view, String mediaType, Supplier<byte[]> render) {
		Key key = new Key(article.slug(), stamps.stamp(article), links.base(), view, mediaType);
		return kept.get(key, ignored -> Body.of(render.get(), mediaType));
	}

	private record Key(String slug, ArticleStamps.Stamp stamp, String base, String view, String mediaType) {
	}

	/**
	 * One page both ways it is sent.
	 * @param entityTag of the identity bytes (a strong tag from the bytes and media type); the gzip bytes' tag is
	 * {@link #gzipEntityTag()}
	 */
	record Body(byte[] identity, byte[] gzip, String entityTag) {

		static Body of(byte[] identity, String mediaType) {
			return new Body(identity, Gzip.compress(identity), EntityTags.of(identity, mediaType));
		}

		String gzipEntityTag() {
			return entityTag.substring(0, entityTag.length() - 1) + "-gzip\"";
		}

	}

}
