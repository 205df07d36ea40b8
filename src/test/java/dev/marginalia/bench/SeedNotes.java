package dev.marginalia.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.content.Block;
import dev.marginalia.hashing.Digests;
import dev.marginalia.identity.AuthorSecrets;

/**
 * Puts many notes on an article straight into a stopped instance's database, not yet placed (as after an
 * edit of the article): the next page load re-anchors them all and logs {@code Re-anchored N notes on ... in X ms}.
 * Every 10th is a reply, every 7th private, every 5th on a passage. Not a test: run by hand, after
 * {@code ./mvnw -q test-compile}, with the application stopped (the H2 file is opened by one process at a time):
 *
 * <pre>
 * java -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes:target/test-classes" \
 *     dev.marginalia.bench.SeedNotes 'jdbc:h2:file:/tmp/page-data/marginalia;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH' \
 *     content/stability-a-rare-strategic-resource.md 100000
 * </pre>
 * The database must have been migrated (start the application once on it). On PostgreSQL, give its URL and the user
 * (and password) after the count: {@code 'jdbc:postgresql://127.0.0.1:5432/marginalia' content/....md 100000 marginalia}.
 */
public final class SeedNotes {

	/**
	 * The secret of the one author of the notes, well formed (a browser cookie or a bearer token with it is theirs):
	 * "My notes" of an author with 100,000 notes can be measured with it. For benchmarks only.
	 */
	public static final String SECRET = "seed-author-of-the-benchmark-notes-00000000";

	private SeedNotes() {
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		Path file = Path.of(args[1]);
		int count = Integer.parseInt(args[2]);
		String slug = file.getFileName().toString().replace(".md", "");
		Article article = new ArticleParser().parse(slug, Files.readAllBytes(file));
		List<Block> blocks = article.blocks();
		String author = AuthorSecrets.hash(SECRET);
		Instant start = Instant.now().minusSeconds(count);
		long began = System.nanoTime();
		try (Connection db = DriverManager.getConnection(url, args.length > 3 ? args[3] : "sa", args.length > 4 ? args[4] : "")) {
			db.setAutoCommit(false);
			try (PreparedStatement authors = db.prepareStatement("INSERT INTO authors (secret_hash, display_name, created_at) "
					+ "SELECT ?, 'Seed', ? WHERE NOT EXISTS (SELECT 1 FROM authors WHERE secret_hash = ?)")) {
				authors.setString(1, author);
				authors.setTimestamp(2, Timestamp.from(start));
				authors.setString(3, author);
				authors.executeUpdate();
			}
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO notes (id, article_slug, block_id, "
					+ "block_position, block_hash, block_text, parent_id, author_hash, author_name, body, body_html, "
					+ "visibility, created_at, deleted, version, quote_exact, quote_prefix, quote_suffix, quote_start, "
					+ "quote_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Seed', ?, ?, ?, ?, FALSE, 1, ?, ?, ?, ?, ?)")) {
				String lastTop = null;
				for (int i = 0; i < count; i++) {
					Block block = blocks.get(i % blocks.size());
					String id = String.format("seed%018d", i);
					boolean reply = i % 10 == 9 && lastTop != null;
					boolean passage = !reply && i % 5 == 0 && block.text().length() > 40;
					insert.setString(1, id);
					insert.setString(2, slug);
					insert.setString(3, block.id());
					insert.setInt(4, block.position());
					insert.setString(5, Digests.sha256Hex(block.text()));
					insert.setString(6, block.text());
					insert.setString(7, reply ? lastTop : null);
					insert.setString(8, author);
					insert.setString(9, "Seeded note " + i);
					insert.setString(10, "<p>Seeded note " + i + "</p>");
					insert.setString(11, i % 7 == 3 ? "private" : "public");
					insert.setTimestamp(12, Timestamp.from(start.plusSeconds(i)));
					insert.setString(13, passage ? block.text().substring(10, 30) : null);
					insert.setString(14, passage ? block.text().substring(0, 10) : null);
					insert.setString(15, passage ? block.text().substring(30, 40) : null);
					if (passage) {
						insert.setInt(16, 10);
						insert.setInt(17, 30);
					}
					else {
						insert.setNull(16, java.sql.Types.INTEGER);
						insert.setNull(17, java.sql.Types.INTEGER);
					}
					insert.addBatch();
					if (!reply && i % 7 != 3) {
						lastTop = id;
					}
					if (i % 1000 == 999) {
						insert.executeBatch();
					}
				}
				insert.executeBatch();
			}
			// as after an edit of the article: nothing placed for the version it will find
			try (PreparedStatement reset = db.prepareStatement("DELETE FROM article_placements WHERE article_slug = ?")) {
				reset.setString(1, slug);
				reset.executeUpdate();
			}
			try (PreparedStatement places = db.prepareStatement("INSERT INTO note_places (note_id, article_slug, "
					+ "parent_id, visibility, author_hash, deleted, created_at) SELECT id, article_slug, parent_id, "
					+ "visibility, author_hash, deleted, created_at FROM notes WHERE article_slug = ? "
					+ "AND id NOT IN (SELECT note_id FROM note_places)")) {
				places.setString(1, slug);
				places.executeUpdate();
			}
			db.commit();
		}
		System.out.printf("Seeded %d notes on %s in %d ms%n", count, slug, (System.nanoTime() - began) / 1_000_000);
	}

}
