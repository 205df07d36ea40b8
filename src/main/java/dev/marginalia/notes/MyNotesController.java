package dev.marginalia.notes;

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

	private final MyNotes notes;

	MyNotesController(MyNotes notes) {
		this.notes = notes;
	}

	@GetMapping("/my/notes")
	String mine(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletResponse response, Model model) {
		// the reader's own notes, private ones among them: for their browser alone
		response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().cachePrivate().getHeaderValue());
		response.setHeader(HttpHeaders.VARY, HttpHeaders.COOKIE);
		Author author = reader == null ? null : new Author(reader.secretHash(), null);
		model.addAttribute("viewer", author);
		model.addAttribute("known", author != null);
		model.addAttribute("mine", notes.page(author, page));
		model.addAttribute("counted", MyNotes.COUNTED);
		return VIEW;
	}

}
