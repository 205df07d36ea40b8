package dev.marginalia.moderation;

import java.util.List;
import java.util.Map;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.Reader;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.Readers;
import dev.marginalia.notes.Viewer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /articles/{slug}/notes/{id}/flag}: any reader tells the moderator about a note, once, with a reason
 * from a short list and, if they like, a few words. A plain form; the page's script opens it in place.
 */
@Controller
class FlagController {

	static final String VIEW = "moderation/flag";

	private final NoteQueries queries;

	private final ArticleLibrary library;

	private final Readers readers;

	private final Flagging flagging;

	FlagController(NoteQueries queries, ArticleLibrary library, Readers readers, Flagging flagging) {
		this.queries = queries;
		this.library = library;
		this.readers = readers;
		this.flagging = flagging;
	}

	@GetMapping("/articles/{slug}/notes/{id}/flag")
	String form(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal @Nullable Reader principal,
			Model model) {
		Viewer reader = Viewer.reader(readers.current(principal).orElse(null));
		return page(slug, id, reader, "", "", Map.of(), model);
	}

	@PostMapping("/articles/{slug}/notes/{id}/flag")
	Object flag(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable String detail, @AuthenticationPrincipal @Nullable Reader principal,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Viewer reader = Viewer.reader(readers.current(principal).orElse(null));
		try {
			flagging.flag(slug, id, reader, request.getRemoteAddr(), reason, detail);
		}
		catch (InvalidFlagException ex) {
			response.setStatus(ex.status().value());
			return page(slug, id, reader, reason == null ? "" : reason, detail == null ? "" : detail, ex.errors(), model);
		}
		Note note = queries.find(slug, id, reader.author()).orElseThrow(NoteNotFoundException::new);
		return SignInController.redirect("/articles/" + slug + "?done=flagged#note-" + note.id());
	}

	private String page(String slug, String id, Viewer reader, String reason, String detail, Map<String, String> errors,
			Model model) {
		Note note = queries.find(slug, id, reader.author()).filter(found -> !found.deleted())
			.orElseThrow(NoteNotFoundException::new);
		model.addAttribute("article", library.find(slug).orElseThrow(NoteNotFoundException::new));
		model.addAttribute("note", note);
		model.addAttribute("viewer", reader.author());
		model.addAttribute("reasons", List.of(FlagReason.values()));
		model.addAttribute("reason", reason);
		model.addAttribute("detail", detail);
		model.addAttribute("maxDetail", Flagging.MAX_DETAIL);
		model.addAttribute("errors", errors);
		return VIEW;
	}

}
