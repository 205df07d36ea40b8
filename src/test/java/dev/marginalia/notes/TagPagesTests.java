package dev.marginalia.notes;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
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
 * Tags through the plain HTML forms, as a browser without JavaScript sends them, over real HTTP: the field on the
 * add, reply and edit forms, the chips on every note, the article's tags with their counts on the all-notes page,
 * and what the rules refuse shown beside the field.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TagPagesTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		TestNotes.deleteAll(jdbc);
	}

	/** Adds a note through the form. @return its id */
	static String add(FormClient reader, String body, String tags, String visibility) {
		reader.page(ARTICLE + "/p/" + BLOCK + "/notes");
		HttpResponse<String> response = reader.post(ARTICLE + "/p/" + BLOCK + "/notes",
				Map.of("body", body, "tags", tags, "visibility", visibility));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		return response.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
	}

	static List<String> chips(Document page, String noteId) {
		return page.select("#note-" + noteId + " > ul.tags[aria-label=Tags] a.tag").eachText();
	}

	@Test
	void tagsTypedInTheFormShowAsChipsLinkingToTheSearch() {
		FormClient ada = new FormClient(port);
		String note = add(ada, "Tagged", " Energy, trade policy,, energy , <b>bold</b>", "public");

		for (Document page : List.of(ada.page(ARTICLE), new FormClient(port).page(ARTICLE),
				new FormClient(port).page(ARTICLE + "/p/" + BLOCK + "/notes"), ada.page(ARTICLE + "/notes"))) {
			assertThat(chips(page, note)).containsExactly("Energy", "trade policy", "<b>bold</b>");
			Element bold = page.select("#note-" + note + " a.tag").get(2);
			assertThat(bold.children()).as("markup in a tag stays text").isEmpty();
			assertThat(bold.attr("href")).isEqualTo(ARTICLE + "/search?tag=%3Cb%3Ebold%3C/b%3E");
			assertThat(page.select("#note-" + note + " a.tag").get(1).attr("href"))
				.isEqualTo(ARTICLE + "/search?tag=trade%20policy");
		}
	}

	@Test
	void aReplyIsTaggedThroughItsFormAndAnEditReplacesTheTags() {
		FormClient ada = new FormClient(port);
		String note = add(ada, "First", "one, two", "public");
		Document editForm = ada.page(ARTICLE + "/notes/" + note + "/edit");
		assertThat(editForm.selectFirst("input[name=tags]").val()).isEqualTo("one, two");
		assertThat(editForm.selectFirst("label[for=edit-tags]").text()).startsWith("Tags");
		HttpResponse<String> edited = ada.post(ARTICLE + "/notes/" + note,
				Map.of("body", "First, edited", "tags", "Two, three", "version", "1", "visibility", "public"));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);

		FormClient bob = new FormClient(port);
		bob.page(ARTICLE + "/notes/" + note + "/reply");
		HttpResponse<String> replied = bob.post(ARTICLE + "/notes/" + note + "/replies",
				Map.of("body", "An answer", "tags", "agreement"));
		assertThat(replied.statusCode()).as(replied.body()).isEqualTo(303);
		String reply = replied.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");

		Document page = new FormClient(port).page(ARTICLE);
		assertThat(chips(page, note)).containsExactly("Two", "three");
		assertThat(chips(page, reply)).containsExactly("agreement");
	}

	@Test
	void theAllNotesPageListsTheTagsTheReaderMaySeeWithTheirCounts() {
		FormClient ada = new FormClient(port);
		add(ada, "One", "energy, trade", "public");
		add(ada, "Two", "Energy", "public");
		add(ada, "Mine alone", "energy, secret plan", "private");

		assertThat(tagList(new FormClient(port))).as("anyone; of two spellings used as often, the first").containsExactly("Energy 2 notes", "trade 1 note");
		assertThat(tagList(ada)).as("Ada; the spelling most used").containsExactly("energy 3 notes", "secret plan 1 note", "trade 1 note");
		Document page = ada.page(ARTICLE + "/notes");
		assertThat(page.selectFirst("nav.tag-list").attr("aria-labelledby")).isEqualTo("tags-heading");
		assertThat(page.selectFirst("nav.tag-list a.tag").attr("href")).isEqualTo(ARTICLE + "/search?tag=energy");
		assertThat(new FormClient(port).get(ARTICLE + "/notes").body()).doesNotContain("secret plan");
	}

	@Test
	void withoutTagsThereIsNoTagList() {
		add(new FormClient(port), "Plain", "", "public");
		Document page = new FormClient(port).page(ARTICLE + "/notes");
		assertThat(page.select("nav.tag-list, ul.tags")).isEmpty();
	}

	static List<String> tagList(FormClient reader) {
		return reader.page(ARTICLE + "/notes").select("nav.tag-list a.tag").eachText();
	}

	@Test
	void brokenTagsAreRefusedBesideTheFieldAndNothingIsStored() {
		FormClient ada = new FormClient(port);
		ada.page(ARTICLE + "/p/" + BLOCK + "/notes");
		String eleven = "t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11";
		String overlong = "x".repeat(41);
		for (Map.Entry<String, String> refused : Map.of(eleven, "At most 10 tags per note; this one has 11.", overlong,
				"A tag can have at most 40 characters: “" + overlong + "”.", "bell\u0007",
				"A tag cannot contain control characters or broken Unicode.").entrySet()) {
			HttpResponse<String> response = ada.post(ARTICLE + "/p/" + BLOCK + "/notes",
					Map.of("body", "Kept as typed", "tags", refused.getKey()));
			assertThat(response.statusCode()).isEqualTo(400);
			Document form = Jsoup.parse(response.body());
			assertThat(form.selectFirst("#new-tags-error").text()).isEqualTo(refused.getValue());
			assertThat(form.selectFirst("#new-tags").attr("aria-invalid")).isEqualTo("true");
			assertThat(form.selectFirst("#new-tags").val()).as("kept as typed").isEqualTo(refused.getKey());
			assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo("Kept as typed");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM note_tags").query(Integer.class).single()).isZero();
	}

}
