package dev.marginalia.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.marginalia.database.VendorMigration;
import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.identity.AuthorSecrets;
import javax.sql.DataSource;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockKind;
import dev.marginalia.content.ContentProperties;
import dev.marginalia.notes.internal.AuthorRepository;
import dev.marginalia.notes.internal.NoteBodyRenderer;
import dev.marginalia.notes.internal.NoteReactionRepository;
import dev.marginalia.notes.internal.NoteReadModel;
import dev.marginalia.notes.internal.NoteTagRepository;
import dev.marginalia.notes.internal.NoteRepository;
import dev.marginalia.notes.internal.NoteWriter;
import dev.marginalia.notes.internal.PlacementRepository;
import dev.marginalia.notes.internal.Placements;
import dev.marginalia.notes.internal.StoredPlacement;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Placements stored once per version of the article and once per anchor: written with a note's new anchor, updated
 * in one run after an edit; the migration from placements kept per note.
 */
@JdbcTest(includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = VendorMigration.class))
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ NoteCommands.class, NoteQueries.class, NoteModeration.class, NoteImports.class, NewNotes.class, NoteRemoval.class, NoteReadModel.class, NoteWriter.class, NoteRepository.class, NoteTagRepository.class, NoteReactionRepository.class, Placements.class, PlacementRepository.class, dev.marginalia.anchoring.Anchoring.class, AuthorRepository.class,
		NoteBodyRenderer.class, ArticleLibrary.class, PlacementsTests.Config.class })
@EnableConfigurationProperties(ContentProperties.class)
@TestPropertySource(properties = "marginalia.content.dir=content")
class PlacementsTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	@Autowired
	NoteQueries queries;

	@Autowired
	NoteCommands commands;

	@Autowired
	Placements placements;

	@Autowired
	ArticleLibrary library;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	Author ada;

	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

	}

	@BeforeEach
	void setUp() {
		jdbc.sql("DELETE FROM notes WHERE parent_id IS NOT NULL").update();
		jdbc.sql("DELETE FROM notes").update();
		jdbc.sql("DELETE FROM article_placements").update();
		jdbc.sql("DELETE FROM anchors").update();
		ada = queries.author(AuthorSecrets.newSecret());
	}

	@Test
	void aNoteIsPlacedWhenWrittenForTheVersionItWasWrittenOn() {
		Article article = library.find(SLUG).orElseThrow();
		Block block = verbatimParagraphs(article).get(0);
		Note note = commands.create(SLUG, block.id(), new NewNote("note", null, null), ada);
		assertThat(stored(note.id())).isEqualTo(new StoredPlacement(block.id(), null, null));
	}

	@Test
	void anEditOfTheArticlePlacesEveryNoteAgainAsReAnchoringDecides() throws IOException {
		Article article = library.find(SLUG).orElseThrow();
		List<Block> verbatim = verbatimParagraphs(article);
		Block removed = verbatim.get(0);
		Block edited = verbatim.get(1);
		Block kept = verbatim.get(2);
		String words = kept.text().substring(0, 12);
		List<Note> notes = List.of(commands.create(SLUG, removed.id(), new NewNote("on removed", null, null), ada),
				commands.create(SLUG, edited.id(), new NewNote("on edited", null, null), ada),
				commands.create(SLUG, kept.id(), new NewNote("on kept", null, "private"), ada),
				commands.create(SLUG, kept.id(), new NewNote("on a passage", null, null, words, 0), ada));
		placements.ensureCurrent(article);

		String markdown = Files.readString(Path.of("content", SLUG + ".md"));
		String changed = markdown.replace(removed.text(), "")
			.replace(edited.text(), edited.text().replaceFirst("\\b(\\w+)\\b", "$1 indeed"))
			.replace(kept.text(), "A sentence now opens this paragraph. " + kept.text());
		Article next = new ArticleParser().parse(SLUG, changed.getBytes());
		assertThat(next.version()).isNotEqualTo(article.version());

		assertThat(placements.ensureCurrent(next)).isTrue();
		ReAnchoring anchoring = new Anchoring().reAnchoring(next);
		for (Note note : notes) {
			assertThat(stored(note.id())).as(note.body())
				.isEqualTo(StoredPlacement.of(anchoring.place(note.anchor())));
		}
		assertThat(stored(notes.get(0).id()).orphaned()).isTrue();
		assertThat(stored(notes.get(3).id()).start()).isEqualTo("A sentence now opens this paragraph. ".length());
		assertThat(queries.pageNotes(next, null).orphans()).extracting(thread -> thread.note().id())
			.containsExactly(notes.get(0).id());
	}

	@Test
	void whileAnotherInstanceIsPlacingANewVersionNothingIsPlacedTwiceAndAStaleClaimIsTakenOver() throws IOException {
		Article article = library.find(SLUG).orElseThrow();
		commands.create(SLUG, verbatimParagraphs(article).get(0).id(), new NewNote("note", null, null), ada);
		placements.ensureCurrent(article);
		Article next = new ArticleParser().parse(SLUG,
				(Files.readString(Path.of("content", SLUG + ".md")) + "\n\nA paragraph added at the end.\n").getBytes());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		// (this instance may have known the first version placed before this test: its claim row is written here)
		jdbc.sql("DELETE FROM article_placements").update();
		jdbc.sql("INSERT INTO article_placements (article_slug, version, done, claimed_at) VALUES (:slug, :version, "
				+ "FALSE, :now)")
			.param("slug", SLUG).param("version", next.version()).param("now", now).update();
		assertThat(placements.ensureCurrent(next)).as("another instance is at it").isFalse();

		jdbc.sql("UPDATE article_placements SET claimed_at = :then")
			.param("then", now.minus(Placements.STALE_CLAIM).minusSeconds(1)).update();
		assertThat(placements.ensureCurrent(next)).as("it died: taken over").isTrue();
		assertThat(jdbc.sql("SELECT done FROM article_placements").query(Boolean.class).single()).isTrue();
	}

	@Test
	void anEditThatMovesEveryAnchorPlacesEachOnceAsReAnchoringDecides() throws IOException {
		Article article = library.find(SLUG).orElseThrow();
		List<Block> verbatim = verbatimParagraphs(article);
		Author bob = queries.author(AuthorSecrets.newSecret());
		List<Note> notes = new ArrayList<>();
		for (Block block : verbatim) {
			String[] words = block.text().split(" ");
			notes.add(commands.create(SLUG, block.id(), new NewNote("on the paragraph", null, null), ada));
			notes.add(commands.create(SLUG, block.id(), new NewNote("on it too", null, "private"), bob));
			// where the words start, in code points: words that occur twice in a paragraph need it
			String one = words[0] + " ";
			String three = String.join(" ", List.of(words).subList(0, 3)) + " ";
			notes.add(commands.create(SLUG, block.id(), new NewNote("on two words", null, null,
					words[1] + " " + words[2], one.codePointCount(0, one.length())), ada));
			notes.add(commands.create(SLUG, block.id(), new NewNote("on five words", null, null,
					String.join(" ", List.of(words).subList(3, 8)), three.codePointCount(0, three.length())), bob));
			// the same words as the note before: the same anchor
			notes.add(commands.create(SLUG, block.id(), new NewNote("on the same five", null, null,
					String.join(" ", List.of(words).subList(3, 8)), null), ada));
		}
		Note reply = commands.reply(SLUG, notes.get(2).id(), new NewNote("a reply", null, null), bob);
		placements.ensureCurrent(article);
		int anchors = verbatim.size() * 3;
		assertThat(jdbc.sql("SELECT COUNT(*) FROM anchors").query(Integer.class).single()).isEqualTo(anchors);

		// as the benchmark edits it: a sentence added to every paragraph, which changes every paragraph's id
		String markdown = Files.readString(Path.of("content", SLUG + ".md"));
		for (Block block : verbatim) {
			markdown = markdown.replace(block.text(), block.text() + " Indeed.");
		}
		Article next = new ArticleParser().parse(SLUG, markdown.getBytes());
		for (Block block : verbatim) {
			assertThat(next.block(block.id())).as(block.id() + " changed its id").isEmpty();
		}

		assertThat(placements.ensureCurrent(next)).isTrue();
		ReAnchoring anchoring = new Anchoring().reAnchoring(next);
		for (Note note : notes) {
			StoredPlacement placement = stored(note.id());
			assertThat(placement).as(note.body()).isEqualTo(StoredPlacement.of(anchoring.place(note.anchor())));
			assertThat(placement.orphaned()).as(note.body()).isFalse();
			assertThat(placement.blockId()).as(note.body()).isNotEqualTo(note.blockId());
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM anchors WHERE placed_block_id IN (:ids)")
			.param("ids", next.blocks().stream().map(Block::id).toList())
			.query(Integer.class).single()).as("every anchor moved to a paragraph of the new version").isEqualTo(anchors);
		ArticleNotes page = queries.pageNotes(next, null);
		Block first = next.blocks().get(verbatim.get(0).position());
		assertThat(first.id()).isEqualTo(stored(notes.get(0).id()).blockId());
		// the reader sees 4 public notes and the reply on each paragraph (not the private one)
		assertThat(page.on(first.id()).count()).isEqualTo(5);
		assertThat(page.on(first.id()).threads()).extracting(thread -> thread.note().id())
			.contains(notes.get(2).id());
		assertThat(page.on(first.id()).threads().stream().filter(thread -> thread.note().id().equals(notes.get(2).id()))
			.findFirst().orElseThrow().replies()).extracting(Note::id).containsExactly(reply.id());
	}

	@Test
	void twoWritersOfTheSameNewAnchorBothWriteTheirNote() throws Exception {
		// two transactions at once, as two instances' note writers are on PostgreSQL: the second writes the anchor
		// the first has written and not yet committed
		Article article = library.find(SLUG).orElseThrow();
		Block block = verbatimParagraphs(article).get(0);
		String words = block.text().substring(0, block.text().indexOf(' ', 20));
		Author bob = queries.author(AuthorSecrets.newSecret());
		TransactionTemplate transaction = new TransactionTemplate(transactionManager);
		CountDownLatch firstWrote = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<Note> first = threads.submit(() -> transaction.execute(status -> {
				Note note = commands.create(SLUG, block.id(), new NewNote("first", null, null, words, 0), ada);
				firstWrote.countDown();
				// the anchor stays uncommitted until the second writer waits for it (asked on this thread, in this
				// transaction)
				await().pollInSameThread()
					.atMost(Duration.ofSeconds(10))
					.until(() -> writersWaitingForThisTransaction() > 0);
				return note;
			}));
			assertThat(firstWrote.await(10, TimeUnit.SECONDS)).isTrue();
			Future<Note> second = threads.submit(() -> transaction.execute(
					status -> commands.create(SLUG, block.id(), new NewNote("second", null, null, words, 0), bob)));
			List<Note> both = List.of(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
			assertThat(jdbc.sql("SELECT COUNT(*) FROM anchors").query(Integer.class).single()).isEqualTo(1);
			StoredPlacement passage = new StoredPlacement(block.id(), 0, words.codePointCount(0, words.length()));
			for (Note note : both) {
				assertThat(stored(note.id())).isEqualTo(passage);
			}
			assertThat(queries.pageNotes(article, null).on(block.id()).threads()).extracting(thread -> thread.note().id())
				.containsExactlyElementsOf(both.stream().map(Note::id).toList());
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aDatabaseWithNotesPlacedOneByOneKeepsThemWhenMigrated() {
		Article article = library.find(SLUG).orElseThrow();
		List<Block> verbatim = verbatimParagraphs(article);
		Block onBlock = verbatim.get(0);
		Block unkeyed = verbatim.get(1);
		String words = onBlock.text().substring(0, onBlock.text().indexOf(' ', 20));
		try (FreshDatabase database = freshDatabase()) {
			Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").target("7").load()
				.migrate();
			JdbcClient old = JdbcClient.create(database.dataSource());
			old.sql("INSERT INTO authors (secret_hash, display_name, created_at) VALUES ('h', NULL, CURRENT_TIMESTAMP)")
				.update();
			// two notes of one anchor, placed apart (written at different times); a passage note; a reply (with a
			// key of its own, as V7 gave it); a note written before there were keys
			oldNote(old, "n1", onBlock, null, null, "k1", onBlock.id(), null);
			oldNote(old, "n2", onBlock, null, null, "k1", null, null);
			oldNote(old, "n3", onBlock, null, words, "k2", onBlock.id(), 0);
			oldNote(old, "n4", onBlock, "n1", null, "k3", "p-elsewhere", null);
			oldNote(old, "n5", unkeyed, null, null, null, null, null);
			old.sql("INSERT INTO article_placements (article_slug, version, done, claimed_at) "
					+ "VALUES (:slug, :version, TRUE, CURRENT_TIMESTAMP)")
				.param("slug", SLUG).param("version", article.version()).update();

			Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
			assertThat(old.sql("SELECT anchor_key FROM anchors ORDER BY anchor_key").query(String.class).list())
				.containsExactly("k1", "k2");
			assertThat(old.sql("SELECT t.block_text FROM anchors a JOIN paragraph_texts t ON t.block_hash = a.block_hash "
					+ "WHERE a.anchor_key = 'k2'").query(String.class).single()).isEqualTo(onBlock.text());
			assertThat(old.sql("SELECT anchor_key FROM note_places WHERE note_id = 'n4'").query(String.class).optional())
				.as("a reply goes with its note").isEmpty();
			assertThat(old.sql("SELECT COUNT(*) FROM article_placements").query(Integer.class).single())
				.as("placed again on the next page load").isZero();

			PlacementRepository repository = new PlacementRepository(old, new JdbcTemplate(database.dataSource()));
			Placements migrated = new Placements(new Anchoring(), repository,
					new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())), event -> {
					}, Clock.systemUTC());
			assertThat(migrated.ensureCurrent(article)).isTrue();
			NoteReadModel notes = new NoteReadModel(old, new NoteTagRepository(old, new JdbcTemplate(database.dataSource())),
					new NoteReactionRepository(old));
			assertThat(notes.counts(SLUG, null)).containsExactlyInAnyOrder(
					new NoteReadModel.BlockCount(onBlock.id(), 4, 3), new NoteReadModel.BlockCount(unkeyed.id(), 1, 1));
			// in the order of the text within each paragraph (the paragraphs themselves come in no particular order)
			assertThat(notes.newestThreads(SLUG, null, 3, 10))
				.extracting(placed -> placed.note().id() + " " + placed.placement())
				.containsExactlyInAnyOrder("n1 " + new StoredPlacement(onBlock.id(), null, null),
						"n2 " + new StoredPlacement(onBlock.id(), null, null),
						"n3 " + new StoredPlacement(onBlock.id(), 0, words.codePointCount(0, words.length())),
						"n5 " + new StoredPlacement(unkeyed.id(), null, null))
				.filteredOn(line -> line.contains(onBlock.id()))
				.extracting(line -> line.substring(0, 2))
				.containsExactly("n1", "n2", "n3");
			assertThat(old.sql("SELECT anchor_key FROM note_places WHERE note_id = 'n5'").query(String.class).single())
				.as("the note without a key got one").isNotNull();
		}
	}

	/** A note and its narrow row as V7 kept them (placement per note). */
	private static void oldNote(JdbcClient old, String id, Block block, @Nullable String parentId, @Nullable String quote,
			@Nullable String anchorKey, @Nullable String placedBlockId, @Nullable Integer placedStart) {
		OffsetDateTime created = OffsetDateTime.of(2026, 1, 1, 0, 0, Integer.parseInt(id.substring(1)), 0, ZoneOffset.UTC);
		old.sql("INSERT INTO notes (id, article_slug, block_id, block_position, block_hash, block_text, parent_id, "
				+ "author_hash, author_name, body, body_html, visibility, created_at, deleted, version, quote_exact, "
				+ "quote_prefix, quote_suffix, quote_start, quote_end) VALUES (:id, :slug, :block, :position, :hash, "
				+ ":text, :parent, 'h', 'Ada', 'body', '<p>body</p>', 'public', :created, FALSE, 1, :quote, :prefix, "
				+ ":suffix, :start, :end)")
			.param("id", id).param("slug", SLUG).param("block", block.id()).param("position", block.position())
			.param("hash", dev.marginalia.hashing.Digests.sha256Hex(block.text())).param("text", block.text()).param("parent", parentId)
			.param("created", created).param("quote", quote).param("prefix", quote == null ? null : "")
			.param("suffix", quote == null ? null : block.text().substring(quote.length(), quote.length() + 32))
			.param("start", quote == null ? null : 0).param("end", quote == null ? null : quote.length())
			.update();
		old.sql("INSERT INTO note_places (note_id, article_slug, parent_id, placed_block_id, orphaned, placed_start, "
				+ "placed_end, anchor_key, visibility, author_hash, deleted, created_at) VALUES (:id, :slug, :parent, "
				+ ":placed, FALSE, :start, :end, :key, 'public', 'h', FALSE, :created)")
			.param("id", id).param("slug", SLUG).param("parent", parentId).param("placed", placedBlockId)
			.param("start", placedStart).param("end", placedStart == null ? null : quote.length())
			.param("key", anchorKey).param("created", created)
			.update();
	}

	/** A database of its own, empty; PostgreSQL's suite gives a schema. */
	FreshDatabase freshDatabase() {
		// one connection throughout: H2 2.4 fails a check constraint created by a session that has been closed
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", true);
		return new FreshDatabase(dataSource, dataSource::destroy);
	}

	record FreshDatabase(DataSource dataSource, Runnable drop) implements AutoCloseable {

		@Override
		public void close() {
			drop.run();
		}

	}

	/**
	 * @return how many other sessions wait for what this thread's transaction wrote. H2 shows no lock waits: a
	 * session inserting a key that another holds uncommitted stays in its insert until that one commits, so every
	 * other session in the middle of inserting an anchor is counted (PostgreSQL asks for its lock waits)
	 */
	int writersWaitingForThisTransaction() {
		return jdbc.sql("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() "
				+ "AND EXECUTING_STATEMENT LIKE 'INSERT INTO anchors %'")
			.query(Integer.class)
			.single();
	}

	private StoredPlacement stored(String id) {
		return jdbc.sql("SELECT a.placed_block_id, a.placed_start, a.placed_end FROM note_places n JOIN anchors a "
				+ "ON a.article_slug = n.article_slug AND a.anchor_key = n.anchor_key WHERE n.note_id = :id")
			.param("id", id)
			.query((row, n) -> new StoredPlacement(row.getString(1), (Integer) row.getObject(2), (Integer) row.getObject(3)))
			.single();
	}

	/** Paragraphs whose text is in the Markdown as it is (no formatting inside), long enough to edit. */
	private static List<Block> verbatimParagraphs(Article article) {
		try {
			String markdown = Files.readString(Path.of("content", SLUG + ".md"));
			return article.blocks().stream()
				.filter(block -> block.kind() == BlockKind.PARAGRAPH && block.text().length() > 80
						&& markdown.contains(block.text()))
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
