package dev.marginalia.notes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.ArticleUnavailableException;
import dev.marginalia.content.Block;
import dev.marginalia.notes.internal.AuthorNotesRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "My notes": every note and reply one author wrote, across articles, newest first, a page at a time: their private
 * ones included (they are the author), not the deleted ones, nor what the moderator hid (which its author no longer
 * sees anywhere). Only ever asked for with the author's own secret: nobody else's notes are in it. They are counted
 * up to {@value #COUNTED}; an author with more is told "more than" that, and their pages are not numbered to the end.
 */
@Service
public class MyNotes {

	/** How many notes and replies a page holds (the HTML page and the exports alike). */
	public static final int PAGE_SIZE = 50;

	/** How many notes and replies are counted at most. */
	public static final int COUNTED = 1000;

	private final AuthorNotesRepository notes;

	private final ArticleLibrary library;

	MyNotes(AuthorNotesRepository notes, ArticleLibrary library) {
		this.notes = notes;
		this.library = library;
	}

	/**
	 * @param author the reader whose notes these are, known by their secret (null: a reader without one, who has none)
	 * @param number the page, from 1; past the last, the last when they are counted, else an empty page
	 */
	@Transactional(readOnly = true)
	public Page page(@Nullable Author author, int number) {
		if (author == null) {
			return new Page(List.of(), 1, false, 0);
		}
		int counted = notes.count(author.secretHash(), COUNTED);
		Integer total = counted > COUNTED ? null : counted;
		int page = Math.max(1, total == null ? number : Math.min(number, Page.pages(total)));
		List<AuthorNotesRepository.AuthorNote> rows = notes.page(author.secretHash(), (page - 1) * PAGE_SIZE,
				PAGE_SIZE + 1);
		Map<String, Optional<Article>> articles = new HashMap<>();
		List<MyNote> mine = rows.stream()
			.limit(PAGE_SIZE)
			.map(note -> mine(note, articles.computeIfAbsent(note.note().articleSlug(), this::article)))
			.toList();
		return new Page(mine, page, rows.size() > PAGE_SIZE, total);
	}

	private Optional<Article> article(String slug) {
		try {
			return library.find(slug);
		}
		catch (ArticleUnavailableException ex) {
			return Optional.empty();
		}
	}

	private static MyNote mine(AuthorNotesRepository.AuthorNote mine, Optional<Article> article) {
		String blockId = mine.blockId();
		Block block = blockId == null ? null : article.flatMap(known -> known.block(blockId)).orElse(null);
		return new MyNote(mine.note(), article.orElse(null), block);
	}

	/**
	 * One page of an author's notes.
	 * @param notes newest first
	 * @param number this page, from 1
	 * @param hasNext whether there are older notes, on the next page
	 * @param total how many notes and replies they have, or null when more than {@value #COUNTED}
	 */
	public record Page(List<MyNote> notes, int number, boolean hasNext, @Nullable Integer total) {

		/** @return how many pages there are (at least one), or null when the notes are not all counted */
		public @Nullable Integer pages() {
			return total == null ? null : pages(total);
		}

		static int pages(int total) {
			return Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	/**
	 * A note or reply of the author's, with where it is.
	 * @param article its article, or null when the article is no longer on the site
	 * @param block the paragraph its thread is on now, or null when its text is no longer in the article
	 */
	public record MyNote(Note note, @Nullable Article article, @Nullable Block block) {

		/** @return the article's title, or its slug when it is no longer on the site */
		public String articleTitle() {
			return article == null ? note.articleSlug() : article.metadata().title();
		}

		/** @return "paragraph 3" (or "heading 1"), or null when its text is no longer in the article */
		public @Nullable String place() {
			return article == null || block == null ? null : article.label(block);
		}

	}

}
