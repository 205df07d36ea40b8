import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the files of Web Annotations the benchmark imports to seed many notes: about as a crowd of readers writes
 * them, some on whole paragraphs and the others on passages (a random run of 2 to 30 words of a random paragraph,
 * selected as a client sends it: a TextQuoteSelector with exact, prefix and suffix, and a TextPositionSelector), so
 * that the passage notes have tens of thousands of distinct anchors. Run with the JDK's source launcher (the
 * benchmark needs nothing else):
 *
 * <pre>
 * java src/bench/ImportFiles.java PARAGRAPHS.csv ARTICLE_URL NOTES PASSAGES PER_FILE OUT_DIR
 * </pre>
 *
 * PARAGRAPHS.csv is the article's {@code notes.csv} export (paragraph ids and texts exactly as the app sees them)
 * taken when every paragraph has a note; the files are OUT_DIR/import-0001.json and so on, at most PER_FILE
 * annotations each. The same arguments give the same files (a fixed random seed).
 */
public final class ImportFiles {

	private static final int CONTEXT = 32;

	private ImportFiles() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 6) {
			System.err.println("Usage: java ImportFiles.java PARAGRAPHS.csv ARTICLE_URL NOTES PASSAGES PER_FILE OUT_DIR");
			System.exit(2);
		}
		List<Paragraph> paragraphs = paragraphs(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8));
		String article = args[1];
		int notes = Integer.parseInt(args[2]);
		int passages = Integer.parseInt(args[3]);
		int perFile = Integer.parseInt(args[4]);
		Path out = Path.of(args[5]);
		Files.createDirectories(out);
		if (paragraphs.isEmpty()) {
			throw new IllegalArgumentException("No paragraphs in " + args[0]);
		}
		Random random = new Random(7);
		int files = 0;
		for (int from = 0; from < notes; from += perFile) {
			Path file = out.resolve(String.format("import-%04d.json", ++files));
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				writer.write('[');
				for (int n = from; n < Math.min(notes, from + perFile); n++) {
					if (n > from) {
						writer.write(',');
					}
					Paragraph paragraph = paragraphs.get(random.nextInt(paragraphs.size()));
					// passages spread through the notes, not all in the last files
					boolean passage = (long) n * passages / notes != (long) (n + 1) * passages / notes;
					writer.write(annotation(article, paragraph, passage ? paragraph.passage(random) : null,
							"Imported note " + n + ", one of a crowd of readers."));
				}
				writer.write(']');
			}
		}
		System.out.printf("%d files, %d annotations (%d on passages) over %d paragraphs%n", files, notes, passages,
				paragraphs.size());
	}

	private static String annotation(String article, Paragraph paragraph, Passage passage, String body) {
		String selector = "{\"type\":\"FragmentSelector\",\"value\":" + json(paragraph.id())
				+ ",\"conformsTo\":\"http://tools.ietf.org/rfc/rfc3986\"";
		if (passage != null) {
			selector += ",\"refinedBy\":[{\"type\":\"TextQuoteSelector\",\"exact\":" + json(passage.exact())
					+ ",\"prefix\":" + json(passage.prefix()) + ",\"suffix\":" + json(passage.suffix())
					+ "},{\"type\":\"TextPositionSelector\",\"start\":" + passage.start() + ",\"end\":" + passage.end()
					+ "}]";
		}
		selector += "}";
		return "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"type\":\"Annotation\",\"motivation\":\"commenting\","
				+ "\"body\":{\"type\":\"TextualBody\",\"value\":" + json(body) + ",\"format\":\"text/markdown\"},"
				+ "\"target\":{\"source\":" + json(article) + ",\"selector\":" + selector + "},"
				+ "\"marginalia:visibility\":\"public\"}";
	}

	/** The distinct paragraphs of a notes.csv export: id (column 2) and text (column 4). */
	private static List<Paragraph> paragraphs(String csv) {
		List<Paragraph> paragraphs = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		List<List<String>> rows = csv(csv);
		for (List<String> row : rows.subList(1, rows.size())) {
			String id = row.get(1);
			String text = row.get(3);
			// a leading apostrophe may be the export's guard against spreadsheet formulas, not the text's
			if (!id.isEmpty() && !ids.contains(id) && !text.startsWith("'") && text.split(" ").length >= 2) {
				ids.add(id);
				paragraphs.add(new Paragraph(id, text));
			}
		}
		return paragraphs;
	}

	/** RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes. */
	private static List<List<String>> csv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (field.length() > 0 || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}

	private static String json(String value) {
		StringBuilder out = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	private record Paragraph(String id, String text) {

		/** A run of 2 to 30 words (fewer in a short paragraph) at a random place. */
		Passage passage(Random random) {
			String[] words = text.split(" ");
			int length = Math.min(words.length, 2 + random.nextInt(29));
			int first = random.nextInt(words.length - length + 1);
			int from = 0;
			for (int w = 0; w < first; w++) {
				from += words[w].length() + 1;
			}
			int to = from + String.join(" ", List.of(words).subList(first, first + length)).length();
			int start = text.codePointCount(0, from);
			int end = start + text.codePointCount(from, to);
			int prefixFrom = text.offsetByCodePoints(from, -Math.min(CONTEXT, start));
			int suffixTo = text.offsetByCodePoints(to, Math.min(CONTEXT, text.codePointCount(to, text.length())));
			return new Passage(text.substring(from, to), text.substring(prefixFrom, from), text.substring(to, suffixTo),
					start, end);
		}

	}

	/** A passage as a TextQuoteSelector and a TextPositionSelector give it (code points). */
	private record Passage(String exact, String prefix, String suffix, int start, int end) {
	}

}
