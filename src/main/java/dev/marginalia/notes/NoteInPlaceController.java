package dev.marginalia.notes;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.Reader;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code GET /articles/{slug}/notes/{id}}: a note or reply in place, wherever its thread is shown now: the page of its
 * paragraph's notes that holds it (or of the orphaned notes), at the note (303). The article page's margin shows a few
 * threads only; this link (from search results, "My notes" and elsewhere) finds any note the reader may see, however
 * many threads its paragraph has. A note the reader may not see, or that is gone, is 404.
 */
@Controller
class NoteInPlaceController {

	private final ArticleLibrary library;

	private final NoteLocations locations;

	NoteInPlaceController(ArticleLibrary library, NoteLocations locations) {
		this.library = library;
		this.locations = locations;
	}

	@GetMapping("/articles/{slug}/notes/{id}")
	RedirectView inPlace(@PathVariable String slug, @PathVariable String id,
			@AuthenticationPrincipal @Nullable Reader reader, HttpServletRequest request) {
		library.find(slug).orElseThrow(NoteNotFoundException::new);
		NoteLocations.Location location = locations.of(slug, id, Readers.pageViewer(reader, request))
			.orElseThrow(NoteNotFoundException::new);
		String page = location.blockId() == null ? "/articles/" + slug + "/orphans"
				: "/articles/" + slug + "/p/" + location.blockId() + "/notes";
		RedirectView redirect = new RedirectView(page + (location.page() > 1 ? "?page=" + location.page() : "") + "#note-" + id,
				true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return redirect;
	}

}
