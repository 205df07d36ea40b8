package dev.marginalia.notes;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.identity.Reader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The notes of an article to take away: Markdown (the article with each note as a footnote under its
 * paragraph, its tags and a passage's highlight colour under it, and how many readers found it useful) and CSV (one
 * row per note or reply, its tags in one cell, separated by commas, the count of readers who found it useful, and
 * its colour: a passage note's, the default's too). A reader gets what they may see:
 * the public notes and their own private ones. The W3C JSON-LD export is the annotation container's.
 */
@Controller
class NoteExportController {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final ArticleLibrary library;

	private final NoteQueries queries;

	private final Readers readers;

	NoteExportController(ArticleLibrary library, NoteQueries queries, Readers readers) {
		this.library = library;
		this.queries = queries;
		this.readers = readers;
	}

	@GetMapping("/articles/{slug}/notes.md")
	ResponseEntity<String> markdown(@PathVariable String slug, @AuthenticationPrincipal @Nullable Reader reader) {
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		ArticleNotes all = queries.notesOn(article, readers.current(reader).orElse(null));
		StringBuilder out = new StringBuilder();
		out.append("# Notes on ").append(article.metadata().quotedTitle()).append("\n\n");
		if (!article.metadata().author().isBlank()) {
			out.append("*").append(escape(article.metadata().author()))
				.append(article.metadata().publication().isBlank() ? "" : ", " + escape(article.metadata().publication()))
				.append("*\n\n");
		}
		int[] footnote = { 0 };
		for (Block block : article.blocks()) {
			List<NoteThread> threads = all.on(block.id()).threads();
			List<String> definitions = new ArrayList<>();
			StringBuilder marks = new StringBuilder();
			for (NoteThread thread : threads) {
				int number = ++footnote[0];
				marks.append("[^").append(number).append(']');
				definitions.add(footnote(number, thread));
			}
			out.append(blockMarkdown(block, marks.toString())).append("\n\n");
			definitions.forEach(definition -> out.append(definition).append('\n'));
		}
		if (!all.orphans().isEmpty()) {
			out.append("## Orphaned notes\n\nWritten on text that is no longer in the article.\n\n");
			for (NoteThread thread : all.orphans()) {
				out.append("> ").append(escape(thread.note().blockText())).append("\n\n");
				int number = ++footnote[0];
				out.append("Note[^").append(number).append("]\n\n").append(footnote(number, thread)).append('\n');
			}
		}
		return download(out.toString(), slug + "-notes.md", new MediaType("text", "markdown", StandardCharsets.UTF_8));
	}

	@GetMapping("/articles/{slug}/notes.csv")
	ResponseEntity<String> csv(@PathVariable String slug, @AuthenticationPrincipal @Nullable Reader reader) {
		Article article = library.find(slug).orElseThrow(NoteNotFoundException::new);
		ArticleNotes all = queries.notesOn(article, readers.current(reader).orElse(null));
		StringWriter out = new StringWriter();
		try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder()
			.setHeader("id", "paragraph_id", "paragraph_number", "paragraph_text", "reply_to", "author", "visibility",
					"created", "modified", "body", "tags", "useful", "colour")
			.get())) {
			for (Block block : article.blocks()) {
				for (NoteThread thread : all.on(block.id()).threads()) {
					Integer number = article.paragraphNumber(block);
					row(csv, block.id(), number == null ? "" : String.valueOf(number), block.text(), thread);
				}
			}
			for (NoteThread thread : all.orphans()) {
				row(csv, "", "", thread.note().blockText(), thread);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return download(out.toString(), slug + "-notes.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	private static void row(CSVPrinter csv, String blockId, String number, String text, NoteThread thread)
			throws IOException {
		for (Note note : notesOf(thread)) {
			csv.printRecord(note.id(), blockId, number, cell(text), note.parentId() == null ? "" : note.parentId(),
					cell(note.authorName()), note.visibility().dbValue(), DATE.format(note.createdAt()),
					DATE.format(note.modifiedAt()), cell(note.deleted() ? "" : note.body()), cell(String.join(", ", note.tags())),
					note.useful(), note.highlight() == null || note.deleted() ? "" : note.highlight().key());
		}
	}

	private static List<Note> notesOf(NoteThread thread) {
		List<Note> list = new ArrayList<>();
		list.add(thread.note());
		list.addAll(thread.replies());
		return list;
	}

	/**
	 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula; a leading
	 * apostrophe keeps it text (OWASP's advice on CSV injection).
	 */
	static String cell(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

	private static String footnote(int number, NoteThread thread) {
		StringBuilder out = new StringBuilder("[^").append(number).append("]: ");
		out.append(noteMarkdown(thread.note())).append('\n');
		for (Note reply : thread.replies()) {
			out.append("\n    ↳ ").append(indent(noteMarkdown(reply))).append('\n');
		}
		return out.toString();
	}

	private static String noteMarkdown(Note note) {
		if (note.deleted()) {
			return "*This note was deleted.*";
		}
		return "**" + escape(note.authorName()) + "**" + (note.isPrivate() ? " (private)" : "") + ", "
				+ note.createdAt().toLocalDate() + ": "
				+ indent(note.body() + tagsMarkdown(note) + colourMarkdown(note) + usefulMarkdown(note));
	}

	private static String usefulMarkdown(Note note) {
		return note.useful() == 0 ? ""
				: "\n\n*" + (note.useful() == 1 ? "1 reader" : note.useful() + " readers") + " found this useful.*";
	}

	/** A passage note's highlight colour, by name (the default's too). */
	private static String colourMarkdown(Note note) {
		return note.highlight() == null ? "" : "\n\n*Highlight: " + note.highlight().key() + "*";
	}

	private static String tagsMarkdown(Note note) {
		return note.tags().isEmpty() ? "" : "\n\n*Tags: " + escape(String.join(", ", note.tags())) + "*";
	}

	private static String blockMarkdown(Block block, String marks) {
		return switch (block.kind()) {
			case HEADING -> "## " + escape(block.text()) + marks;
			case LIST_ITEM -> "- " + escape(block.text()) + marks;
			case CODE -> "```\n" + block.text() + "\n```" + (marks.isEmpty() ? "" : "\n\n" + marks);
			case PARAGRAPH -> escape(block.text()) + marks;
		};
	}

	/** Continuation lines of a footnote are indented four spaces. */
	private static String indent(String text) {
		return text.replace("\r\n", "\n").replace("\n", "\n    ");
	}

	/** The article's text is plain text: keep Markdown from reading its punctuation as markup. */
	private static String escape(String text) {
		return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
	}

	private static ResponseEntity<String> download(String body, String filename, @Nullable MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

}
