package dev.marginalia.reading;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The pages a reader sees: the list of articles, an article, and the share page of one paragraph. */
@Controller
class ReadingController {

	static final String INDEX_VIEW = "reading/index";

	static final String ARTICLE_VIEW = "reading/article";

	static final String SHARE_VIEW = "reading/share";

	/** og:description quotes the whole paragraph up to this many characters. */
	static final int DESCRIPTION_LENGTH = 300;

	private static final int TITLE_LENGTH = 100;

	private final ArticleLibrary library;

	private final PublicLinks links;

	ReadingController(ArticleLibrary library, PublicLinks links) {
		this.library = library;
		this.links = links;
	}

	@GetMapping("/")
	String index(Model model) {
		model.addAttribute("articles", library.list());
		return INDEX_VIEW;
	}

	@GetMapping("/articles/{slug}")
	String article(@PathVariable String slug, Model model) {
		model.addAttribute("article", article(slug));
		return ARTICLE_VIEW;
	}

	@GetMapping("/articles/{slug}/p/{blockId}")
	String share(@PathVariable String slug, @PathVariable String blockId, Model model) {
		Article article = article(slug);
		Block block = article.block(blockId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such paragraph"));
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
