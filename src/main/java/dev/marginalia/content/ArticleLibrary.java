package dev.marginalia.content;

import dev.marginalia.content.internal.ArticleParser;
import dev.marginalia.content.internal.ArticleFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The articles in the content folder, one per {@code *.md} file, each parsed and rendered once per version of
 * its file. Every lookup checks the file's size and modification time (one {@code stat}), so an edited file
 * shows on the next request without a restart, and an unchanged one is never parsed again. Each version read in is
 * announced once, with {@link ArticleLoaded}, before it is served: what is kept per version (the notes' places, the
 * paragraph links' history) is written then, never by a request that reads it.
 */
@Component
public class ArticleLibrary {

	private static final Logger log = LoggerFactory.getLogger(ArticleLibrary.class);

	/** Lower-case words joined by hyphens: also what keeps a slug from naming anything outside the folder. */
	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private final Path dir;

	private final ArticleParser parser = new ArticleParser();

	private final ConcurrentMap<String, Loaded> cache = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	public ArticleLibrary(ContentProperties properties, ApplicationEventPublisher events) {
		this.dir = properties.dir().toAbsolutePath().normalize();
		this.events = events;
		log.info("Serving articles from {}", dir);
	}

	/**
	 * @param slug an article's slug, as it appears in a URL
	 * @return the current version of the article, or empty when there is no such file
	 * @throws ArticleUnavailableException when the file exists but cannot be made into an article
	 */
	public Optional<Article> find(String slug) {
		if (slug.length() > 200 || !SLUG.matcher(slug).matches()) {
			return Optional.empty();
		}
		Path file = dir.resolve(slug + ".md");
		FileStamp stamp;
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			if (!attributes.isRegularFile()) {
				return Optional.empty();
			}
			stamp = new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
		}
		catch (NoSuchFileException ex) {
			cache.remove(slug);
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new ArticleUnavailableException(slug, "cannot read " + file + ": " + ex.getMessage());
		}
		Loaded known = cache.get(slug);
		Loaded loaded = known;
		if (known == null || !known.stamp().equals(stamp)) {
			Loaded[] readIn = new Loaded[1];
			loaded = cache.compute(slug, (key, old) -> old != null && old.stamp().equals(stamp) ? old
					: (readIn[0] = load(slug, file, stamp)));
			if (readIn[0] != null && readIn[0].article() != null
					&& (old(known) == null || !old(known).version().equals(readIn[0].article().version()))) {
				// outside the map's lock: a listener may look the article up again
				events.publishEvent(new ArticleLoaded(readIn[0].article()));
			}
		}
		if (loaded.article() == null) {
			throw new ArticleUnavailableException(slug, String.valueOf(loaded.problem()));
		}
		return Optional.of(loaded.article());
	}

	/** @return every article that can be shown, by title; broken files are left out (and logged) */
	public List<Article> list() {
		List<Article> articles = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
				String name = file.getFileName().toString();
				try {
					find(name.substring(0, name.length() - 3)).ifPresent(articles::add);
				}
				catch (ArticleUnavailableException ex) {
					// logged once, when the file was loaded
				}
			}
		}
		catch (IOException ex) {
			log.error("Cannot list the content folder {}: {}", dir, ex.toString());
		}
		articles.sort(Comparator.comparing(article -> article.metadata().title()));
		return articles;
	}

	private static @Nullable Article old(@Nullable Loaded loaded) {
		return loaded == null ? null : loaded.article();
	}

	private Loaded load(String slug, Path file, FileStamp stamp) {
		try {
			Article article = parser.parse(slug, Files.readAllBytes(file));
			log.info("Loaded {} (version {}, {} blocks)", file.getFileName(), article.version(),
					article.blocks().size());
			return new Loaded(stamp, article, null);
		}
		catch (IOException | ArticleFormatException ex) {
			String problem = ex instanceof IOException ? "cannot read the file: " + ex : ex.getMessage();
			log.error("Article file {} cannot be shown: {}", file, problem);
			return new Loaded(stamp, null, problem);
		}
	}

	private record FileStamp(FileTime modified, long size, @Nullable Object fileKey) {
	}

	private record Loaded(FileStamp stamp, @Nullable Article article, @Nullable String problem) {
	}

}
