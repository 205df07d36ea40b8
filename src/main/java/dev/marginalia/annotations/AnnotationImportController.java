package dev.marginalia.annotations;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.ModeratorAccount;
import dev.marginalia.notes.Author;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/articles/{slug}/annotations/import}: a file of Web Annotations (see {@link AnnotationImport})
 * becomes notes of the article, all of them or none. The body may be up to {@value AnnotationImport#MAX_BYTES}
 * bytes (the one exception to the 64 KB limit of requests). Only the signed-in moderator may import (their
 * cookie, and the CSRF token unless the request also carries a bearer token); anyone else gets 403. The notes
 * belong to the author the request names (bearer token or cookie); a client with neither is given a new secret,
 * as on a POST of one annotation.
 */
@RestController
class AnnotationImportController {

	private final ArticleLibrary library;

	private final ApiAuthors authors;

	private final AnnotationImport importer;

	private final ApiLinks links;

	AnnotationImportController(ArticleLibrary library, ApiAuthors authors, AnnotationImport importer, ApiLinks links) {
		this.library = library;
		this.authors = authors;
		this.importer = importer;
		this.links = links;
	}

	/**
	 * 200 with a report: how many notes and replies, and each annotation of the file with its new IRI (and the
	 * file's ids to the new IRIs); 422 with every problem, by index and JSON path, when anything is wrong.
	 */
	@PostMapping("/api/articles/{slug}/annotations/import")
	ResponseEntity<byte[]> importFile(@PathVariable String slug, HttpServletRequest request,
			HttpServletResponse response) {
		if (!ModeratorAccount.isSignedIn(request)) {
			throw ApiProblem.of(HttpStatus.FORBIDDEN,
					"Only the moderator can import notes: sign in at /moderation/sign-in, then send its cookie.");
		}
		if (library.find(slug).isEmpty()) {
			throw ApiProblem.of(HttpStatus.NOT_FOUND, "There is no such article.");
		}
		Author viewer = authors.viewer(request).orElse(null);
		JsonNode file = RequestBodies.readJson(request, AnnotationImport.MAX_BYTES);
		ImportReport report = importer.importAnnotations(slug, file, viewer,
				() -> authors.writerOrNew(request, response));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.write(json(slug, report)));
	}

	private Map<String, Object> json(String slug, ImportReport report) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("container", links.container(slug));
		json.put("imported", report.items().size());
		json.put("notes", report.notes());
		json.put("replies", report.replies());
		json.put("items", report.items().stream().map(item -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("index", item.index());
			if (item.fileId() != null) {
				entry.put("from", item.fileId());
			}
			entry.put("id", item.iri());
			entry.put("motivation", item.reply() ? AnnotationDraft.REPLYING : AnnotationDraft.COMMENTING);
			if (item.orphaned()) {
				entry.put(Vocabulary.ORPHANED, true);
			}
			if (item.deleted()) {
				entry.put(Vocabulary.DELETED, true);
			}
			return entry;
		}).toList());
		json.put("ids", report.ids());
		return json;
	}

}
