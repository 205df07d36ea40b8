package dev.marginalia.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.marginalia.MarginaliaApplication;
import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.hashing.Digests;
import dev.marginalia.identity.AuthorSecrets;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search of issue 19 with 100,000 notes on one article, on the embedded H2 file store and on PostgreSQL: p50 and
 * p95 of the search page and of the container's filtered view, for a common word, a rare word, both, and a tag,
 * printed as a table. Not a test (it times nothing it asserts): run by {@code src/bench/search} (which builds it and runs it), or by hand after
 * {@code ./mvnw -q test-compile}:
 *
 * <pre>
 * java -Xmx512m -cp "$(./mvnw -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout):target/classes:target/test-classes" \
 *     dev.marginalia.bench.SearchBench [--notes 100000] [--requests 200] [--h2-only | --postgres-only] [--keep DIR]
 * </pre>
 * {@code --keep DIR}: the H2 database stays in DIR (seeded once, the next run with the same DIR measures it again).
 * PostgreSQL is the server of the tests ({@code MARGINALIA_TEST_PG_URL}, by default {@code 127.0.0.1:5432/test} as
 * {@code postgres}), in a schema of its own dropped at the end. Each database gets the application started on it
 * (its migrations), then the notes written straight into its tables through the application's own connections, as
 * {@link SeedNotes} does, in the same transactions that keep the search index (its triggers); then the article page
 * once (placing them), then the measured requests, one at a time, each kind warmed up first.
 * <p>
 * The notes: 100,000 on the article's paragraphs, every 10th a reply, every 7th private, every 5th on a passage; by
 * 2,000 authors; bodies of 8 to 40 words drawn from the article's own words (the frequent ones more often, as in
 * any text), where each of five common words ("stability"...) is in about 30% of them, and each of five rare ones
 * ("zeitgeist"...) in 25; one in three carries one to three of 40 tags, "energy" the most frequent.
 */
public final class SearchBench {

	private static final String SLUG = "stability-a-rare-strategic-resource";

	/**
	 * Words in about 30% of the notes each. The measured requests go round them (and round the rare words and the
	 * tags), so that no answer is the one before it again: H2 gives a query repeated on an unchanged database the
	 * result it kept.
	 */
	private static final List<String> COMMON = List.of("stability", "sovereignty", "cooperation", "pragmatism", "dignity");

	/** Words in 25 notes each. */
	private static final List<String> RARE = List.of("zeitgeist", "palimpsest", "quixotic", "serendipity", "ephemera");

	private static final int RARE_NOTES = 25;

	/** The reader who wrote every 20th note (5,000 of 100,000, plus a share of the rest): "My notes" at its longest. */
	private static final int HEAVY_AUTHOR = 0;

	/** A reader with the usual few dozen notes. */
	private static final int TYPICAL_AUTHOR = 1;

	/** @return the author secret of the seeded reader {@code a}: of the shape the server issues (43 base64url characters) */
	private static String secret(int a) {
		return String.format(Locale.ROOT, "benchauthor%032d", a);
	}

	private static final String[] TAGS = { "energy", "trade", "security", "law", "peace", "history", "economy",
			"diplomacy", "ideology", "trust", "media", "reform", "sovereignty", "institutions", "realism", "order",
			"corruption", "legitimacy", "cooperation", "rhetoric", "values", "elections", "borders", "sanctions", "growth",
			"climate", "technology", "education", "health", "culture", "religion", "migration", "defence", "alliances",
			"markets", "labour", "courts", "press", "youth", "regions" };

	private final int notes;

	private final int requests;

	private final String keep;

	private SearchBench(int notes, int requests, String keep) {
		this.notes = notes;
		this.requests = requests;
		this.keep = keep;
	}

	public static void main(String[] args) throws Exception {
		List<String> options = Arrays.asList(args);
		int notes = intOption(options, "--notes", 100_000);
		int requests = intOption(options, "--requests", 200);
		int keep = options.indexOf("--keep");
		SearchBench bench = new SearchBench(notes, requests, keep >= 0 ? options.get(keep + 1) : null);
		List<Row> rows = new ArrayList<>();
		if (!options.contains("--postgres-only")) {
			rows.addAll(bench.onH2());
		}
		if (!options.contains("--h2-only")) {
			rows.addAll(bench.onPostgres());
		}
		System.out.println();
		System.out.printf("Search with %,d notes on one article; %d requests of each kind, one at a time, after 30 to warm up;%n",
				notes, requests);
		System.out.printf("%d cores, Java %s; ms from request to the last byte of the answer%n%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		System.out.println("| database | request | matches | p50 ms | p95 ms | max ms | target p95 <= 50 ms |");
		System.out.println("|---|---|---:|---:|---:|---:|---|");
		int failed = 0;
		for (Row row : rows) {
			boolean ok = row.p95() <= 50;
			failed += ok ? 0 : 1;
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %.2f | %.2f | %s |%n", row.database(), row.request(),
					row.matches(), row.p50(), row.p95(), row.max(), ok ? "pass" : "FAIL");
		}
		System.out.println();
		System.out.println(failed + " row(s) failed");
		System.exit(0);
	}

	private static int intOption(List<String> options, String name, int fallback) {
		int at = options.indexOf(name);
		return at >= 0 ? Integer.parseInt(options.get(at + 1)) : fallback;
	}

	private List<Row> onH2() throws Exception {
		Path data = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("marginalia-search-bench");
		String url = "jdbc:h2:file:" + data.resolve("marginalia") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
		try {
			return run("H2 (file)", url, "sa", "");
		}
		finally {
			if (keep == null) {
				try (var files = Files.walk(data)) {
					files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
				}
			}
		}
	}

	private List<Row> onPostgres() throws Exception {
		String server = System.getenv().getOrDefault("MARGINALIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = System.getenv().getOrDefault("MARGINALIA_TEST_PG_USER", "postgres");
		String password = System.getenv().getOrDefault("MARGINALIA_TEST_PG_PASSWORD", "");
		String schema = "search_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(server, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		try {
			return run("PostgreSQL " + serverVersion(server, user, password), server + (server.contains("?") ? "&" : "?")
					+ "currentSchema=" + schema, user, password);
		}
		finally {
			try (Connection connection = DriverManager.getConnection(server, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute("DROP SCHEMA " + schema + " CASCADE");
			}
		}
	}

	private static String serverVersion(String url, String user, String password) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			return connection.getMetaData().getDatabaseProductVersion().replaceAll(" .*", "");
		}
	}

	/**
	 * Starts the application on the database and seeds it (unless a kept database has the notes already); then, on H2,
	 * compacts the file (the seeding's large transactions leave it ten times the size) and starts the application
	 * again on it, to measure.
	 */
	private List<Row> run(String database, String url, String user, String password) throws Exception {
		System.out.printf("%s: starting the application on it...%n", database);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		try (ConfigurableApplicationContext app = start(url, user, password)) {
			DataSource dataSource = app.getBean(DataSource.class);
			long started = System.nanoTime();
			if (seeded(dataSource) < notes) {
				seed(dataSource);
				System.out.printf("  seeded %,d notes (and their search index) in %,d ms%n", notes,
						(System.nanoTime() - started) / 1_000_000);
			}
			started = System.nanoTime();
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			int status = get(http, "http://127.0.0.1:" + port + "/articles/" + SLUG, "text/html").statusCode();
			System.out.printf("  the article page (placing the notes): %d in %,d ms%n", status,
					(System.nanoTime() - started) / 1_000_000);
			// the statistics again, now that the anchors are written (as PostgreSQL's autovacuum would take them): taken
			// before, they say the anchors table is empty, and a join to it reads an index that does not fit
			try (Connection db = dataSource.getConnection(); Statement analyze = db.createStatement()) {
				analyze.execute("ANALYZE");
			}
		}
		if (url.startsWith("jdbc:h2:")) {
			long started = System.nanoTime();
			try (Connection db = DriverManager.getConnection(url, user, password); Statement compact = db.createStatement()) {
				compact.execute("SHUTDOWN COMPACT");
			}
			System.out.printf("  compacted the file in %,d ms%n", (System.nanoTime() - started) / 1_000_000);
		}
		ConfigurableApplicationContext app = start(url, user, password);
		try {
			String base = "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			Map<String, List<String>> queries = new LinkedHashMap<>();
			queries.put("a common word (q=stability...)", COMMON.stream().map(word -> "q=" + word).toList());
			queries.put("a rare word (q=zeitgeist...)", RARE.stream().map(word -> "q=" + word).toList());
			queries.put("both (q=stability+zeitgeist...)", java.util.stream.IntStream.range(0, COMMON.size())
				.mapToObj(i -> "q=" + COMMON.get(i) + "+" + RARE.get(i)).toList());
			queries.put("a tag (tag=energy...)", Arrays.stream(TAGS).limit(5).map(tag -> "tag=" + tag).toList());
			List<Row> rows = new ArrayList<>();
			for (Map.Entry<String, List<String>> query : queries.entrySet()) {
				rows.add(measure(http, database, "search page, " + query.getKey(), query.getValue().stream()
					.map(q -> base + "/articles/" + SLUG + "/search?" + q).toList(), "text/html"));
				rows.add(measure(http, database, "container, " + query.getKey(), query.getValue().stream()
					.map(q -> base + "/api/articles/" + SLUG + "/annotations/?iris=1&" + q).toList(), "application/ld+json"));
			}
			rows.add(measure(http, database, "my notes page, " + written(app, HEAVY_AUTHOR) + " notes, pages 1 to 5",
					pages(base + "/my/notes?page=", 1, 5), "text/html", "Cookie", "marginalia_author=" + secret(HEAVY_AUTHOR)));
			rows.add(measure(http, database, "my notes page, " + written(app, HEAVY_AUTHOR) + " notes, pages 60 to 64",
					pages(base + "/my/notes?page=", 60, 64), "text/html", "Cookie", "marginalia_author=" + secret(HEAVY_AUTHOR)));
			rows.add(measure(http, database, "my notes page, " + written(app, TYPICAL_AUTHOR) + " notes",
					List.of(base + "/my/notes"), "text/html", "Cookie", "marginalia_author=" + secret(TYPICAL_AUTHOR)));
			rows.add(measure(http, database, "/api/my/annotations, " + written(app, HEAVY_AUTHOR) + " notes, pages 1 to 5",
					pages(base + "/api/my/annotations?page=", 1, 5), "application/ld+json", "Authorization",
					"Bearer " + secret(HEAVY_AUTHOR)));
			return rows;
		}
		finally {
			app.close();
		}
	}

	/** Requests the URLs in turn, each the same number of times: p50, p95 and the most of all the answers. */
	private static ConfigurableApplicationContext start(String url, String user, String password) {
		return new SpringApplicationBuilder(MarginaliaApplication.class)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
					"--spring.datasource.password=" + password, "--server.port=0", "--marginalia.content.dir=content",
					"--logging.level.root=WARN", "--spring.datasource.hikari.maximum-pool-size=10");
	}

	private Row measure(HttpClient http, String database, String request, List<String> urls, String accept,
			String... header) throws Exception {
		int fewest = Integer.MAX_VALUE;
		int most = 0;
		for (String url : urls) {
			HttpResponse<String> first = get(http, url, accept, header);
			if (first.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + first.statusCode() + ": " + first.body());
			}
			fewest = Math.min(fewest, matches(first.body()));
			most = Math.max(most, matches(first.body()));
		}
		for (int i = 0; i < 30; i++) {
			get(http, urls.get(i % urls.size()), accept, header);
		}
		double[] times = new double[requests];
		for (int i = 0; i < requests; i++) {
			String url = urls.get(i % urls.size());
			long sent = System.nanoTime();
			HttpResponse<String> response = get(http, url, accept, header);
			times[i] = (System.nanoTime() - sent) / 1e6;
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode());
			}
		}
		Arrays.sort(times);
		String matches = fewest == most ? counted(most) : counted(fewest) + " to " + counted(most);
		Row row = new Row(database, request, matches, percentile(times, 50), percentile(times, 95), times[times.length - 1]);
		System.out.printf(Locale.ROOT, "  %s: %s matches, p50 %.2f ms, p95 %.2f ms%n", request, matches, row.p50(), row.p95());
		return row;
	}

	/** @return the count the answer gives: the container's {@code total}, or the page's heading ("1,234 notes found") */
	private static int matches(String body) {
		Matcher total = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(body);
		if (total.find()) {
			return Integer.parseInt(total.group(1));
		}
		if (body.contains("More than 1,000 notes found") || body.contains("\"AnnotationCollection\"") && !body.contains("\"total\"")) {
			return 1001;
		}
		Matcher found = Pattern.compile("(\\d+) notes? found").matcher(body);
		return found.find() ? Integer.parseInt(found.group(1)) : 0;
	}

	/** @return the count as the answers give it: up to 1,000, or "more than 1,000" (not counted past that) */
	private static String counted(int matches) {
		return matches > 1000 ? "more than 1,000" : String.format(Locale.ROOT, "%,d", matches);
	}

	private static double percentile(double[] sorted, int percent) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
	}

	private static HttpResponse<String> get(HttpClient http, String url, String accept, String... header)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET();
		if (header.length == 2) {
			request.header(header[0], header[1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> pages(String prefix, int first, int last) {
		return java.util.stream.IntStream.rangeClosed(first, last).mapToObj(page -> prefix + page).toList();
	}

	/** @return how many notes and replies the seeded reader {@code a} wrote, as a figure for the table */
	private static String written(ConfigurableApplicationContext app, int a) throws Exception {
		try (Connection db = app.getBean(DataSource.class).getConnection();
				PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM notes WHERE author_hash = ?")) {
			count.setString(1, AuthorSecrets.hash(secret(a)));
			try (var result = count.executeQuery()) {
				result.next();
				return String.format(Locale.ROOT, "%,d", result.getInt(1));
			}
		}
	}

	private static int seeded(DataSource dataSource) throws Exception {
		try (Connection db = dataSource.getConnection(); Statement count = db.createStatement();
				var result = count.executeQuery("SELECT COUNT(*) FROM notes")) {
			result.next();
			return result.getInt(1);
		}
	}

	/** Writes the notes, their narrow rows and their tags, a thousand to a transaction. */
	private void seed(DataSource dataSource) throws Exception {
		Article article = new ArticleParser().parse(SLUG, Files.readAllBytes(Path.of("content", SLUG + ".md")));
		List<Block> blocks = article.blocks().stream().filter(block -> block.text().length() > 40).toList();
		List<String> vocabulary = vocabulary(blocks);
		Zipf wordRanks = new Zipf(vocabulary.size());
		Zipf tagRanks = new Zipf(TAGS.length);
		Random random = new Random(19);
		Map<Integer, List<String>> rare = new java.util.HashMap<>();
		for (String word : RARE) {
			Set<Integer> chosen = new LinkedHashSet<>();
			while (chosen.size() < RARE_NOTES) {
				chosen.add(random.nextInt(notes));
			}
			chosen.forEach(note -> rare.computeIfAbsent(note, key -> new ArrayList<>()).add(word));
		}
		Instant start = Instant.now().minusSeconds(notes);
		try (Connection db = dataSource.getConnection()) {
			db.setAutoCommit(false);
			try (PreparedStatement authors = db.prepareStatement("INSERT INTO authors (secret_hash, display_name, created_at) "
					+ "VALUES (?, ?, ?)")) {
				for (int a = 0; a < 2000; a++) {
					authors.setString(1, AuthorSecrets.hash(secret(a)));
					authors.setString(2, "Reader " + a);
					authors.setTimestamp(3, Timestamp.from(start));
					authors.addBatch();
				}
				authors.executeBatch();
			}
			try (PreparedStatement insert = db.prepareStatement("INSERT INTO notes (id, article_slug, block_id, "
					+ "block_position, block_hash, block_text, parent_id, author_hash, author_name, body, body_html, "
					+ "visibility, created_at, deleted, version, quote_exact, quote_prefix, quote_suffix, quote_start, "
					+ "quote_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, 1, ?, ?, ?, ?, ?)");
					PreparedStatement place = db.prepareStatement("INSERT INTO note_places (note_id, article_slug, "
							+ "parent_id, visibility, author_hash, deleted, created_at) VALUES (?, ?, ?, ?, ?, FALSE, ?)");
					PreparedStatement tag = db.prepareStatement("INSERT INTO note_tags (note_id, article_slug, tag_key, "
							+ "tag, position, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
				String lastTop = null;
				for (int i = 0; i < notes; i++) {
					Block block = blocks.get(random.nextInt(blocks.size()));
					String id = String.format("bench%017d", i);
					boolean reply = i % 10 == 9 && lastTop != null;
					boolean passage = !reply && i % 5 == 0;
					boolean isPrivate = i % 7 == 3;
					int author = i % 20 == 0 ? HEAVY_AUTHOR : random.nextInt(2000);
					String body = body(random, vocabulary, wordRanks, rare.getOrDefault(i, List.of()));
					String authorHash = AuthorSecrets.hash(secret(author));
					Timestamp created = Timestamp.from(start.plusSeconds(i));
					insert.setString(1, id);
					insert.setString(2, SLUG);
					insert.setString(3, block.id());
					insert.setInt(4, block.position());
					insert.setString(5, Digests.sha256Hex(block.text()));
					insert.setString(6, block.text());
					insert.setString(7, reply ? lastTop : null);
					insert.setString(8, authorHash);
					insert.setString(9, "Reader " + author);
					insert.setString(10, body);
					insert.setString(11, "<p>" + body + "</p>");
					insert.setString(12, isPrivate ? "private" : "public");
					insert.setTimestamp(13, created);
					int from = passage ? random.nextInt(Math.max(1, block.text().length() - 40)) : 0;
					insert.setString(14, passage ? block.text().substring(from + 10, from + 30) : null);
					insert.setString(15, passage ? block.text().substring(from, from + 10) : null);
					insert.setString(16, passage ? block.text().substring(from + 30, from + 40) : null);
					if (passage) {
						insert.setInt(17, from + 10);
						insert.setInt(18, from + 30);
					}
					else {
						insert.setNull(17, java.sql.Types.INTEGER);
						insert.setNull(18, java.sql.Types.INTEGER);
					}
					insert.addBatch();
					place.setString(1, id);
					place.setString(2, SLUG);
					place.setString(3, reply ? lastTop : null);
					place.setString(4, isPrivate ? "private" : "public");
					place.setString(5, authorHash);
					place.setTimestamp(6, created);
					place.addBatch();
					if (!reply && random.nextInt(3) == 0) {
						Set<String> chosen = new LinkedHashSet<>();
						int count = 1 + random.nextInt(3);
						while (chosen.size() < count) {
							chosen.add(TAGS[tagRanks.next(random)]);
						}
						int position = 0;
						for (String name : chosen) {
							tag.setString(1, id);
							tag.setString(2, SLUG);
							tag.setString(3, name);
							tag.setString(4, name);
							tag.setInt(5, position++);
							tag.setTimestamp(6, created);
							tag.addBatch();
						}
					}
					if (!reply && !isPrivate) {
						lastTop = id;
					}
					if (i % 1000 == 999 || i == notes - 1) {
						insert.executeBatch();
						place.executeBatch();
						tag.executeBatch();
						db.commit();
					}
				}
			}
			try (PreparedStatement reset = db.prepareStatement("DELETE FROM article_placements WHERE article_slug = ?")) {
				reset.setString(1, SLUG);
				reset.executeUpdate();
			}
			db.commit();
			// the statistics a database keeps of its tables, as PostgreSQL's autovacuum gathers them after such a load
			try (Statement analyze = db.createStatement()) {
				analyze.execute("ANALYZE");
			}
			db.commit();
		}
	}

	/** The article's words, the most frequent first (without the common and the rare word, which are placed apart). */
	private static List<String> vocabulary(List<Block> blocks) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Block block : blocks) {
			for (String word : block.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
				if (word.length() > 2 && !COMMON.contains(word) && !RARE.contains(word)) {
					counts.merge(word, 1, Integer::sum);
				}
			}
		}
		return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.map(Map.Entry::getKey).toList();
	}

	private static String body(Random random, List<String> vocabulary, Zipf ranks, List<String> rare) {
		int length = 8 + random.nextInt(33);
		List<String> words = new ArrayList<>();
		for (int w = 0; w < length; w++) {
			words.add(vocabulary.get(ranks.next(random)));
		}
		for (String common : COMMON) {
			if (random.nextInt(10) < 3) {
				words.add(random.nextInt(words.size()), common);
			}
		}
		for (String word : rare) {
			words.add(random.nextInt(words.size()), word);
		}
		String text = String.join(" ", words);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
	}

	/** Indexes from 0 to n - 1 drawn with Zipf's law (s = 1): the first far more often than the last. */
	private static final class Zipf {

		private final double[] cumulative;

		Zipf(int n) {
			cumulative = new double[n];
			double sum = 0;
			for (int k = 1; k <= n; k++) {
				sum += 1.0 / k;
				cumulative[k - 1] = sum;
			}
		}

		int next(Random random) {
			int at = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
			return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
		}

	}

	/** One line of the table. */
	private record Row(String database, String request, String matches, double p50, double p95, double max) {
	}

}
