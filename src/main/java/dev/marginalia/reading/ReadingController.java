package dev.marginalia.reading;

import java.util.Map;
import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.live.EventPosition;
import dev.marginalia.notes.ArticleNotes;
import dev.marginalia.notes.AuthorIdentity;
import dev.marginalia.notes.NoteService;
import dev.marginalia.notes.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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

	/** What the page says after a note was written (POST-redirect-GET: the redirect names what was done). */
	private static final Map<String, String> DONE_MESSAGES = Map.of("added", "Your note was added.", "replied",
			"Your reply was added.", "edited", "Your note was saved.", "deleted", "Your note was deleted.",
			"flagged", "Thank you: the moderator will look at that note.",
			"hide", "The note is hidden: readers no longer see it.", "unhide", "The note is shown again.",
			"delete", "The note is deleted.", "dismiss", "The note's flags are dismissed.");

	private final ArticleLibrary library;

	private final PublicLinks links;

	private final NoteService notes;

	private final AuthorIdentity identity;

	private final LinkHistory history;

	private final EventPosition events;

	ReadingController(ArticleLibrary library, PublicLinks links, NoteService notes, AuthorIdentity identity,
			LinkHistory history, EventPosition events) {
		this.library = library;
		this.links = links;
		this.notes = notes;
		this.identity = identity;
		this.history = history;
		this.events = events;
	}

	@GetMapping("/")
	String index(Model model) {
		model.addAttribute("articles", library.list());
		return INDEX_VIEW;
	}

	@GetMapping("/articles/{slug}")
	String article(@PathVariable String slug, @RequestParam(required = false) @Nullable String done,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Article article = article(slug);
		// discovery of the W3C annotation container (Web Annotation Protocol, section 4)
		response.addHeader(HttpHeaders.LINK, "<" + links.annotations(article) + ">; rel=\"http://www.w3.org/ns/oa#annotationService\"");
		// MODERATION: the moderator sees hidden notes, marked (a page for the moderator is never one to share)
		Viewer viewer = identity.viewer(request);
		model.addAttribute("article", article);
		model.addAttribute("viewer", viewer.author());
		model.addAttribute("moderator", viewer.isModerator());
		ArticleNotes articleNotes = notes.notesSeenBy(article, viewer);
		model.addAttribute("notes", articleNotes);
		model.addAttribute("highlighted", Highlights.of(article, articleNotes));
		model.addAttribute("aliases", history.aliases(article));
		model.addAttribute("lastEventId", events.current());
		model.addAttribute("done", done == null ? null : DONE_MESSAGES.get(done));
		return ARTICLE_VIEW;
	}

	@GetMapping("/articles/{slug}/p/{blockId}")
	Object share(@PathVariable String slug, @PathVariable String blockId, Model model) {
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
