package dev.marginalia.reading;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.marginalia.content.Article;
import dev.marginalia.hashing.Digests;
import dev.marginalia.notes.ArticleStamps;
import dev.marginalia.notes.ArticleStamps.Stamp;
import dev.marginalia.live.EventPosition;
import dev.marginalia.notes.ArticleNotes;
import dev.marginalia.notes.ConversationShape;
import dev.marginalia.notes.ConversationShapes;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.NoteReactions;
import dev.marginalia.notes.UsefulMarks;
import dev.marginalia.notes.ThreadOrder;
import dev.marginalia.notes.Viewer;
import dev.marginalia.web.Compressed;
import dev.marginalia.database.DatabaseFailures;
import dev.marginalia.anchoring.LinkHistory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The article page, rendered once and served many times. A page is built for a {@link Stamp} (see
 * {@link ArticleStamps}): the article's version and a per-article count of changes to public notes (and, in a
 * reader's own page, to their private ones), read before anything else, so a page built while a note was being
 * written is never served once the newer count is known. A private note changes nothing in the shared page: not
 * its bytes, not its live-stream position, not when it is rendered again.
 *
 * <ul>
 * <li>Readers without cookies or credentials share one page: bytes (identity and gzip, compressed once) with
 * no CSRF token and no private note in them; while the database is away, the last one rendered.</li>
 * <li>Every other reader gets a {@link PageTemplate} of their own (by the hash of their secret; the one of
 * readers without a secret is shared by them), with the token filled in per request from their own request,
 * and their own and private notes in it. Kept in a bounded cache.</li>
 * </ul>
 * Pages are kept only when the article's notes are placed for its version (see {@link Stamp#placed}).
 */
@Component
class ArticlePages {

	/** What stands where the CSRF token goes in a kept page: random, so no article or note can contain it. */
	static final String TOKEN_PLACEHOLDER = "csrf-placeholder-" + random();

	/** Where the flash message goes in a kept page. */
	static final String FLASH_MARKER = "<!--flash-" + random() + "-->";

	private final ViewToText views;

	private final NoteQueries queries;

	private final LinkHistory history;

	private final EventPosition events;

	private final ArticleStamps stamps;

	private final NoteReactions reactions;

	private final ConversationShapes shapes;

	/** The shared page of each article, one per order of its notes. */
	private final ConcurrentMap<SharedKey, SharedPage> shared = new ConcurrentHashMap<>();

	/** Held while the shared page of an article in one order is rendered. */
	private final ConcurrentMap<SharedKey, ReentrantLock> rendering = new ConcurrentHashMap<>();

	private final Cache<ReaderKey, PageTemplate> readers = Caffeine.newBuilder()
		.maximumWeight(64L * 1024 * 1024)
		.<ReaderKey, PageTemplate>weigher((key, page) -> page.length())
		.build();

	ArticlePages(ViewToText views, NoteQueries queries, LinkHistory history, EventPosition events,
			ArticleStamps stamps, NoteReactions reactions, ConversationShapes shapes) {
		this.views = views;
		this.queries = queries;
		this.history = history;
		this.events = events;
		this.stamps = stamps;
		this.reactions = reactions;
		this.shapes = shapes;
	}

	/**
	 * @param order the order of the notes ({@code ?sort=}): each order is a page of its own
	 * @return the page for readers without cookies: the same bytes for all of them
	 */
	SharedPage firstTime(Article article, ThreadOrder order, HttpServletRequest request, HttpServletResponse response) {
		SharedKey key = new SharedKey(article.slug(), order);
		SharedPage page = shared.get(key);
		if (page != null && page.stamp().equals(stamps.stamp(article))) {
			return page;
		}
		// one render per change; while one reader renders it, the others get the page before the change instead
		// of queueing behind the render (at 100,000 notes it takes a while): a reader who wrote the change has a
		// cookie, and is never served this page
		ReentrantLock lock = rendering.computeIfAbsent(key, ignored -> new ReentrantLock());
		if (page == null) {
			lock.lock();
		}
		else if (!lock.tryLock()) {
			return page;
		}
		try {
			// the stamp read again under the lock: a page filed under an older stamp never replaces a newer one
			Stamp stamp = stamps.stamp(article);
			SharedPage known = shared.get(key);
			if (known != null && known.stamp().equals(stamp)) {
				return known;
			}
			SharedPage rendered = SharedPage.of(stamp,
					render(article, Viewer.ANONYMOUS, order, request, response, null, ""));
			if (stamp.placed()) {
				shared.put(key, rendered);
			}
			return rendered;
		}
		catch (RuntimeException ex) {
			// the database is away: the page from before the change, as while another reader renders it
			if (page != null && DatabaseFailures.isUnavailable(ex)) {
				return page;
			}
			throw ex;
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * @return the page for readers without cookies, its notes in the default order, if it is rendered for the current
	 * state of the article's notes, or the one before while that is being rendered (nothing is rendered here)
	 */
	Optional<SharedPage> ready(Article article) {
		SharedKey key = new SharedKey(article.slug(), ThreadOrder.DEFAULT);
		SharedPage page = shared.get(key);
		if (page == null) {
			return Optional.empty();
		}
		ReentrantLock lock = rendering.get(key);
		return page.stamp().equals(stamps.stamp(article)) || lock != null && lock.isLocked() ? Optional.of(page)
				: Optional.empty();
	}

	/**
	 * @param viewer the reader, known by the hash of their secret (or without one), or the moderator
	 * @param order the order of the notes ({@code ?sort=}): each order is a page of its own
	 * @param keep whether the page may be kept for the next request (see {@link PageCacheability})
	 * @return the page for this reader, with holes for their CSRF token and the flash message
	 */
	PageTemplate forReader(Article article, Viewer viewer, ThreadOrder order, boolean keep, HttpServletRequest request,
			HttpServletResponse response) {
		Stamp stamp = stamps.stampFor(article, viewer.author() == null ? null : viewer.author().secretHash());
		if (!keep || !stamp.placed()) {
			return template(article, viewer, order, request, response);
		}
		ReaderKey key = new ReaderKey(article.slug(), stamp, viewer.author() == null ? "" : viewer.author().secretHash(),
				order);
		return readers.get(key, ignored -> template(article, viewer, order, request, response));
	}

	private PageTemplate template(Article article, Viewer viewer, ThreadOrder order, HttpServletRequest request,
			HttpServletResponse response) {
		return new PageTemplate(render(article, viewer, order, request, response, TOKEN_PLACEHOLDER, FLASH_MARKER),
				TOKEN_PLACEHOLDER, FLASH_MARKER);
	}

	private String render(Article article, Viewer viewer, ThreadOrder order, HttpServletRequest request,
			HttpServletResponse response, @Nullable String token, String flash) {
		// first where the event log stands, then the notes: live updates replay whatever came in between
		long lastEventId = events.current();
		// and what the public notes are at, before they are read: the conversation's shape is kept under it
		Stamp publicStamp = stamps.stamp(article);
		// MODERATION: the moderator's page shows every note, hidden ones marked (never kept: see PageCacheability)
		ArticleNotes articleNotes = viewer.isModerator() ? queries.moderatorPageNotes(article, viewer, order)
				: queries.pageNotes(article, viewer.author(), order);
		Map<String, Object> model = new HashMap<>();
		model.put("article", article);
		model.put("viewer", viewer.author());
		model.put("moderator", viewer.isModerator());
		model.put("notes", articleNotes);
		model.put("sort", order);
		// whether the reader found a note useful is theirs: in their own page, never in the one everyone shares
		String back = UsefulMarks.back("/articles/" + article.slug(), order, 1);
		model.put("useful", viewer.author() == null ? UsefulMarks.unknown(back)
				: new UsefulMarks(back, reactions.usefulTo(article.slug(),
						dev.marginalia.identity.ReaderKey.author(viewer.author().secretHash()))));
		// the public conversation's shape: the same for every reader, read once per change of the public notes; the
		// page of readers without a secret has their counts per paragraph already
		ConversationShape shape = !viewer.isModerator() && viewer.author() == null
				? shapes.of(article, publicStamp, articleNotes) : shapes.of(article);
		model.put("highlighted", Highlights.of(article, articleNotes, shape));
		DensityStrip strip = DensityStrip.of(article, shape);
		model.put("strip", strip);
		model.put("stripSvg", strip.svg());
		model.put("topPassages", TopPassages.of(article, shape));
		model.put("aliases", history.aliases(article));
		model.put("lastEventId", lastEventId);
		model.put("flash", flash);
		return views.render(ReadingController.ARTICLE_VIEW, model, request, response, token);
	}

	private static String random() {
		byte[] bytes = new byte[12];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

	private record ReaderKey(String slug, Stamp stamp, String viewerHash, ThreadOrder order) {
	}

	private record SharedKey(String slug, ThreadOrder order) {
	}

	/** The page of readers without cookies, kept for a stamp, both ways it is sent. */
	record SharedPage(Stamp stamp, Compressed body) {

		static SharedPage of(Stamp stamp, String html) {
			byte[] identity = html.getBytes(StandardCharsets.UTF_8);
			return new SharedPage(stamp, Compressed.of(identity, "\"" + Digests.sha256Hex(16, identity) + "\""));
		}

	}

}
