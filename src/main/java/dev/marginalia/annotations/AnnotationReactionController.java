package dev.marginalia.annotations;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.ReaderKey;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.NoteNotFoundException;
import dev.marginalia.notes.NoteReactions;
import dev.marginalia.notes.Viewer;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * A program's "Useful" on an annotation: {@code PUT} says the author of the bearer secret found it useful (once,
 * however often sent), {@code DELETE} takes that back, {@code GET} tells the count and whether they did. Each answers
 * the same small JSON document; the annotation itself carries the count ({@code marginalia:useful}). The rules are
 * the pages' ({@link NoteReactions}): an annotation the client may not see, or a deleted one, is 404; its own, a
 * private or a hidden one is 403 or 409, as problem details. Writes go through the write limits like any other.
 */
@RestController
@RequestMapping("/api/articles/{slug}/annotations/{id}/reactions/useful")
class AnnotationReactionController {

	static final String ALLOW = "GET,HEAD,PUT,DELETE";

	private final ArticleLibrary library;

	private final ApiAuthors authors;

	private final NoteReactions reactions;

	private final ApiLinks links;

	AnnotationReactionController(ArticleLibrary library, ApiAuthors authors, NoteReactions reactions, ApiLinks links) {
		this.library = library;
		this.authors = authors;
		this.reactions = reactions;
		this.links = links;
	}

	@RequestMapping(method = { RequestMethod.GET, RequestMethod.HEAD })
	ResponseEntity<Map<String, Object>> read(@PathVariable String slug, @PathVariable String id,
			HttpServletRequest request) {
		found(slug, id);
		// MODERATION: the moderator sees a hidden annotation's count too
		Viewer viewer = authors.viewerOrModerator(request);
		ReaderKey reader = ReaderKey.of(viewer.author() == null ? null : viewer.author().secretHash(),
				request.getRemoteAddr());
		return answer(slug, reactions.state(slug, id, viewer, reader));
	}

	@RequestMapping(method = RequestMethod.PUT)
	ResponseEntity<Map<String, Object>> press(@PathVariable String slug, @PathVariable String id,
			HttpServletRequest request) {
		return write(slug, id, request, NoteReactions.Press.ON);
	}

	@RequestMapping(method = RequestMethod.DELETE)
	ResponseEntity<Map<String, Object>> takeBack(@PathVariable String slug, @PathVariable String id,
			HttpServletRequest request) {
		return write(slug, id, request, NoteReactions.Press.OFF);
	}

	/** The methods no mapping above takes: 405 with what it takes. */
	@RequestMapping(method = { RequestMethod.POST, RequestMethod.PATCH })
	ResponseEntity<Void> otherMethods(@PathVariable String slug, @PathVariable String id) {
		throw ApiProblem.of(HttpStatus.METHOD_NOT_ALLOWED, "A reaction takes " + ALLOW + ".")
			.withHeader(HttpHeaders.ALLOW, ALLOW);
	}

	private ResponseEntity<Map<String, Object>> write(String slug, String id, HttpServletRequest request,
			NoteReactions.Press press) {
		found(slug, id);
		Author author = authors.writer(authors.viewer(request));
		try {
			return answer(slug, reactions.useful(slug, id, new Viewer(author, false),
					ReaderKey.author(author.secretHash()), press));
		}
		catch (DataIntegrityViolationException ex) {
			throw new NoteNotFoundException(); // deleted while the request was on its way
		}
	}

	private void found(String slug, String id) {
		if (library.find(slug).isEmpty() || !ApiLinks.isNoteId(id)) {
			throw new NoteNotFoundException();
		}
	}

	private ResponseEntity<Map<String, Object>> answer(String slug, NoteReactions.State state) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("annotation", links.annotation(slug, state.noteId()));
		json.put("reaction", "useful");
		json.put("count", state.useful());
		json.put("mine", state.mine());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ALLOW, ALLOW)
			.body(json);
	}

}
