package dev.marginalia.feeds;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.marginalia.anchoring.LinkHistory;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.hashing.Digests;
import dev.marginalia.notes.FeedNote;
import dev.marginalia.notes.NoteFeeds;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The Atom feeds: {@code /articles/{slug}/notes.atom} (the article's newest public notes and replies),
 * {@code /articles/{slug}/p/{id}/notes.atom} (one paragraph's; an old paragraph id answers 301 to where its text is
 * now), {@code /feeds/replies/{token}} (the newest public replies to one reader's notes, at the address only they
 * were given; any other token, and one renewed or stopped, is 404). Each answers {@code If-None-Match} with 304 (the
 * ETag is a digest of the feed). The public feeds may be kept by any cache and revalidated; the replies feed by the
 * reader's own client alone.
 */
@Controller
class FeedController {

	static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final ArticleLibrary library;

	private final LinkHistory history;

	private final NoteFeeds feeds;

	private final AtomFeeds atom;

	private final FeedLinks links;

	FeedController(ArticleLibrary library, LinkHistory history, NoteFeeds feeds, AtomFeeds atom, FeedLinks links) {
		this.library = library;
		this.history = history;
		this.feeds = feeds;
		this.atom = atom;
		this.links = links;
	}

	@GetMapping("/articles/{slug}/notes.atom")
	@Nullable
	ResponseEntity<byte[]> article(@PathVariable String slug, WebRequest request,
			HttpServletResponse response) {
		Article article = article(slug);
		AtomFeeds.Head head = new AtomFeeds.Head(AtomFeeds.Kind.ARTICLE,
				links.of("/articles/{slug}/notes.atom", slug), "Notes on " + article.metadata().quotedTitle(),
				links.of("/articles/{slug}", slug));
		return send(head, feeds.article(article), CacheControl.noCache().cachePublic(), request, response);
	}

	@GetMapping("/articles/{slug}/p/{blockId}/notes.atom")
	@Nullable
	ResponseEntity<byte[]> paragraph(@PathVariable String slug, @PathVariable String blockId, WebRequest request,
			HttpServletResponse response) {
		Article article = article(slug);
		Optional<Block> current = article.block(blockId);
		if (current.isEmpty()) {
			// an old link: the paragraph's text is elsewhere now, or gone
			Block moved = history.resolve(article, blockId)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paragraph"));
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create(links.of("/articles/{slug}/p/{id}/notes.atom", slug, moved.id())))
				.build();
		}
		Block block = current.get();
		AtomFeeds.Head head = new AtomFeeds.Head(AtomFeeds.Kind.PARAGRAPH,
				links.of("/articles/{slug}/p/{id}/notes.atom", slug, block.id()),
				"Notes on " + article.label(block) + " of " + article.metadata().quotedTitle(),
				links.of("/articles/{slug}/p/{id}", slug, block.id()));
		return send(head, feeds.paragraph(article, block), CacheControl.noCache().cachePublic(), request, response);
	}

	@GetMapping("/feeds/replies/{token}")
	@Nullable
	ResponseEntity<byte[]> replies(@PathVariable String token, WebRequest request,
			HttpServletResponse response) {
		List<FeedNote> replies = feeds.repliesFor(token)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such feed"));
		AtomFeeds.Head head = new AtomFeeds.Head(AtomFeeds.Kind.REPLIES, links.of("/feeds/replies/{token}", token),
				"Replies to my notes · Marginalia", links.of("/my/notes"));
		// the address is the reader's capability: kept by their own client alone, in no shared cache nor index
		response.setHeader("X-Robots-Tag", "noindex");
		return send(head, replies, CacheControl.noCache().cachePrivate(), request, response);
	}

	/** The feed, or 304 when the client has it (the ETag is a digest of its bytes; both answers carry the caching). */
	private @Nullable ResponseEntity<byte[]> send(AtomFeeds.Head head, List<FeedNote> notes, CacheControl cache,
			WebRequest request, HttpServletResponse response) {
		byte[] xml = atom.write(head, notes);
		String tag = "\"" + Digests.sha256Hex(16, xml) + "\"";
		response.setHeader(HttpHeaders.CACHE_CONTROL, cache.getHeaderValue());
		if (request.checkNotModified(tag)) {
			return null;
		}
		return ResponseEntity.ok().contentType(ATOM).eTag(tag).body(xml);
	}

	private Article article(String slug) {
		return library.find(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article"));
	}

}
