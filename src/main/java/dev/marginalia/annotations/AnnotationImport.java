package dev.marginalia.annotations;

import java.util.List;
import java.util.function.Supplier;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.NoteNotFoundException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a file of Web Annotations into an article's notes, for the API and the moderators' form alike. The file
 * is read ({@link ImportFileReader}) and checked as a whole first ({@link ImportPlanner}), every problem reported
 * with its annotation's index and JSON path; only then are the notes written ({@link ImportWriter}), in one
 * transaction: all of them or none.
 *
 * <p>The file is an AnnotationCollection with its annotations embedded (its {@code first} page and any embedded
 * {@code next} pages), one AnnotationPage, or a JSON array of annotations; at most {@value #MAX_ANNOTATIONS}. Each
 * annotation is read as a POST reads it (the same rules for body, creator, visibility and targets), and:
 * <ul>
 * <li>its target may name the article at another host (the same article exported from another instance);</li>
 * <li>a reply's target is the {@code id} of an annotation in the file (in any order: notes are written before
 * replies) or the IRI of an annotation in this article's container; threads stay one level deep;</li>
 * <li>{@code created} is kept (it must not be in the future; absent: now); {@code modified} is not: an imported
 * note has not been edited here;</li>
 * <li>a note whose paragraph is not in the article is placed by {@code marginalia:writtenOn} (the paragraph's id,
 * text and passage then) as a note on an edited article is, and kept on that text, as an orphan, when it has no
 * place in the article any more;</li>
 * <li>{@code marginalia:deleted} recreates a deleted note kept for its replies (it needs a reply in the file).</li>
 * </ul>
 * Every imported note belongs to the importing author; the creator names of the file are kept.
 */
@Service
public class AnnotationImport {

	/** The most annotations one import takes. */
	public static final int MAX_ANNOTATIONS = 2_000;

	/** The largest file the API takes (its own limit: any other request is at most 64 KB). */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	private final ArticleLibrary library;

	private final ImportFileReader reader;

	private final ImportPlanner planner;

	private final ImportWriter writer;

	private final TransactionTemplate transactions;

	AnnotationImport(ArticleLibrary library, ImportFileReader reader, ImportPlanner planner, ImportWriter writer,
			PlatformTransactionManager transactionManager) {
		this.library = library;
		this.reader = reader;
		this.planner = planner;
		this.writer = writer;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Imports the annotations of a file into an article's notes, as the given author.
	 * @param json the file's text
	 * @throws InvalidImportException when anything in the file is wrong (nothing is stored)
	 * @throws NoteNotFoundException when there is no such article
	 */
	public ImportReport importFile(String slug, String json, Author author) {
		JsonNode file;
		try {
			file = Json.read(json);
		}
		catch (JacksonException ex) {
			throw InvalidImportException.ofFile("$", "The file is not well-formed JSON.");
		}
		return importAnnotations(slug, file, author, () -> author);
	}

	/**
	 * @param viewer who imports, as far as known before anything is written (for the notes a reply may answer)
	 * @param author who the notes will belong to, asked for once the file is found good
	 */
	ImportReport importAnnotations(String slug, JsonNode file, @Nullable Author viewer, Supplier<Author> author) {
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		List<ImportEntry> entries = reader.read(file, slug);
		ImportPlan plan = planner.plan(article, entries, viewer);
		Author writer = author.get();
		ImportReport report = transactions.execute(status -> this.writer.write(slug, plan, writer));
		if (report == null) {
			throw new IllegalStateException("The import's transaction gave no report");
		}
		return report;
	}

}
