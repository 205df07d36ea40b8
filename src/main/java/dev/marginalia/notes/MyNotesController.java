package dev.marginalia.notes;

import java.util.Map;

import dev.marginalia.identity.Reader;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /my/notes}: every note and reply the reader wrote, across articles, newest first, a page at a time, each
 * linking to where it is shown. Known by their author secret alone: a reader without one is told that notes are tied
 * to the browser that wrote them. Never kept by a shared cache.
 */
@Controller
class MyNotesController {

	static final String VIEW = "notes/mine";

	/** What the page says after the reader changed their feed of replies (feeds.ReplyFeedController redirects here). */
	private static final Map<String, String> FEED_MESSAGES = Map.of(
			"started", "Your feed of replies is ready: its address is below.",
			"renewed", "Your feed of replies has a new address: the old one no longer works.",
			"stopped", "Your feed of replies is stopped: its address no longer works.");

	private final MyNotes notes;

	private final ReplyFeedAddresses feeds;

	MyNotesController(MyNotes notes, ReplyFeedAddresses feeds) {
		this.notes = notes;
		this.feeds = feeds;
	}

	@GetMapping("/my/notes")
	String mine(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String feed,
			@AuthenticationPrincipal @Nullable Reader reader,
			HttpServletResponse response, Model model) {
		// the reader's own notes, private ones among them: for their browser alone
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
		response.setHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		Author author = reader == null ? null : new Author(reader.secretHash(), null);
		model.addAttribute("viewer", author);
		model.addAttribute("known", author != null);
		model.addAttribute("mine", notes.page(author, page));
		model.addAttribute("counted", MyNotes.COUNTED);
		// the address of their feed of replies: theirs alone, like the page
		model.addAttribute("replyFeed", feeds.token(author).orElse(null));
		model.addAttribute("feedMessage", feed == null ? null : FEED_MESSAGES.get(feed));
		return VIEW;
	}

}
