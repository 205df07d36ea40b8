package dev.marginalia.reading;

import java.util.List;
import java.util.Map;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteModeration;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the conversation on the article page (issue 20): the passages the most different readers wrote on, in
 * public notes and replies, are marked more strongly and listed as "Top passages" with their words, their readers
 * and links; the density strip has a band per block, each a link to it named with its count of public notes. Private,
 * hidden and deleted notes never count, for anyone, on their author's own page neither.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ConversationShapeTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	/** "As a result, globalization has gradually lost its legitimacy in the eyes of hundreds of millions of people…" */
	static final String BLOCK = "p-AarAar";

	static final String PASSAGE = "gradually lost its legitimacy";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteQueries queries;

	@Autowired
	NoteModeration moderation;

	@Autowired
	ArticleLibrary library;

	WebClient web;

	Article article;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
		article = library.find(SLUG).orElseThrow();
		assertThat(article.block(BLOCK)).get().extracting(Block::text).asString().contains(PASSAGE);
	}

	Author reader() {
		return queries.author(AuthorSecrets.newSecret());
	}

	Note on(String blockId, String quote, Author author, String visibility) {
		return commands.create(SLUG, blockId, new NewNote("On “" + quote + "”", null, visibility, quote, null), author);
	}

	Note on(String quote, Author author) {
		return on(BLOCK, quote, author, "public");
	}

	Note reply(Note to, Author author, String visibility) {
		return commands.reply(SLUG, to.id(), new NewNote("A reply", null, visibility), author);
	}

	Document page() {
		WebClient.Page page = web.page(ARTICLE);
		assertThat(page.status()).isEqualTo(200);
		return page.html();
	}

	String paragraph(String blockId) {
		return "Paragraph " + article.paragraphNumber(article.block(blockId).orElseThrow());
	}

	static String band(Document page, String blockId) {
		Element link = page.selectFirst("nav.density svg.density-strip a[href=#" + blockId + "]");
		assertThat(link).as("the band of " + blockId).isNotNull();
		return link.attr("aria-label");
	}

	static List<Element> topPassages(Document page) {
		return page.select("section.top-passages li.top-passage");
	}

	@Test
	void thePassageTheMostReadersWroteOnIsMarkedAndListedWithItsWordsReadersAndLinks() {
		Author ada = reader();
		Author bob = reader();
		Note adas = on(PASSAGE, ada);
		on(PASSAGE, bob);
		on("globalization has gradually lost", reader());
		reply(adas, reader(), "public");
		// two readers on another passage of the same paragraph: too few
		on("hundreds of millions of people", ada);
		on("hundreds of millions of people", bob);
		// a note on the whole paragraph is on no passage, but counts in the strip
		commands.create(SLUG, BLOCK, new NewNote("On the whole paragraph", null, "public"), reader());

		Document page = page();

		List<Element> top = topPassages(page);
		assertThat(top).hasSize(1);
		Element passage = top.get(0);
		assertThat(passage.selectFirst("blockquote").text()).isEqualTo("“" + PASSAGE + "”");
		assertThat(passage.selectFirst(".top-passage-readers").text()).isEqualTo("4 readers, 4 notes");
		Element inText = passage.selectFirst("a[href^=#" + BLOCK + ":~:text=]");
		assertThat(inText.text()).isEqualTo("In the text (" + paragraph(BLOCK).toLowerCase() + ")");
		assertThat(inText.attr("href")).contains("gradually%20lost%20its%20legitimacy");
		assertThat(passage.selectFirst("a[href=" + ARTICLE + "/p/" + BLOCK + "/notes]").text())
			.isEqualTo("Notes on " + paragraph(BLOCK).toLowerCase());
		assertThat(page.select("mark.passage.top").text().replaceAll("\\s+", ""))
			.as("the words most of them chose are marked as a top passage").isEqualTo(PASSAGE.replace(" ", ""));
		assertThat(page.select("mark.passage.top").attr("title")).endsWith("; a top passage");
		assertThat(page.select("mark.passage:not(.top)").text()).contains("hundreds of millions of people");

		assertThat(band(page, BLOCK)).isEqualTo(paragraph(BLOCK) + ": 7 notes, a top passage");
		assertThat(page.select("svg.density-strip rect.top-tick")).hasSize(1);
		assertThat(page.selectFirst("svg.density-strip a[href=#" + BLOCK + "] rect.band").classNames()).contains("level-4");
		assertThat(page.select("svg.density-strip a")).hasSize(article.blocks().size());
		Block quiet = article.blocks().get(1);
		assertThat(band(page, quiet.id())).isEqualTo(paragraph(quiet.id()) + ": no notes");
		assertThat(page.selectFirst("nav.density > p").text())
			.isEqualTo("Public notes on 1 of the " + article.blocks().size() + " paragraphs and headings; the most on "
					+ paragraph(BLOCK).toLowerCase() + " (7 notes).");
	}

	@Test
	void privateHiddenAndDeletedNotesNeverCountForAnyoneTheirAuthorsIncluded() {
		Note adas = on(PASSAGE, reader());
		on(PASSAGE, reader());
		on(BLOCK, PASSAGE, reader(), "private");
		reply(adas, reader(), "private");
		Author erin = reader();
		Note erins = on(PASSAGE, erin);
		reply(erins, reader(), "public");
		moderation.setHidden(SLUG, erins.id(), true);
		Author gone = reader();
		Note deleted = on(PASSAGE, gone);
		commands.delete(SLUG, deleted.id(), null, gone);
		// a reader with a browser writes a private note on the passage and looks at their own page
		FormClient carol = new FormClient(port);
		carol.page(ARTICLE + "/p/" + BLOCK + "/notes");
		assertThat(carol.post(ARTICLE + "/p/" + BLOCK + "/notes", Map.of("body", "Carol's own thoughts", "visibility",
				"private", "quote", PASSAGE)).statusCode()).isEqualTo(303);

		Document anyone = page();
		assertThat(topPassages(anyone)).as("two readers in public").isEmpty();
		assertThat(band(anyone, BLOCK)).isEqualTo(paragraph(BLOCK) + ": 2 notes");
		Document own = Jsoup.parse(carol.get(ARTICLE).body());
		assertThat(own.text()).contains("Carol's own thoughts");
		assertThat(topPassages(own)).isEmpty();
		assertThat(band(own, BLOCK)).isEqualTo(paragraph(BLOCK) + ": 2 notes");

		// shown again, Erin's note and the reply under it count: the page is built again with them
		moderation.setHidden(SLUG, erins.id(), false);
		Document after = page();
		assertThat(topPassages(after)).singleElement().extracting(passage -> passage.selectFirst(".top-passage-readers").text())
			.isEqualTo("4 readers, 4 notes");
		assertThat(band(after, BLOCK)).isEqualTo(paragraph(BLOCK) + ": 4 notes, a top passage");
	}

	@Test
	void aReaderCountsOnceHoweverManyNotesTheyWrite() {
		Author ada = reader();
		for (int i = 0; i < 5; i++) {
			on(PASSAGE, ada);
		}
		on("lost its legitimacy", reader());
		assertThat(topPassages(page())).isEmpty();

		on("its legitimacy in the eyes", reader());
		assertThat(topPassages(page())).singleElement()
			.extracting(passage -> passage.selectFirst(".top-passage-readers").text(),
					passage -> passage.selectFirst("blockquote").text())
			.containsExactly("3 readers, 7 notes", "“" + PASSAGE + "”");
	}

	/** The first five words of a block. */
	static String opening(Block block) {
		return String.join(" ", List.of(block.text().split(" ")).subList(0, 5));
	}

	@Test
	void atMostFiveTopPassagesTheMostReadersFirst() {
		List<Block> busy = article.blocks().stream()
			.filter(block -> block.text().length() > 200 && !block.id().equals(BLOCK))
			.limit(6)
			.toList();
		assertThat(busy).hasSize(6);
		for (Block block : busy) {
			String quote = opening(block);
			for (int i = 0; i < 3; i++) {
				on(block.id(), quote, reader(), "public");
			}
		}
		Block last = busy.get(5);
		on(last.id(), opening(last), reader(), "public");

		List<Element> top = topPassages(page());

		assertThat(top).hasSize(5);
		assertThat(top.get(0).selectFirst("blockquote").text()).isEqualTo("“" + opening(last) + "”");
		assertThat(top.get(0).selectFirst(".top-passage-readers").text()).isEqualTo("4 readers, 4 notes");
		assertThat(top.get(1).selectFirst("blockquote").text()).isEqualTo("“" + opening(busy.get(0)) + "”");
	}

}
