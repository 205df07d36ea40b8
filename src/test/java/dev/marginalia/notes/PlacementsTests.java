package dev.marginalia.notes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.ArticleParser;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockKind;
import dev.marginalia.content.ContentProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** Placements stored once per version of the article: written with the note, updated in one run after an edit. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ NoteService.class, NoteWriter.class, NoteRepository.class, Placements.class, PlacementRepository.class, AuthorRepository.class,
		NoteBodyRenderer.class, ArticleLibrary.class, PlacementsTests.Config.class })
@EnableConfigurationProperties(ContentProperties.class)
@TestPropertySource(properties = "marginalia.content.dir=content")
class PlacementsTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	@Autowired
	NoteService service;

	@Autowired
	Placements placements;

	@Autowired
	ArticleLibrary library;

	@Autowired
	JdbcClient jdbc;

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
		ada = service.author(AuthorSecrets.newSecret());
	}

	@Test
	void aNoteIsPlacedWhenWrittenForTheVersionItWasWrittenOn() {
		Article article = library.find(SLUG).orElseThrow();
		Block block = verbatimParagraphs(article).get(0);
		Note note = service.create(SLUG, block.id(), new NewNote("note", null, null), ada);
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
		List<Note> notes = List.of(service.create(SLUG, removed.id(), new NewNote("on removed", null, null), ada),
				service.create(SLUG, edited.id(), new NewNote("on edited", null, null), ada),
				service.create(SLUG, kept.id(), new NewNote("on kept", null, "private"), ada),
				service.create(SLUG, kept.id(), new NewNote("on a passage", null, null, words, 0), ada));
		placements.ensureCurrent(article);

		String markdown = Files.readString(Path.of("content", SLUG + ".md"));
		String changed = markdown.replace(removed.text(), "")
			.replace(edited.text(), edited.text().replaceFirst("\\b(\\w+)\\b", "$1 indeed"))
			.replace(kept.text(), "A sentence now opens this paragraph. " + kept.text());
		Article next = new ArticleParser().parse(SLUG, changed.getBytes());
		assertThat(next.version()).isNotEqualTo(article.version());

		assertThat(placements.ensureCurrent(next)).isTrue();
		ReAnchoring anchoring = new ReAnchoring(next);
		for (Note note : notes) {
			assertThat(stored(note.id())).as(note.body())
				.isEqualTo(StoredPlacement.of(anchoring.place(note.anchor())));
		}
		assertThat(stored(notes.get(0).id()).orphaned()).isTrue();
		assertThat(stored(notes.get(3).id()).start()).isEqualTo("A sentence now opens this paragraph. ".length());
		assertThat(service.pageNotes(next, null).orphans()).extracting(thread -> thread.note().id())
			.containsExactly(notes.get(0).id());
	}

	@Test
	void whileAnotherInstanceIsPlacingANewVersionNothingIsPlacedTwiceAndAStaleClaimIsTakenOver() throws IOException {
		Article article = library.find(SLUG).orElseThrow();
		service.create(SLUG, verbatimParagraphs(article).get(0).id(), new NewNote("note", null, null), ada);
		placements.ensureCurrent(article);
		Article next = new ArticleParser().parse(SLUG,
				(Files.readString(Path.of("content", SLUG + ".md")) + "\n\nA paragraph added at the end.\n").getBytes());
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("UPDATE article_placements SET version = :version, done = FALSE, claimed_at = :now")
			.param("version", next.version()).param("now", now).update();
		assertThat(placements.ensureCurrent(next)).as("another instance is at it").isFalse();

		jdbc.sql("UPDATE article_placements SET claimed_at = :then")
			.param("then", now.minus(Placements.STALE_CLAIM).minusSeconds(1)).update();
		assertThat(placements.ensureCurrent(next)).as("it died: taken over").isTrue();
		assertThat(jdbc.sql("SELECT done FROM article_placements").query(Boolean.class).single()).isTrue();
	}

	private StoredPlacement stored(String id) {
		return jdbc.sql("SELECT placed_block_id, placed_start, placed_end FROM note_places WHERE note_id = :id")
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
