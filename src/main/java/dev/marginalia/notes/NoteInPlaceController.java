package dev.marginalia.notes;

import dev.marginalia.identity.Reader;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code GET /articles/{slug}/notes/{id}}: a note or reply in place, wherever its thread is shown now: the page of its
 * paragraph's notes that holds it (or of the orphaned notes), at the note. The article page's margin shows a few
 * threads only; this link finds any note the reader may see, however many threads its paragraph has.
 */
@Controller
class NoteInPlaceController {

	private final NoteQueries queries;

	NoteInPlaceController(NoteQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/articles/{slug}/notes/{id}")
	RedirectView inPlace(@PathVariable String slug, @PathVariable String id,
			@AuthenticationPrincipal @Nullable Reader reader) {
		Author viewer = reader == null ? null : new Author(reader.secretHash(), null);
		NoteQueries.InPlace place = queries.inPlace(slug, id, viewer)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such note"));
		String page = place.blockId() == null ? "/articles/" + slug + "/orphans" : "/articles/" + slug + "/p/"
				+ place.blockId() + "/notes";
		RedirectView redirect = new RedirectView(page + (place.page() > 1 ? "?page=" + place.page() : "") + "#note-" + id,
				true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		return redirect;
	}

}
