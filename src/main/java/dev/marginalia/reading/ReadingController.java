package dev.marginalia.reading;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.hashing.Digests;
import dev.marginalia.identity.Reader;
import dev.marginalia.notes.ArticleActivity;
import dev.marginalia.notes.Readers;
import dev.marginalia.notes.ThreadOrder;
import dev.marginalia.notes.Viewer;
import dev.marginalia.web.Compressed;
import dev.marginalia.anchoring.LinkHistory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.servlet.view.RedirectView;

/** The pages a reader sees: the list of articles, an article, and the share page of one paragraph. */
@Controller
class ReadingController {

	static final String INDEX_VIEW = "reading/index";

	static final String ARTICLE_VIEW = "reading/article";

	static final String SHARE_VIEW = "reading/share";

	/** og:description quotes the whole paragraph up to this many characters. */
	static final int DESCRIPTION_LENGTH = 300;

	private static final int TITLE_LENGTH = 100;

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	/** What the page says after a note was written (POST-redirect-GET: the redirect names what was done). */
	private static final Map<String, String> DONE_MESSAGES = Map.ofEntries(Map.entry("added", "Your note was added."),
			Map.entry("replied", "Your reply was added."), Map.entry("edited", "Your note was saved."),
			Map.entry("deleted", "Your note was deleted."),
			Map.entry("flagged", "Thank you: the moderator will look at that note."),
			Map.entry("hide", "The note is hidden: readers no longer see it."),
			Map.entry("unhide", "The note is shown again."), Map.entry("delete", "The note is deleted."),
			Map.entry("dismiss", "The note's flags are dismissed."),
			Map.entry("useful", "You marked the note useful."),
			Map.entry("unuseful", "You took back your “useful” on the note."));

	private final ArticleLibrary library;

	private final PublicLinks links;

	private final LinkHistory history;

	private final ArticlePages pages;

	private final PageCacheability cacheability;

	private final ArticleActivity activity;

	ReadingController(ArticleLibrary library, PublicLinks links, LinkHistory history, ArticlePages pages,
			PageCacheability cacheability, ArticleActivity activity) {
		this.library = library;
		this.links = links;
		this.history = history;
		this.pages = pages;
		this.cacheability = cacheability;
		this.activity = activity;
	}

	/** The articles, each with how many public notes it has and when the last was written. */
	@GetMapping("/")
	String index(Model model) {
		List<Article> articles = library.list();
		model.addAttribute("articles", articles);
		model.addAttribute("activity", activity.of(articles));
		return INDEX_VIEW;
	}

	/**
	 * The article with its notes, from what was rendered before (see {@link ArticlePages}). Revalidated on every
	 * use ({@code no-cache}) with a strong ETag; the page of readers without cookies may be kept by shared caches
	 * (it holds nothing of anyone's), every other page only by the reader's own browser.
	 */
	@GetMapping("/articles/{slug}")
	ResponseEntity<byte[]> article(@PathVariable String slug, @RequestParam(required = false) @Nullable String done,
			@RequestParam(required = false) @Nullable String sort, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest request, HttpServletResponse response) {
		Article article = article(slug);
		// each order is a page of its own, kept as the default one is (the shared-page filter sends the default alone)
		ThreadOrder order = ThreadOrder.parse(sort);
		String flash = done == null ? null : DONE_MESSAGES.get(done);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
			// discovery of the W3C annotation container (Web Annotation Protocol, section 4)
			.header(HttpHeaders.LINK, links.annotationService(article, request))
			.contentType(HTML);
		if (flash == null && cacheability.isFirstTime(request)) {
			ArticlePages.SharedPage page = pages.firstTime(article, order, request, response);
			request.setAttribute(SharedPageFilter.SENT_SHARED_PAGE, Boolean.TRUE);
			ok.cacheControl(CacheControl.noCache()).varyBy(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.COOKIE);
			Compressed.Variant sent = page.body().variant(request);
			if (sent.contentEncoding() != null) {
				ok.header(HttpHeaders.CONTENT_ENCODING, sent.contentEncoding());
			}
			return ok.eTag(sent.entityTag()).body(sent.body());
		}
		// MODERATION: the moderator sees hidden notes, marked (a page for the moderator is never kept)
		Viewer viewer = Readers.pageViewer(reader, request);
		PageTemplate page = pages.forReader(article, viewer, order, cacheability.mayKeep(request, viewer), request,
				response);
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String token = csrf == null ? "" : HtmlUtils.htmlEscape(csrf.getToken());
		String flashHtml = flash == null ? "" : "<p class=\"flash\" role=\"status\">" + HtmlUtils.htmlEscape(flash) + "</p>";
		// the reader's own notes and token: never in a shared cache
		return ok.cacheControl(CacheControl.noCache().cachePrivate())
			.varyBy(HttpHeaders.COOKIE)
			.eTag(page.entityTag(token, flashHtml))
			.body(page.fill(token, flashHtml));
	}

	@GetMapping("/articles/{slug}/p/{blockId}")
	@Nullable
	Object share(@PathVariable String slug, @PathVariable String blockId, WebRequest request,
			HttpServletResponse response, Model model) {
		Article article = article(slug);
		Optional<Block> current = article.block(blockId);
		if (current.isEmpty()) {
			// an old link: the paragraph changed its id, or its text moved; a permanent redirect to where it is now
			Block moved = history.resolve(article, blockId)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paragraph"));
			RedirectView redirect = new RedirectView("/articles/" + slug + "/p/" + moved.id(), true);
			redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
			return redirect;
		}
		Block block = current.get();
		// the same for every reader (no token in it): revalidated by a tag of what it is made of
		String tag = "\"" + Digests.sha256Hex(16, article.version() + "\u0000" + block.id() + "\u0000"
				+ links.share(article, block) + "\u0000" + links.article(article)) + "\"";
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue());
		if (request.checkNotModified(tag)) {
			return null;
		}
		model.addAttribute("withoutToken", true);
		model.addAttribute("article", article);
		model.addAttribute("block", block);
		model.addAttribute("shareUrl", links.share(article, block));
		model.addAttribute("articleUrl", links.article(article));
		model.addAttribute("shareTitle", shareTitle(article, block));
		model.addAttribute("description", Excerpt.shorten(block.text(), DESCRIPTION_LENGTH));
		return SHARE_VIEW;
	}

	private Article article(String slug) {
		return library.find(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article"));
	}

	private static String shareTitle(Article article, Block block) {
		String quote = Excerpt.shorten(block.text(), TITLE_LENGTH);
		String author = article.metadata().author();
		String source = article.metadata().publication().isBlank() ? article.metadata().title()
				: article.metadata().publication();
		return quote + " — " + (author.isBlank() ? source : author + ", " + source);
	}

}
