package dev.marginalia.moderation;

import java.util.Map;

import dev.marginalia.annotations.AnnotationImport;
import dev.marginalia.annotations.ImportReport;
import dev.marginalia.annotations.InvalidImportException;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.IdentityConfigurer;
import dev.marginalia.identity.ModeratorAccount;
import dev.marginalia.identity.Reader;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.notes.NoteModeration;
import dev.marginalia.notes.Readers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The moderator's pages: the queue of flagged notes and the hidden ones, the actions on any public note or
 * reply (hide, show again, delete, dismiss its flags), and the import of notes from a pasted file. Every one
 * needs the moderator's sign-in (Spring Security sees to it: {@code IdentityConfigurer.PAGES}); every action is a
 * POST with the page's CSRF token.
 */
@Controller
class ModerationController {

	static final String QUEUE = IdentityConfigurer.QUEUE;

	static final String QUEUE_VIEW = "moderation/queue";

	static final String IMPORT_VIEW = "moderation/import";

	/** How many hidden notes the queue page lists. */
	static final int HIDDEN_SHOWN = 200;

	private final ModeratorAccount account;

	private final NoteModeration noteModeration;

	private final Flagging flagging;

	private final ArticleLibrary library;

	private final AnnotationImport importer;

	private final Readers readers;

	ModerationController(ModeratorAccount account, NoteModeration noteModeration, Flagging flagging, ArticleLibrary library,
			AnnotationImport importer, Readers readers) {
		this.account = account;
		this.noteModeration = noteModeration;
		this.flagging = flagging;
		this.library = library;
		this.importer = importer;
		this.readers = readers;
	}

	/** Every page and action of this controller: 404, "Moderation is off", while no moderator is configured. */
	@ModelAttribute
	void requireOn() {
		if (!account.isOn()) {
			throw new ModerationOffException();
		}
	}

	@GetMapping(QUEUE)
	String queue(@RequestParam(required = false) @Nullable String done, Model model) {
		model.addAttribute("flagged", flagging.queue());
		model.addAttribute("hidden", noteModeration.hiddenNotes(HIDDEN_SHOWN));
		model.addAttribute("done", done == null ? null : Action.parse(done).map(Action::message).orElse(null));
		return QUEUE_VIEW;
	}

	/**
	 * Hides, shows again, deletes, or dismisses the flags of a public note or reply.
	 * @param back where to go afterwards: {@code article} (the note in its article) or the queue
	 */
	@PostMapping("/moderation/articles/{slug}/notes/{id}/{action}")
	ModelAndView act(@PathVariable String slug, @PathVariable String id, @PathVariable String action,
			@RequestParam(required = false) @Nullable String back) {
		Action what = Action.parse(action).orElseThrow(NoteNotFoundException::new);
		Note note = noteModeration.findAsModerator(slug, id).orElseThrow(NoteNotFoundException::new);
		switch (what) {
			case HIDE -> noteModeration.setHidden(slug, id, true);
			case UNHIDE -> noteModeration.setHidden(slug, id, false);
			case DELETE -> {
				noteModeration.deleteAsModerator(slug, id);
				flagging.dismiss(id);
			}
			case DISMISS -> flagging.dismiss(id);
		}
		if ("article".equals(back)) {
			return SignInController.redirect("/articles/" + slug + "?done=" + what.value + "#"
					+ (what == Action.DELETE ? note.blockId() : "note-" + id));
		}
		return SignInController.redirect(QUEUE + "?done=" + what.value);
	}

	@GetMapping("/moderation/import")
	String importForm(Model model) {
		return importPage("", "", Map.of(), null, model);
	}

	/** The import of a file of Web Annotations, pasted (uploads are off: no multipart bodies are read). */
	@PostMapping("/moderation/import")
	String importFile(@RequestParam(required = false) @Nullable String article,
			@RequestParam(required = false) @Nullable String annotations, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String slug = article == null ? "" : article;
		String file = annotations == null ? "" : annotations;
		if (library.find(slug).isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return importPage(slug, file, Map.of("article", "Choose the article the notes are on."), null, model);
		}
		if (file.isBlank()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return importPage(slug, file, Map.of("annotations", "Paste the file of annotations here."), null, model);
		}
		try {
			ImportReport report = importer.importFile(slug, file, readers.currentOrNew(reader, request, response));
			return importPage(slug, "", Map.of(), report, model);
		}
		catch (InvalidImportException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", ex.problems());
			return importPage(slug, file, Map.of("annotations", ex.getMessage()), null, model);
		}
	}

	private String importPage(String slug, String file, Map<String, String> errors, @Nullable ImportReport report,
			Model model) {
		model.addAttribute("articles", library.list());
		model.addAttribute("chosen", slug);
		model.addAttribute("file", file);
		model.addAttribute("errors", errors);
		model.addAttribute("report", report);
		if (report != null) {
			library.find(slug).map(Article::slug).ifPresent(found -> model.addAttribute("reportSlug", found));
		}
		return IMPORT_VIEW;
	}

	/** What the moderator can do to a note. */
	enum Action {

		HIDE("hide", "The note is hidden: readers no longer see it."),

		UNHIDE("unhide", "The note is shown again."),

		DELETE("delete", "The note is deleted."),

		DISMISS("dismiss", "The note's flags are dismissed.");

		private final String value;

		private final String message;

		Action(String value, String message) {
			this.value = value;
			this.message = message;
		}

		String message() {
			return message;
		}

		static java.util.Optional<Action> parse(String value) {
			return java.util.Arrays.stream(values()).filter(action -> action.value.equals(value)).findFirst();
		}

	}

}
