package dev.marginalia.notes;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.Reader;
import dev.marginalia.web.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code POST /articles/{slug}/notes/{id}/useful}: the "Useful" button beside a note, a plain form. It says what it
 * wants ({@code pressed=true} or {@code false}, where the page knew the reader's state; without it, the other of what
 * it is) and where it was pressed ({@code back}: the article or one of its notes pages, with their order), and is
 * answered by a redirect back there, at the note (POST-redirect-GET); a script that asks for JSON gets the note's
 * count and the reader's state instead. {@code GET /articles/{slug}/reactions/mine}: the notes of the article the
 * reader found useful, for the page everyone without a secret shares, which cannot say (see {@code reactions.js}).
 */
@Controller
class ReactionController {

	/** Where a form may send the reader back to: a page of this site's articles, never another host. */
	private static final Pattern BACK = Pattern.compile("/articles/[^/?#\\\\\\s]+(/p/[^/?#\\\\\\s]+/notes|/notes|/orphans)?"
			+ "(\\?[A-Za-z0-9=&_-]*)?");

	private final ArticleLibrary library;

	private final NoteReactions reactions;

	ReactionController(ArticleLibrary library, NoteReactions reactions) {
		this.library = library;
		this.reactions = reactions;
	}

	@PostMapping("/articles/{slug}/notes/{id}/useful")
	Object useful(@PathVariable String slug, @PathVariable String id,
			@RequestParam(required = false) @Nullable String pressed, @RequestParam(required = false) @Nullable String back,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request) {
		library.find(slug).orElseThrow(NoteNotFoundException::new);
		NoteReactions.State state;
		try {
			state = reactions.useful(slug, id, Readers.pageViewer(reader, request), Readers.key(reader, request),
					NoteReactions.Press.parse(pressed));
		}
		catch (DataIntegrityViolationException ex) {
			throw new NoteNotFoundException(); // the note was deleted while the press was on its way
		}
		if (wantsJson(request)) {
			return json(Map.of("note", state.noteId(), "useful", state.useful(), "mine", state.mine(), "changed",
					state.changed()));
		}
		RedirectView redirect = new RedirectView(backTo(slug, back, state.mine()) + "#note-" + state.noteId(), true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return redirect;
	}

	@GetMapping("/articles/{slug}/reactions/mine")
	ResponseEntity<Map<String, Object>> mine(@PathVariable String slug, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest request) {
		library.find(slug).orElseThrow(NoteNotFoundException::new);
		return json(Map.of("useful", List.copyOf(reactions.usefulTo(slug, Readers.key(reader, request)))));
	}

	@ExceptionHandler(ReactionRefusedException.class)
	Object refused(ReactionRefusedException ex, HttpServletRequest request) {
		if (wantsJson(request)) {
			return ResponseEntity.status(ex.status()).contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("error", String.valueOf(ex.getMessage())));
		}
		return ErrorPages.of(ex.status(), String.valueOf(ex.getMessage()));
	}

	/**
	 * @return where the form was pressed, if it is a page of the article, else the article; the article itself with
	 * {@code done=}, so that its flash message says what happened (its page is shared: it cannot show who pressed)
	 */
	static String backTo(String slug, @Nullable String back, boolean mine) {
		String article = "/articles/" + slug;
		String page = back != null && BACK.matcher(back).matches()
				&& (back.equals(article) || back.startsWith(article + "/") || back.startsWith(article + "?")) ? back : article;
		if (!page.equals(article) && !page.startsWith(article + "?")) {
			return page;
		}
		return page + (page.contains("?") ? "&" : "?") + "done=" + (mine ? "useful" : "unuseful");
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE) && !accept.contains("text/html");
	}

	/** The reader's own state: never kept by a shared cache, nor by the browser. */
	private static <T> ResponseEntity<T> json(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).contentType(MediaType.APPLICATION_JSON)
			.body(body);
	}

}
