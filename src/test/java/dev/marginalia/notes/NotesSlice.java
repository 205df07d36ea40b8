package dev.marginalia.notes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.ContentProperties;
import dev.marginalia.database.VendorMigration;
import dev.marginalia.notes.internal.AuthorRepository;
import dev.marginalia.notes.internal.NoteBodyRenderer;
import dev.marginalia.notes.internal.NoteReactionRepository;
import dev.marginalia.notes.internal.NoteReadModel;
import dev.marginalia.notes.internal.NoteRepository;
import dev.marginalia.notes.internal.NoteTagRepository;
import dev.marginalia.notes.internal.NoteWriter;
import dev.marginalia.notes.internal.PlacementRepository;
import dev.marginalia.notes.internal.Placements;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the notes module's services on the embedded database (or PostgreSQL, with {@code OnPostgres}) with the
 * real migrations (those in Java too) and the real articles: no web layer, no other module but what notes stand on; each test a
 * transaction, rolled back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest(includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = VendorMigration.class))
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ NoteCommands.class, NoteQueries.class, NoteModeration.class, NoteImports.class, NewNotes.class,
		NoteRemoval.class, NoteReadModel.class, NoteWriter.class, NoteRepository.class, NoteTagRepository.class,
		NoteReactionRepository.class, NoteReactions.class,
		Placements.class, PlacementRepository.class, dev.marginalia.anchoring.Anchoring.class, AuthorRepository.class,
		NoteBodyRenderer.class, ArticleLibrary.class, NoteCommandsTests.Config.class })
@EnableConfigurationProperties(ContentProperties.class)
@TestPropertySource(properties = "marginalia.content.dir=content")
@interface NotesSlice {
}
