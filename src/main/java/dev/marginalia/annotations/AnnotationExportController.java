package dev.marginalia.annotations;

import java.util.ArrayList;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.notes.ArticleNotes;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.NoteThread;
import dev.marginalia.anchoring.ReAnchoring;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /articles/{slug}/notes.jsonld}: the article's notes that the reader may see (the public ones and their
 * own private ones) as one W3C AnnotationCollection to download, every annotation embedded, no paging: threads in
 * the order of their paragraphs in the article's current version, each note followed by its replies, then the
 * orphans. The file can be imported again ({@link AnnotationImport}).
 */
@RestController
class AnnotationExportController {

	private final ArticleLibrary library;

	private final NoteQueries queries;

	private final ApiAuthors authors;

	private final Representations representations;

	AnnotationExportController(ArticleLibrary library, NoteQueries queries, ApiAuthors authors,
			Representations representations) {
		this.library = library;
		this.queries = queries;
		this.authors = authors;
		this.representations = representations;
	}

	@GetMapping("/articles/{slug}/notes.jsonld")
	ResponseEntity<byte[]> export(@PathVariable String slug, HttpServletRequest request) {
		Article article = library.find(slug)
			.orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "There is no such article."));
		ArticleNotes all = queries.notesOn(article, authors.viewer(request).orElse(null));
		List<Note> ordered = new ArrayList<>();
		for (Block block : article.blocks()) {
			all.on(block.id()).threads().forEach(thread -> add(thread, ordered));
		}
		all.orphans().forEach(thread -> add(thread, ordered));
		byte[] body = Json.write(representations.export(article, ordered));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(Vocabulary.ANNOTATION_JSON_LD);
		// a slug is ASCII (letters, digits, hyphens): the plain quoted filename suits every browser
		headers.setContentDisposition(ContentDisposition.attachment().filename(slug + "-notes.jsonld").build());
		// the file depends on who asks (their private notes): never shared by a cache
		headers.setCacheControl("private, no-cache");
		headers.set(HttpHeaders.VARY, "Authorization, Cookie");
		return ResponseEntity.ok().headers(headers).body(body);
	}

	private static void add(NoteThread thread, List<Note> ordered) {
		ordered.add(thread.note());
		ordered.addAll(thread.replies());
	}

}
