package dev.marginalia.notes;

import java.util.Map;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.identity.Reader;
import dev.marginalia.identity.ReaderKey;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The HTML side of notes: plain forms that work without JavaScript, POST-redirect-GET, and on bad input the
 * form again with the message beside the field. Scripts in the page use the same URLs.
 */
@Controller
class NotePagesController {

	static final String PARAGRAPH_VIEW = "notes/paragraph";

	static final String REPLY_VIEW = "notes/reply";

	static final String EDIT_VIEW = "notes/edit";

	static final String ORPHANS_VIEW = "notes/orphans";

	static final String PRINT_VIEW = "notes/print";

	private final NoteQueries queries;

	private final NoteCommands commands;

	private final ArticleLibrary library;

	private final Readers readers;

	private final NoteReactions reactions;

	NotePagesController(NoteQueries queries, NoteCommands commands, ArticleLibrary library, Readers readers,
			NoteReactions reactions) {
		this.queries = queries;
		this.commands = commands;
		this.library = library;
		this.readers = readers;
		this.reactions = reactions;
	}

	/** All the notes on one paragraph, a page at a time in the order asked for ({@code ?sort=}), and the form to add one. */
	@GetMapping("/articles/{slug}/p/{blockId}/notes")
	String paragraph(@PathVariable String slug, @PathVariable String blockId,
			@RequestParam(required = false) @Nullable String quote, @RequestParam(required = false) @Nullable Integer quoteStart,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String sort,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request, Model model) {
		Viewer viewer = readers.viewer(reader, request);
		model.addAttribute("moderator", viewer.isModerator());
		model.addAttribute("page", page);
		model.addAttribute("sort", ThreadOrder.parse(sort));
		return paragraphPage(slug, blockId, viewer, new NewNote(null, null, null, quote, quoteStart), Map.of(),
				Readers.key(reader, request), model);
	}

	/**
	 * The article with every note the reader can see under its paragraph, and the orphans, to print (the article
	 * page prints without its margin, which shows only the newest notes): what the Markdown export holds, as a page;
	 * above it the article's tags, each with how many of those notes carry it.
	 */
	@GetMapping("/articles/{slug}/notes")
	String print(@PathVariable String slug, @RequestParam(required = false) @Nullable String sort,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request, Model model) {
		ThreadOrder order = ThreadOrder.parse(sort);
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		Author viewer = readers.current(reader).orElse(null);
		model.addAttribute("article", article);
		model.addAttribute("viewer", viewer);
		model.addAttribute("sort", order);
		model.addAttribute("notes", queries.notesOn(article, viewer, order));
		model.addAttribute("tags", queries.tagCounts(slug, viewer));
		usefulMarks(slug, "/notes", order, Readers.key(reader, request), model);
		return PRINT_VIEW;
	}

	/**
	 * The notes whose text is no longer in the article, a page at a time in the order asked for ({@code ?sort=}; the
	 * article page shows the newest).
	 */
	@GetMapping("/articles/{slug}/orphans")
	String orphans(@PathVariable String slug, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) @Nullable String sort, @AuthenticationPrincipal @Nullable Reader reader,
			HttpServletRequest request, Model model) {
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		Author viewer = readers.current(reader).orElse(null);
		ThreadOrder order = ThreadOrder.parse(sort);
		model.addAttribute("article", article);
		model.addAttribute("viewer", viewer);
		model.addAttribute("sort", order);
		pageOf(article, null, viewer, order, page, model);
		usefulMarks(slug, "/orphans", order, Readers.key(reader, request), model);
		return ORPHANS_VIEW;
	}

	@PostMapping("/articles/{slug}/p/{blockId}/notes")
	ModelAndView add(@PathVariable String slug, @PathVariable String blockId, NoteForm form,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Author author = readers.currentOrNew(reader, request, response);
		try {
			Note note = commands.create(slug, blockId, form.toNewNote(), author);
			return done(slug, "added", note);
		}
		catch (InvalidNoteException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return new ModelAndView(paragraphPage(slug, blockId, Viewer.reader(author), form.toNewNote(), ex.errors(),
					Readers.key(reader, request), model));
		}
	}

	@GetMapping("/articles/{slug}/notes/{id}/reply")
	String replyForm(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal @Nullable Reader reader,
			Model model) {
		Author viewer = readers.current(reader).orElse(null);
		Note note = visible(slug, id, viewer);
		// a reply to a private note is private (NoteCommands.reply): the form says so from the start
		return replyPage(slug, note, viewer, new NewNote(null, null, note.isPrivate() ? "private" : null), Map.of(), model);
	}

	@PostMapping("/articles/{slug}/notes/{id}/replies")
	ModelAndView reply(@PathVariable String slug, @PathVariable String id, NoteForm form,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		Author author = readers.currentOrNew(reader, request, response);
		try {
			Note reply = commands.reply(slug, id, form.toNewNote(), author);
			return done(slug, "replied", reply);
		}
		catch (InvalidNoteException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return new ModelAndView(replyPage(slug, visible(slug, id, author), author, form.toNewNote(), ex.errors(), model));
		}
	}

	@GetMapping("/articles/{slug}/notes/{id}/edit")
	String editForm(@PathVariable String slug, @PathVariable String id, @AuthenticationPrincipal @Nullable Reader reader,
			Model model) {
		Author viewer = readers.current(reader).orElse(null);
		Note note = own(slug, id, viewer);
		return editPage(slug, note, viewer,
				new NewNote(note.body(), note.authorName().equals(Note.ANONYMOUS) ? "" : note.authorName(),
						note.visibility().dbValue()).withTags(note.tags())
					.withColour(note.highlight() == null ? null : note.highlight().key()),
				note.version(), Map.of(), model);
	}

	@PostMapping("/articles/{slug}/notes/{id}")
	ModelAndView edit(@PathVariable String slug, @PathVariable String id, NoteForm form,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletResponse response, Model model) {
		Author author = readers.current(reader).orElseThrow(NoteForbiddenException::new);
		try {
			Note note = commands.edit(slug, id, form.toNewNote(), form.version(), author);
			return done(slug, "edited", note);
		}
		catch (InvalidNoteException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return new ModelAndView(editPage(slug, own(slug, id, author), author, form.toNewNote(), form.version(),
					ex.errors(), model));
		}
		catch (NoteConflictException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			Note current = own(slug, id, author);
			return new ModelAndView(editPage(slug, current, author, form.toNewNote(), current.version(),
					Map.of("body", "This note changed since you opened it (perhaps in another window). "
							+ "The text below is yours; saving again replaces the newer version."),
					model));
		}
	}

	@PostMapping("/articles/{slug}/notes/{id}/delete")
	ModelAndView delete(@PathVariable String slug, @PathVariable String id, @RequestParam(required = false) @Nullable Integer version,
			@AuthenticationPrincipal @Nullable Reader reader) {
		Author author = readers.current(reader).orElseThrow(NoteForbiddenException::new);
		Note note = own(slug, id, author);
		commands.delete(slug, id, version, author);
		return redirect("/articles/" + slug + "?done=deleted#" + note.blockId());
	}

	private String paragraphPage(String slug, String blockId, Viewer viewer, NewNote draft,
			Map<String, String> errors, ReaderKey key, Model model) {
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		Block block = article.block(blockId).orElseThrow(NoteNotFoundException::new);
		model.addAttribute("article", article);
		model.addAttribute("block", block);
		ThreadOrder order = model.getAttribute("sort") instanceof ThreadOrder asked ? asked : ThreadOrder.DEFAULT;
		model.addAttribute("sort", order);
		if (viewer.isModerator()) {
			// MODERATION: the moderator sees the paragraph's notes whole, hidden ones marked
			model.addAttribute("blockNotes", queries.notesSeenBy(article, viewer, order).on(blockId));
			model.addAttribute("page", 1);
			model.addAttribute("pages", 1);
		}
		else {
			Object page = model.getAttribute("page");
			pageOf(article, blockId, viewer.author(), order, page instanceof Integer number ? number : 1, model);
		}
		usefulMarks(slug, "/p/" + blockId + "/notes", order, key, model);
		return formPage(PARAGRAPH_VIEW, viewer.author(), draft, null, errors, model);
	}

	/**
	 * Puts one page (from 1; out of range: the nearest) of the notes of a paragraph (null: the orphans), in the given
	 * order, in the model.
	 */
	private void pageOf(Article article, @Nullable String blockId, @Nullable Author viewer, ThreadOrder order, int page,
			Model model) {
		BlockNotes first = queries.paragraphNotes(article, blockId, viewer, order, 0);
		int pages = Math.max(1, (first.threadCount() + NoteQueries.PARAGRAPH_PAGE - 1) / NoteQueries.PARAGRAPH_PAGE);
		int number = Math.min(Math.max(1, page), pages);
		model.addAttribute("blockNotes",
				number == 1 ? first : queries.paragraphNotes(article, blockId, viewer, order, number - 1));
		model.addAttribute("page", number);
		model.addAttribute("pages", pages);
	}

	/**
	 * The "Useful" buttons of a page of an article's notes (its page number from the model): the reader's own page,
	 * which says which notes they found useful.
	 * @param path the page's path under the article's
	 */
	private void usefulMarks(String slug, String path, ThreadOrder order, ReaderKey key, Model model) {
		int page = model.getAttribute("page") instanceof Integer number ? number : 1;
		model.addAttribute("useful", new UsefulMarks(UsefulMarks.back("/articles/" + slug + path, order, page),
				reactions.usefulTo(slug, key)));
	}

	private String replyPage(String slug, Note note, @Nullable Author viewer, NewNote draft, Map<String, String> errors,
			Model model) {
		model.addAttribute("article", library.find(slug).orElseThrow(NoteNotFoundException::new));
		model.addAttribute("note", note);
		return formPage(REPLY_VIEW, viewer, draft, null, errors, model);
	}

	private String editPage(String slug, Note note, @Nullable Author viewer, NewNote draft, @Nullable Integer version,
			Map<String, String> errors, Model model) {
		model.addAttribute("article", library.find(slug).orElseThrow(NoteNotFoundException::new));
		model.addAttribute("note", note);
		return formPage(EDIT_VIEW, viewer, draft, version, errors, model);
	}

	private static String formPage(String view, @Nullable Author viewer, NewNote draft, @Nullable Integer version,
			Map<String, String> errors, Model model) {
		String name = draft.authorName() != null ? draft.authorName()
				: viewer != null && viewer.displayName() != null ? viewer.displayName() : "";
		model.addAttribute("viewer", viewer);
		model.addAttribute("form", NoteForm.of(draft, name, version));
		model.addAttribute("errors", errors);
		return view;
	}

	private Note visible(String slug, String id, @Nullable Author viewer) {
		return queries.find(slug, id, viewer).orElseThrow(NoteNotFoundException::new);
	}

	private Note own(String slug, String id, @Nullable Author viewer) {
		Note note = visible(slug, id, viewer);
		if (!note.isBy(viewer) || note.deleted()) {
			throw new NoteForbiddenException();
		}
		return note;
	}

	private static ModelAndView done(String slug, String what, Note note) {
		return redirect("/articles/" + slug + "?done=" + what + "#note-" + note.id());
	}

	private static ModelAndView redirect(String url) {
		RedirectView view = new RedirectView(url, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(view);
	}

}
