package dev.marginalia.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArticleLibraryTests {

	@TempDir
	Path dir;

	private ArticleLibrary library;

	@BeforeEach
	void setUp() {
		library = new ArticleLibrary(new ContentProperties(dir), event -> {
		});
	}

	private void write(String name, String markdown) throws IOException {
		Path file = dir.resolve(name);
		Files.writeString(file, markdown);
		// a later write within the same clock tick must still count as a change
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusNanos(System.nanoTime() % 1000)));
	}

	@Test
	void anEditedFileIsReadAgainAndAnUnchangedOneIsNot() throws IOException {
		write("one.md", "---\ntitle: First\n---\nFirst text.\n");
		Article first = library.find("one").orElseThrow();
		assertThat(library.find("one").orElseThrow()).isSameAs(first);

		write("one.md", "---\ntitle: First\n---\nFirst text, edited.\n");
		Article edited = library.find("one").orElseThrow();
		assertThat(edited.version()).isNotEqualTo(first.version());
		assertThat(edited.blocks().get(0).text()).isEqualTo("First text, edited.");
	}

	@Test
	void aBrokenFileMakesOnlyItsOwnArticleUnavailable() throws IOException {
		write("good.md", "---\ntitle: Good\n---\nText.\n");
		write("bad.md", "---\ntitle: Bad\n");
		assertThatThrownBy(() -> library.find("bad")).isInstanceOf(ArticleUnavailableException.class)
			.hasMessageContaining("not closed");
		assertThat(library.find("good")).isPresent();
		assertThat(library.list()).extracting(article -> article.slug()).containsExactly("good");
	}

	@Test
	void unknownSlugsAndPathsOutsideTheFolderAreNotFound() throws IOException {
		write("good.md", "---\ntitle: Good\n---\nText.\n");
		Files.writeString(dir.getParent().resolve("outside.md"), "---\ntitle: Outside\n---\nText.\n");
		assertThat(library.find("missing")).isEmpty();
		assertThat(library.find("../outside")).isEmpty();
		assertThat(library.find("Good")).isEmpty();
		assertThat(library.find("good.md")).isEmpty();
	}

	@Test
	void aDeletedFileIsGone() throws IOException {
		write("gone.md", "---\ntitle: Gone\n---\nText.\n");
		assertThat(library.find("gone")).isPresent();
		Files.delete(dir.resolve("gone.md"));
		assertThat(library.find("gone")).isEmpty();
	}

	@Test
	void theListIsSortedByTitle() throws IOException {
		write("b.md", "---\ntitle: Alpha\n---\nText.\n");
		write("a.md", "---\ntitle: Beta\n---\nText.\n");
		assertThat(library.list()).extracting(article -> article.metadata().title()).containsExactly("Alpha", "Beta");
	}

}
