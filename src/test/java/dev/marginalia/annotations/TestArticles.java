package dev.marginalia.annotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;

/** Articles a test writes, and rewrites, in its own content folder while the server runs. */
final class TestArticles {

	/** Every write gets a later modification time, so that the library sees each version. */
	private static final AtomicLong CLOCK = new AtomicLong(Instant.now().getEpochSecond());

	private TestArticles() {
	}

	static Path newFolder() {
		try {
			return Files.createTempDirectory("marginalia-annotations");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the article: a title, then each paragraph. */
	static void write(Path folder, String slug, String... paragraphs) {
		Path file = folder.resolve(slug + ".md");
		try {
			Files.writeString(file, "---\ntitle: " + slug + "\n---\n" + String.join("\n\n", paragraphs) + "\n");
			Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(CLOCK.incrementAndGet())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The article's paragraphs as the server has them now. */
	static List<Block> blocks(ArticleLibrary library, String slug) {
		return library.find(slug).map(Article::blocks).orElseThrow();
	}

}
