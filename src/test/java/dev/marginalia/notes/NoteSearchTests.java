package dev.marginalia.notes;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search of an article's notes: what it finds (text, author's name, quoted passage, tag; "annotations" finds
 * "annotation"), whom it shows what (private notes to their author, hidden ones to the moderator, deleted ones to
 * nobody), its page without JavaScript (a GET form, results that link to the note in place, errors beside the
 * field) and the W3C container's filters (paged, links keeping the filters, 400 problem details). Notes are written
 * through the commands; everything is observed over HTTP. {@code NoteSearchPostgresTests} runs the same on
 * PostgreSQL, whose full-text search answers there.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NoteSearchTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String SEARCH = ARTICLE + "/search";

	static final String CONTAINER = "/api/articles/" + SLUG + "/annotations/";

	/** "As a result, globalization has gradually lost its legitimacy in the eyes of hundreds of millions…" */
	static final String BLOCK = "p-AarAar";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NoteCommands commands;

	@Autowired
	NoteModeration moderation;

	@Autowired
	ArticleLibrary library;

	WebClient web;

	/** Two readers, by their author secrets. */
	final String ada = AuthorSecrets.newSecret();

	final String bob = AuthorSecrets.newSecret();

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
		TestNotes.deleteAll(jdbc);
	}

	static Author author(String secret) {
		return new Author(AuthorSecrets.hash(secret), null);
	}

	Note note(String secret, String body) {
		return note(secret, body, "Ada Reader", "public");
	}

	Note note(String secret, String body, String name, String visibility) {
		return commands.create(SLUG, BLOCK, new NewNote(body, name, visibility), author(secret));
	}

	void tag(Note note, String... tags) {
		// the tags' forms and API are another part of the issue: their rows, as those write them
		for (int i = 0; i < tags.length; i++) {
			jdbc.sql("INSERT INTO note_tags (note_id, article_slug, tag_key, tag, position, created_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(note.id(), SLUG, tags[i].toLowerCase(java.util.Locale.ROOT), tags[i], i, note.createdAt())
				.update();
		}
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** @return the ids of the annotations the container's filtered view lists for the reader (null: no secret) */
	List<String> found(String query, @Nullable String secret) {
		HttpResponse<String> response = api(CONTAINER + "?iris=1&" + query, secret);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode container = json(response);
		List<String> ids = new ArrayList<>();
		if (container.has("first")) {
			container.get("first").get("items").forEach(item -> ids.add(item.stringValue().replaceAll(".*/", "")));
		}
		assertThat(container.get("total").intValue()).as("total of " + query).isEqualTo(ids.size());
		return ids;
	}

	List<String> found(String query) {
		return found(query, ada);
	}

	HttpResponse<String> api(String path, @Nullable String secret) {
		return secret == null ? web.send(web.request(path, "Accept", "application/ld+json").GET().build())
				: web.send(web.request(path, "Accept", "application/ld+json", "Authorization", "Bearer " + secret).GET().build());
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	/** @return the search page as the reader sees it (null: a reader without a secret) */
	WebClient.Page page(String query, @Nullable String secret) {
		String path = SEARCH + "?" + query;
		HttpResponse<String> response = web.send(secret == null ? web.request(path, "Accept", "text/html").GET().build()
				: web.request(path, "Accept", "text/html", "Cookie", AuthorCookie.NAME + "=" + secret).GET().build());
		return new WebClient.Page(response, Jsoup.parse(response.body(), web.base() + path));
	}

	static List<String> resultIds(Document page) {
		return page.select(".results .result-link a").eachAttr("href").stream()
			.map(href -> href.replaceAll(".*/notes/([^/]+)$", "$1"))
			.toList();
	}

	// ---- what it finds ---------------------------------------------------------------------------------------------

	@Test
	void findsWordsOfTheTextWhateverTheirEnding() {
		Note annotation = note(ada, "A careful annotation of the argument");
		Note other = note(ada, "Nothing to do with it");
		assertThat(found("q=annotation")).containsExactly(annotation.id());
		assertThat(found("q=annotations")).as("plural finds singular").containsExactly(annotation.id());
		assertThat(found("q=ANNOTATING")).as("any case, another ending").containsExactly(annotation.id());
		assertThat(found("q=" + encode("careful annotations"))).containsExactly(annotation.id());
		assertThat(found("q=" + encode("careful banana"))).as("every word must be there").isEmpty();
		assertThat(found("q=nothing")).containsExactly(other.id());
	}

	@Test
	void findsRepliesTheirAuthorsAndThePassagesNotesQuote() {
		Note note = note(ada, "On the argument", "Hildegard", "public");
		Note reply = commands.reply(SLUG, note.id(), new NewNote("I disagree about sovereignty", "Bob", "public"), author(bob));
		Note passage = commands.create(SLUG, BLOCK, new NewNote("Well put", "Ada Reader", "public",
				"gradually lost its legitimacy", null), author(ada));
		assertThat(found("q=hildegard")).containsExactly(note.id());
		assertThat(found("q=sovereignty")).containsExactly(reply.id());
		assertThat(found("q=legitimacy")).as("the quoted passage, not the paragraph's other words").containsExactly(passage.id());
		assertThat(found("q=globalization")).as("the paragraph's text is not the note's").isEmpty();
	}

	@Test
	void findsATagThatIsAWordOfTheQueryAndFiltersByTag() {
		Note tagged = note(ada, "Nothing about it in the text");
		tag(tagged, "Energy", "Policy");
		Note mentions = note(ada, "The energy of the argument");
		Note untagged = note(ada, "Nothing about it either");
		assertThat(found("q=energy")).containsExactlyInAnyOrder(tagged.id(), mentions.id());
		assertThat(found("tag=ENERGY")).as("the tag filter, any case").containsExactly(tagged.id());
		assertThat(found("q=nothing&tag=policy")).containsExactly(tagged.id());
		assertThat(found("motivation=tagging")).as("notes with tags").containsExactly(tagged.id());
		assertThat(found("q=nothing")).containsExactlyInAnyOrder(tagged.id(), untagged.id());
	}

	@Test
	void filtersByAuthorAndByKind() {
		Note note = note(ada, "Sovereignty matters", "Ada Lovelace", "public");
		Note reply = commands.reply(SLUG, note.id(), new NewNote("Sovereignty again", "Bob", "public"), author(bob));
		assertThat(found("author=" + encode("ada lovelace"))).containsExactly(note.id());
		assertThat(found("q=sovereignty&author=Bob")).containsExactly(reply.id());
		assertThat(found("q=sovereignty&motivation=commenting")).containsExactly(note.id());
		assertThat(found("q=sovereignty&motivation=oa:replying")).containsExactly(reply.id());
		assertThat(found("q=sovereignty")).containsExactlyInAnyOrder(note.id(), reply.id());
	}

	@Test
	void ranksTheBetterMatchFirstAndCanListTheNewestFirst() {
		Note once = note(ada, "Stability here");
		Note often = note(ada, "Stability, stability and stability again");
		assertThat(found("q=stability")).containsExactly(often.id(), once.id());
		Document newest = page("q=stability&sort=newest", ada).html();
		assertThat(resultIds(newest)).containsExactly(often.id(), once.id());
		Note newer = note(ada, "Stability once more");
		assertThat(resultIds(page("q=stability&sort=newest", ada).html())).containsExactly(newer.id(), often.id(), once.id());
	}

	@Test
	void stopWordsAloneFindNothingAndNothingBreaks() {
		note(ada, "The the the");
		assertThat(found("q=the")).isEmpty();
		assertThat(found("q=" + encode("!!! ..."))).isEmpty();
		assertThat(page("q=the", ada).status()).isEqualTo(200);
	}

	// ---- who sees what ---------------------------------------------------------------------------------------------

	@Test
	void aPrivateNoteIsFoundByItsAuthorAlone() {
		Note secret = note(ada, "My private zephyr", "Ada Reader", "private");
		assertThat(found("q=zephyr", ada)).containsExactly(secret.id());
		assertThat(found("q=zephyr", bob)).isEmpty();
		assertThat(found("q=zephyr", null)).isEmpty();
		assertThat(found("author=" + encode("Ada Reader"), bob)).isEmpty();
		assertThat(resultIds(page("q=zephyr", ada).html())).containsExactly(secret.id());
		assertThat(page("q=zephyr", bob).html().select(".results")).isEmpty();
		FormClient moderator = new FormClient(port).signInAsModerator();
		assertThat(moderator.page(SEARCH + "?q=zephyr").select(".results")).as("not even the moderator").isEmpty();
	}

	@Test
	void aNoteMadePrivateIsNoLongerFoundByOthers() {
		Note note = note(ada, "A changeable mind");
		assertThat(found("q=changeable", bob)).containsExactly(note.id());
		commands.edit(SLUG, note.id(), new NewNote("A changeable mind", "Ada Reader", "private"), null, author(ada));
		assertThat(found("q=changeable", bob)).isEmpty();
		assertThat(found("q=changeable", null)).isEmpty();
		assertThat(found("q=changeable", ada)).containsExactly(note.id());
		commands.edit(SLUG, note.id(), new NewNote("A changeable mind", "Ada Reader", "public"), null, author(ada));
		assertThat(found("q=changeable", bob)).containsExactly(note.id());
	}

	@Test
	void aHiddenNoteIsFoundByTheModeratorAlone() {
		Note note = note(ada, "A quarrelsome remark");
		Note reply = commands.reply(SLUG, note.id(), new NewNote("Quarrelsome too", "Bob", "public"), author(bob));
		moderation.setHidden(SLUG, note.id(), true);
		assertThat(found("q=quarrelsome", ada)).as("its author no longer sees it, nor the replies under it").isEmpty();
		assertThat(found("q=quarrelsome", null)).isEmpty();
		FormClient moderator = new FormClient(port).signInAsModerator();
		Document page = moderator.page(SEARCH + "?q=quarrelsome");
		assertThat(resultIds(page)).containsExactlyInAnyOrder(note.id(), reply.id());
		assertThat(page.select(".badge-hidden")).isNotEmpty();
		moderation.setHidden(SLUG, note.id(), false);
		assertThat(found("q=quarrelsome", null)).containsExactlyInAnyOrder(note.id(), reply.id());
	}

	@Test
	void aDeletedNoteIsFoundByNobodyAndAnEditIsFoundByItsNewWords() {
		Note kept = note(ada, "Ephemeral thoughts");
		Note deleted = note(ada, "Ephemeral words");
		Note tombstone = note(ada, "Ephemeral, with a reply");
		Note reply = commands.reply(SLUG, tombstone.id(), new NewNote("An answer", "Bob", "public"), author(bob));
		commands.delete(SLUG, deleted.id(), null, author(ada));
		commands.delete(SLUG, tombstone.id(), null, author(ada));
		assertThat(found("q=ephemeral")).containsExactly(kept.id());
		assertThat(found("q=answer")).as("the reply to a deleted note stays").containsExactly(reply.id());
		FormClient moderator = new FormClient(port).signInAsModerator();
		assertThat(resultIds(moderator.page(SEARCH + "?q=ephemeral"))).containsExactly(kept.id());

		commands.edit(SLUG, kept.id(), new NewNote("Lasting thoughts", "Ada Reader", "public"), null, author(ada));
		assertThat(found("q=ephemeral")).isEmpty();
		assertThat(found("q=lasting")).containsExactly(kept.id());
	}

	// ---- the container's filters -----------------------------------------------------------------------------------

	@Test
	void theFilteredContainerIsPagedAndItsLinksKeepTheFilters() {
		List<String> written = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			written.add(note(i % 2 == 0 ? ada : bob, "Paging note " + i).id());
		}
		note(ada, "Another subject");
		JsonNode container = json(api(CONTAINER + "?q=" + encode("paging notes") + "&motivation=commenting", null));
		String view = web.base() + CONTAINER + "?iris=0&q=paging+notes&motivation=commenting";
		assertThat(container.get("id").stringValue()).isEqualTo(view);
		assertThat(container.get("total").intValue()).isEqualTo(25);
		assertThat(container.get("first").get("items")).hasSize(20);
		assertThat(container.get("first").get("next").stringValue()).isEqualTo(view + "&page=1");
		assertThat(container.get("last").stringValue()).isEqualTo(view + "&page=1");
		JsonNode last = json(api(container.get("last").stringValue(), null));
		assertThat(last.get("id").stringValue()).isEqualTo(view + "&page=1");
		assertThat(last.get("partOf").get("id").stringValue()).isEqualTo(view);
		assertThat(last.get("prev").stringValue()).isEqualTo(view + "&page=0");
		assertThat(last.get("items")).hasSize(5);
		List<String> seen = new ArrayList<>();
		container.get("first").get("items").forEach(item -> seen.add(item.get("id").stringValue().replaceAll(".*/", "")));
		last.get("items").forEach(item -> seen.add(item.get("id").stringValue().replaceAll(".*/", "")));
		assertThat(seen).containsExactlyInAnyOrderElementsOf(written);
		assertThat(api(CONTAINER + "?q=paging&page=2", null).statusCode()).isEqualTo(404);
		assertThat(json(api(CONTAINER, null)).get("total").intValue()).as("unfiltered").isEqualTo(26);
		assertThat(json(api(CONTAINER + "?q=&tag=", null)).get("total").intValue()).as("empty filters are none").isEqualTo(26);
	}

	@Test
	void badFiltersAreProblemDetails() {
		for (String query : List.of("motivation=bookmarking", "q=" + "a".repeat(201), "q=bad%01word", "tag=" + "t".repeat(41),
				"author=%00", "q=%C3%28")) {
			HttpResponse<String> response = api(CONTAINER + "?" + query, ada);
			assertThat(response.statusCode()).as(query).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).as(query).startsWith("application/problem+json");
			JsonNode problem = json(response);
			assertThat(problem.get("status").intValue()).isEqualTo(400);
			assertThat(problem.get("detail").stringValue()).as(query).isNotBlank();
		}
		JsonNode problem = json(api(CONTAINER + "?motivation=bookmarking&q=" + "a".repeat(201) + "&page=0", ada));
		assertThat(problem.get("errors").propertyNames()).containsExactlyInAnyOrder("motivation", "q");
	}

	// ---- the page, without JavaScript -------------------------------------------------------------------------------

	@Test
	void theArticleAndItsNotesPageHaveASearchForm() {
		for (String path : List.of(ARTICLE, ARTICLE + "/notes")) {
			Document page = web.page(path).html();
			Element form = page.selectFirst("form[role=search]");
			assertThat(form).as(path).isNotNull();
			assertThat(form.attr("method")).isEqualToIgnoringCase("get");
			assertThat(form.attr("action")).isEqualTo(SEARCH);
			Element input = form.selectFirst("input[name=q]");
			assertThat(page.selectFirst("label[for=" + input.id() + "]")).as("labelled").isNotNull();
		}
	}

	@Test
	void theResultsShowWhereEachNoteIsAndLinkToItInPlace() {
		Note passage = commands.create(SLUG, BLOCK, new NewNote("Legitimacy is *earned*", "Ada Reader", "public",
				"gradually lost its legitimacy", null), author(ada));
		tag(passage, "Trust");
		Note reply = commands.reply(SLUG, passage.id(), new NewNote("Legitimacy, again", "Bob", "public"), author(bob));
		WebClient.Page page = page("q=legitimacy", null);
		assertThat(page.status()).isEqualTo(200);
		Document html = page.html();
		assertThat(html.selectFirst("form[role=search] input[name=q]").val()).isEqualTo("legitimacy");
		assertThat(html.selectFirst("#results-heading").text()).isEqualTo("2 notes found");
		Element first = html.selectFirst(".results > li");
		Article article = library.find(SLUG).orElseThrow();
		assertThat(first.selectFirst(".result-place a").text())
			.isEqualTo("P" + article.label(article.block(BLOCK).orElseThrow()).substring(1));
		assertThat(first.selectFirst(".result-passage").text()).isEqualTo("“gradually lost its legitimacy”");
		assertThat(first.select(".result-passage mark").eachText()).containsExactly("legitimacy");
		assertThat(first.selectFirst(".note-author").text()).isEqualTo("Ada Reader");
		assertThat(first.selectFirst(".result-body").text()).isEqualTo("Legitimacy is earned");
		assertThat(first.select(".result-body mark").eachText()).containsExactly("Legitimacy");
		assertThat(first.select(".result-tags a").eachAttr("href")).containsExactly(SEARCH + "?tag=Trust");
		assertThat(resultIds(html)).containsExactlyInAnyOrder(passage.id(), reply.id());

		for (Note note : List.of(passage, reply)) {
			HttpResponse<String> inPlace = web.get(ARTICLE + "/notes/" + note.id());
			assertThat(inPlace.statusCode()).isEqualTo(303);
			String location = inPlace.headers().firstValue("Location").orElseThrow();
			assertThat(location).endsWith(ARTICLE + "/p/" + BLOCK + "/notes#note-" + note.id());
			assertThat(web.page(location.replaceAll("^https?://[^/]+", "").replaceAll("#.*", "")).html()
				.getElementById("note-" + note.id())).as("the note is on the page linked").isNotNull();
		}
	}

	@Test
	void aNoteFarDownItsParagraphIsLinkedOnItsPage() {
		Note first = note(ada, "The first of many");
		for (int i = 0; i < 49; i++) {
			note(i % 2 == 0 ? ada : bob, "Filler " + i);
		}
		Note last = note(bob, "The fifty-first, on page two");
		assertThat(web.get(ARTICLE + "/notes/" + first.id()).headers().firstValue("Location").orElseThrow())
			.endsWith(ARTICLE + "/p/" + BLOCK + "/notes#note-" + first.id());
		String location = web.get(ARTICLE + "/notes/" + last.id()).headers().firstValue("Location").orElseThrow();
		assertThat(location).endsWith(ARTICLE + "/p/" + BLOCK + "/notes?page=2#note-" + last.id());
		assertThat(web.page(ARTICLE + "/p/" + BLOCK + "/notes?page=2").html().getElementById("note-" + last.id())).isNotNull();
		Note hidden = note(ada, "Private", "Ada Reader", "private");
		assertThat(web.get(ARTICLE + "/notes/" + hidden.id()).statusCode()).as("not yours to see").isEqualTo(404);
	}

	@Test
	void theResultsArePagedAndAnEmptyResultSaysSo() {
		for (int i = 0; i < 23; i++) {
			note(ada, "Realism number " + i);
		}
		Document first = page("q=realism&author=" + encode("Ada Reader"), null).html();
		assertThat(first.selectFirst("#results-heading").text()).isEqualTo("23 notes found");
		assertThat(first.select(".results > li")).hasSize(20);
		Element next = first.selectFirst(".pager a[rel=next]");
		assertThat(next.attr("href")).isEqualTo(SEARCH + "?q=realism&author=Ada%20Reader&page=2");
		Document second = page(next.attr("href").replaceAll(".*\\?", ""), null).html();
		assertThat(second.select(".results > li")).hasSize(3);
		assertThat(second.selectFirst(".results").attr("start")).isEqualTo("21");
		assertThat(second.selectFirst(".pager a[rel=prev]").attr("href")).isEqualTo(SEARCH + "?q=realism&author=Ada%20Reader");

		Document none = page("q=unicorns", null).html();
		assertThat(none.selectFirst("#results-heading").text()).isEqualTo("No notes found");
		assertThat(none.selectFirst(".search-none")).isNotNull();
		assertThat(page("", null).html().select("#results-heading")).as("the form alone").isEmpty();
	}

	/**
	 * More matches than a search counts: listed newest first, as far as the reader pages, with no total and no last
	 * page (the container) and "more than" on the results page; who may see what is unchanged.
	 */
	@Test
	void moreMatchesThanAreCountedAreListedNewestFirstWithoutATotal() {
		int many = NoteSearch.COUNTED + 10;
		List<String> written = new ArrayList<>();
		// 30 readers (one may write at most 50 notes on a paragraph)
		List<String> readers = java.util.stream.Stream.generate(AuthorSecrets::newSecret).limit(30).toList();
		for (int i = 0; i < many; i++) {
			written.add(note(readers.get(i % readers.size()), "Plentiful remark " + i).id());
		}
		Note secret = note(bob, "A plentiful secret", "Bob", "private");
		List<String> newest = new ArrayList<>(written);
		java.util.Collections.reverse(newest);

		JsonNode container = json(api(CONTAINER + "?iris=1&q=plentiful", null));
		assertThat(container.has("total")).as("a total past " + NoteSearch.COUNTED).isFalse();
		assertThat(container.has("last")).isFalse();
		List<String> firstPage = new ArrayList<>();
		container.get("first").get("items").forEach(item -> firstPage.add(item.stringValue().replaceAll(".*/", "")));
		assertThat(firstPage).as("the newest first, without the private note").isEqualTo(newest.subList(0, 20));
		JsonNode second = json(api(container.get("first").get("next").stringValue(), null));
		assertThat(second.get("partOf").has("total")).isFalse();
		List<String> secondPage = new ArrayList<>();
		second.get("items").forEach(item -> secondPage.add(item.stringValue().replaceAll(".*/", "")));
		assertThat(secondPage).isEqualTo(newest.subList(20, 40));
		JsonNode lastPage = json(api(CONTAINER + "?iris=1&q=plentiful&page=" + (many / 20), null));
		assertThat(lastPage.get("items")).hasSize(many % 20);
		assertThat(lastPage.has("next")).isFalse();
		assertThat(api(CONTAINER + "?iris=1&q=plentiful&page=" + (many / 20 + 1), null).statusCode()).isEqualTo(404);

		Document page = page("q=plentiful", null).html();
		assertThat(page.selectFirst("#results-heading").text()).isEqualTo("More than 1,000 notes found");
		assertThat(resultIds(page)).isEqualTo(newest.subList(0, 20));
		assertThat(page.selectFirst(".pager span").text()).isEqualTo("Page 1");
		assertThat(page.selectFirst(".pager a[rel=next]").attr("href")).isEqualTo(SEARCH + "?q=plentiful&page=2");
		assertThat(resultIds(page("q=plentiful", bob).html())).as("its author finds the private note")
			.startsWith(secret.id());
		assertThat(found("q=plentiful+remark+1000")).as("fewer words' matches are counted and ranked again")
			.contains(newest.get(9));
	}

	@Test
	void badInputIsShownAgainWithTheMessageBesideTheField() {
		String tooLong = "word ".repeat(41);
		WebClient.Page page = page("q=" + encode(tooLong) + "&sort=sideways", null);
		assertThat(page.status()).isEqualTo(400);
		Document html = page.html();
		Element input = html.selectFirst("#search-q");
		assertThat(input.val()).as("as typed").isEqualTo(tooLong);
		assertThat(input.attr("aria-invalid")).isEqualTo("true");
		assertThat(input.attr("aria-describedby")).contains("search-q-error");
		assertThat(html.selectFirst("#search-q-error").text()).isEqualTo("Search for at most 200 characters.");
		assertThat(html.selectFirst("#search-sort-error").text()).isEqualTo("Choose best match or newest.");
		assertThat(html.select("#search-summary a").eachAttr("href")).containsExactly("#search-q", "#search-sort");
		assertThat(html.select(".results")).isEmpty();

		WebClient.Page control = page("q=bad%07word&tag=x%0Ay", null);
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.html().selectFirst("#search-q-error").text()).contains("control characters");
		assertThat(control.html().selectFirst("#search-tag-error").text()).contains("control characters");
	}

	@Test
	void hostileInputIsTextAndNeverAFault() {
		Note note = note(ada, "<script>alert('body')</script> scripted", "<img src=x onerror=alert(1)>", "public");
		WebClient.Page page = page("q=" + encode("<script>alert(1)</script> scripted") + "&tag=" + encode("\"><b>"), null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("main script, main img, main b")).isEmpty();
		assertThat(page.html().selectFirst("#search-q").val()).isEqualTo("<script>alert(1)</script> scripted");
		assertThat(page("q=scripted", null).html().selectFirst(".note-author").text())
			.isEqualTo("<img src=x onerror=alert(1)>");
		for (String query : List.of("q=%FF%FE", "q=%25", "page=-1&q=x", "page=99999999999&q=x", "q=a&q=b", "sort=",
				"q=" + encode("\"'%_\\*:&|!()<>@"), "author=" + encode("%' OR 1=1 --"), "q=" + encode("🙂 émigré Ünïcode"))) {
			int status = page(query, null).status();
			assertThat(status).as(query).isIn(200, 400);
			int api = api(CONTAINER + "?" + query.replaceAll("page=[^&]*&?", ""), null).statusCode();
			assertThat(api).as(query).isIn(200, 400);
		}
		assertThat(found("q=scripted")).containsExactly(note.id());
	}

}
