package dev.marginalia.feeds;

import dev.marginalia.identity.Reader;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.ReplyFeedAddresses;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code POST /my/replies-feed}: the form on "My notes" that starts the reader's feed of replies
 * ({@code action=start}), gives it a new address ({@code renew}) or stops it ({@code stop}); then back to "My notes"
 * (303), which says what was done. A plain form with the CSRF token (the reader's cookie authorises it), counted
 * against the write limits as every write is. A reader without an author secret has no feed: back to "My notes",
 * which tells them why; an unknown action is a 400.
 */
@Controller
class ReplyFeedController {

	private final ReplyFeedAddresses addresses;

	ReplyFeedController(ReplyFeedAddresses addresses) {
		this.addresses = addresses;
	}

	@PostMapping("/my/replies-feed")
	RedirectView change(@RequestParam(required = false) @Nullable String action,
			@AuthenticationPrincipal @Nullable Reader reader) {
		if (action == null || !(action.equals("start") || action.equals("renew") || action.equals("stop"))) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The action is start, renew or stop");
		}
		if (reader == null) {
			return back(null);
		}
		Author author = new Author(reader.secretHash(), null);
		if (action.equals("stop")) {
			addresses.stop(author);
			return back("stopped");
		}
		addresses.renew(author);
		return back(action.equals("start") ? "started" : "renewed");
	}

	private static RedirectView back(@Nullable String done) {
		RedirectView redirect = new RedirectView("/my/notes" + (done == null ? "" : "?feed=" + done) + "#reply-feed", true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return redirect;
	}

}
