package dev.marginalia.feeds;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.ArticleUnavailableException;
import dev.marginalia.notes.FeedNote;
import dev.marginalia.notes.Note;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a feed of notes as Atom 1.0 with Rome's Atom model and its writer: the XML, its escaping and its dates are
 * Rome's. Each entry is one note or reply: its title says who wrote it and where, its link is the note in place
 * ({@code /articles/{slug}/notes/{id}}), its content (HTML, escaped as text by the writer) the passage or paragraph it
 * is on as a quotation, then the note as the server rendered it when it was written (raw HTML escaped, links to
 * http, https and mailto alone), then its tags, which are also its categories.
 */
@Component
class AtomFeeds {

	/** How much of a paragraph an entry quotes when the note is on the whole paragraph. */
	static final int QUOTED = 300;

	/** What a feed with no entries gives as its last update: a fixed time, so that its ETag does not move. */
	private static final Date NEVER = new Date(0);

	/** What the feed is about, and how its entries are titled. */
	enum Kind {

		/** The notes and replies of one article. */
		ARTICLE,

		/** The notes and replies of one paragraph. */
		PARAGRAPH,

		/** Replies to one reader's notes, on any article. */
		REPLIES

	}

	/**
	 * The feed's own description.
	 * @param self its absolute URL (also its id)
	 * @param title its title
	 * @param page the page it belongs to (its {@code alternate} link)
	 */
	record Head(Kind kind, String self, String title, String page) {
	}

	private final ArticleLibrary library;

	private final FeedLinks links;

	AtomFeeds(ArticleLibrary library, FeedLinks links) {
		this.library = library;
		this.links = links;
	}

	/** @return the feed, as UTF-8 XML */
	byte[] write(Head head, List<FeedNote> notes) {
		Feed feed = new Feed("atom_1.0");
		feed.setEncoding("UTF-8");
		feed.setId(head.self());
		feed.setTitleEx(text(head.title()));
		feed.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", head.page()))));
		feed.setOtherLinks(new ArrayList<>(List.of(link("self", "application/atom+xml", head.self()))));
		Generator generator = new Generator();
		generator.setValue("Marginalia");
		feed.setGenerator(generator);
		Map<String, Optional<Article>> articles = new HashMap<>();
		List<Entry> entries = new ArrayList<>(notes.size());
		Date updated = NEVER;
		for (FeedNote note : notes) {
			Article article = articles.computeIfAbsent(note.note().articleSlug(), this::article).orElse(null);
			Entry entry = entry(head.kind(), note, article);
			if (entry.getUpdated().after(updated)) {
				updated = entry.getUpdated();
			}
			entries.add(entry);
		}
		feed.setUpdated(updated);
		feed.setEntries(entries);
		try {
			return new WireFeedOutput().outputString(feed).getBytes(StandardCharsets.UTF_8);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("Rome could not write the feed " + head.self(), ex);
		}
	}

	private Entry entry(Kind kind, FeedNote feedNote, @Nullable Article article) {
		Note note = feedNote.note();
		Entry entry = new Entry();
		String inPlace = links.of("/articles/{slug}/notes/{id}", note.articleSlug(), note.id());
		entry.setId(inPlace);
		entry.setAlternateLinks(new ArrayList<>(List.of(link("alternate", "text/html", inPlace))));
		entry.setTitleEx(text(title(kind, feedNote, article)));
		entry.setPublished(date(note.createdAt()));
		entry.setUpdated(date(note.modifiedAt()));
		Person author = new Person();
		author.setName(XmlText.of(note.authorName()));
		entry.setAuthors(new ArrayList<>(List.<SyndPerson>of(author)));
		List<Category> categories = new ArrayList<>();
		for (String tag : note.tags()) {
			Category category = new Category();
			category.setTerm(XmlText.of(tag));
			categories.add(category);
		}
		entry.setCategories(categories);
		Content content = new Content();
		content.setType(Content.HTML);
		content.setValue(XmlText.of(html(feedNote)));
		entry.setContents(new ArrayList<>(List.of(content)));
		return entry;
	}

	/** "Ann on paragraph 3", "Ann replied to Bob on paragraph 3", "Ann replied to your note on paragraph 3 of “Title”". */
	private static String title(Kind kind, FeedNote feedNote, @Nullable Article article) {
		Note note = feedNote.note();
		String where = where(feedNote, article);
		String who = note.authorName();
		if (kind == Kind.REPLIES) {
			String title = article == null ? "“" + note.articleSlug() + "”" : article.metadata().quotedTitle();
			return who + " replied to your note " + where + " of " + title;
		}
		if (feedNote.parent() != null) {
			return who + " replied to " + feedNote.parent().authorName() + " " + where;
		}
		return who + " " + where;
	}

	/** "on paragraph 3", "on a passage of paragraph 3", "on text no longer in the article". */
	private static String where(FeedNote feedNote, @Nullable Article article) {
		String place = article == null || feedNote.blockId() == null ? null
				: article.block(feedNote.blockId()).map(article::label).orElse(null);
		if (place == null) {
			return "on text no longer in the article";
		}
		return (feedNote.quote() != null ? "on a passage of " : "on ") + place;
	}

	/** The quoted passage (or paragraph), what a reply answers, the note, its tags: escaped, or rendered safely. */
	private static String html(FeedNote feedNote) {
		Note note = feedNote.note();
		StringBuilder html = new StringBuilder();
		String quote = feedNote.quote();
		html.append("<blockquote><p>")
			.append(escape(quote != null ? "“" + quote + "”" : shortened(feedNote.paragraphText())))
			.append("</p></blockquote>\n");
		Note parent = feedNote.parent();
		if (parent != null) {
			html.append("<p>In reply to ").append(escape(parent.authorName()))
				.append(parent.deleted() ? " (the note is deleted)" : "")
				.append(":</p>\n");
		}
		// rendered by the server's safe renderer when written (notes.internal.NoteBodyRenderer), never a client's HTML
		html.append(note.bodyHtml());
		if (!note.tags().isEmpty()) {
			html.append("\n<p>Tags: ").append(escape(String.join(", ", note.tags()))).append("</p>");
		}
		return html.toString();
	}

	/** The text up to {@value #QUOTED} characters, cut after a whole word, with an ellipsis where it was cut. */
	static String shortened(String text) {
		String flat = text.strip().replaceAll("\\s+", " ");
		if (flat.codePointCount(0, flat.length()) <= QUOTED) {
			return flat;
		}
		String cut = flat.substring(0, flat.offsetByCodePoints(0, QUOTED));
		int space = cut.lastIndexOf(' ');
		return (space > QUOTED / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private Optional<Article> article(String slug) {
		try {
			return library.find(slug);
		}
		catch (ArticleUnavailableException ex) {
			return Optional.empty();
		}
	}

	private static Content text(String value) {
		Content text = new Content();
		text.setType(Content.TEXT);
		text.setValue(XmlText.of(value));
		return text;
	}

	private static Link link(String rel, String type, String href) {
		Link link = new Link();
		link.setRel(rel);
		link.setType(type);
		link.setHref(href);
		return link;
	}

	private static Date date(OffsetDateTime time) {
		return Date.from(time.toInstant());
	}

}
