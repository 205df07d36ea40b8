package dev.marginalia.notes;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Highlight colours through the plain HTML forms, as a browser without JavaScript sends them, over real HTTP: radio
 * buttons with visible names on the add form and on the edit form of a passage note, the passage highlighted in its
 * colour (class, title and the note's accessible text naming it), and a colour that is none of them shown again
 * beside the field.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HighlightColourPagesTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	static final String FORM = ARTICLE + "/p/" + BLOCK + "/notes";

	static final String PASSAGE = "lost its legitimacy";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		TestNotes.deleteAll(jdbc);
	}

	/** Adds a note through the form. @return its id */
	static String add(FormClient reader, Map<String, String> fields) {
		reader.page(FORM);
		HttpResponse<String> response = reader.post(FORM, fields);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		return response.headers().firstValue("Location").orElseThrow().replaceAll(".*#note-", "");
	}

	String storedColour(String id) {
		return jdbc.sql("SELECT colour FROM notes WHERE id = :id").param("id", id)
			.query((row, number) -> Optional.ofNullable(row.getString("colour")))
			.single()
			.orElse(null);
	}

	static Element mark(Document page) {
		return page.selectFirst("#" + BLOCK + " mark.passage");
	}

	@Test
	void theAddFormOffersTheColoursByNameWithTheDefaultChecked() {
		Document form = new FormClient(port).page(FORM);
		Element colours = form.selectFirst("fieldset#new-colour");
		assertThat(colours.selectFirst("legend").text()).isEqualTo("Highlight colour (for a passage)");
		assertThat(colours.select("label").eachText()).containsExactly("Yellow", "Green", "Blue", "Pink", "Purple");
		assertThat(colours.select("input[type=radio][name=colour]").eachAttr("value"))
			.containsExactly("yellow", "green", "blue", "pink", "purple");
		assertThat(colours.select("input[checked]").eachAttr("value")).containsExactly("yellow");
		assertThat(colours.select("label .swatch.marginalia-purple").text()).isEqualTo("Purple");
	}

	@Test
	void aPassageNoteIsHighlightedInTheColourChosen() {
		FormClient ada = new FormClient(port);
		String note = add(ada, Map.of("body", "Green", "quote", PASSAGE, "colour", "green"));
		assertThat(storedColour(note)).isEqualTo("green");

		for (Document page : List.of(ada.page(ARTICLE), new FormClient(port).page(ARTICLE))) {
			Element mark = mark(page);
			assertThat(mark.text()).isEqualTo(PASSAGE);
			assertThat(mark.classNames()).contains("passage", "marginalia-green");
			assertThat(mark.attr("title")).isEqualTo("1 note on this passage, highlighted green");
			Element quote = page.selectFirst("#note-" + note + " .note-quote a");
			assertThat(quote.selectFirst(".quote-text").classNames()).contains("marginalia-green");
			assertThat(quote.text()).as("the note's accessible text names the colour")
				.isEqualTo("“" + PASSAGE + "” (highlighted green)");
		}
		assertThat(new FormClient(port).page(FORM).selectFirst("#note-" + note + " .quote-text").classNames())
			.contains("marginalia-green");
	}

	@Test
	void aPassageNoteWithoutAChoiceHasTheDefaultAndAParagraphNoteNone() {
		FormClient ada = new FormClient(port);
		String passage = add(ada, Map.of("body", "Default", "quote", PASSAGE));
		String paragraph = add(ada, Map.of("body", "Whole paragraph", "colour", "pink"));
		assertThat(storedColour(passage)).isNull();
		assertThat(storedColour(paragraph)).as("the add form always sends a colour: it counts for a passage alone")
			.isNull();
		Document page = ada.page(ARTICLE);
		assertThat(mark(page).classNames()).contains("marginalia-yellow");
		assertThat(page.select("#note-" + paragraph + " .note-quote")).isEmpty();
		assertThat(ada.page(ARTICLE + "/notes/" + paragraph + "/edit").select("fieldset#edit-colour"))
			.as("a paragraph note has no colour to change").isEmpty();
	}

	@Test
	void theEditFormChangesTheColour() {
		FormClient ada = new FormClient(port);
		String note = add(ada, Map.of("body", "Green", "quote", PASSAGE, "colour", "green"));
		Document form = ada.page(ARTICLE + "/notes/" + note + "/edit");
		assertThat(form.selectFirst("fieldset#edit-colour legend").text()).isEqualTo("Highlight colour");
		assertThat(form.select("fieldset#edit-colour input[checked]").eachAttr("value")).containsExactly("green");

		HttpResponse<String> edited = ada.post(ARTICLE + "/notes/" + note,
				Map.of("body", "Now purple", "version", "1", "visibility", "public", "colour", "purple"));
		assertThat(edited.statusCode()).as(edited.body()).isEqualTo(303);
		assertThat(storedColour(note)).isEqualTo("purple");
		Element mark = mark(new FormClient(port).page(ARTICLE));
		assertThat(mark.classNames()).contains("marginalia-purple").doesNotContain("marginalia-green");

		HttpResponse<String> keptColour = ada.post(ARTICLE + "/notes/" + note,
				Map.of("body", "Without the field", "version", "2", "visibility", "public"));
		assertThat(keptColour.statusCode()).isEqualTo(303);
		assertThat(storedColour(note)).as("a form without the field keeps the colour").isEqualTo("purple");
	}

	@Test
	void anUnknownColourIsShownBesideTheFieldAndNothingChanges() {
		FormClient ada = new FormClient(port);
		ada.page(FORM);
		HttpResponse<String> refused = ada.post(FORM, Map.of("body", "Kept as typed", "quote", PASSAGE, "colour", "red"));
		assertThat(refused.statusCode()).isEqualTo(400);
		Document form = Jsoup.parse(refused.body());
		assertThat(form.selectFirst("#new-colour-error").text())
			.isEqualTo("Choose one of the highlight colours: yellow, green, blue, pink or purple.");
		assertThat(form.selectFirst("fieldset#new-colour").attr("aria-describedby")).contains("new-colour-error");
		assertThat(form.selectFirst(".form-errors a[href='#new-colour']")).isNotNull();
		assertThat(form.selectFirst("textarea[name=body]").text()).isEqualTo("Kept as typed");
		assertThat(form.selectFirst("textarea[name=quote]").text()).isEqualTo(PASSAGE);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single()).isZero();

		String note = add(ada, Map.of("body", "Blue", "quote", PASSAGE, "colour", "blue"));
		HttpResponse<String> badEdit = ada.post(ARTICLE + "/notes/" + note,
				Map.of("body", "Edited", "version", "1", "visibility", "public", "colour", "<b>red</b>"));
		assertThat(badEdit.statusCode()).isEqualTo(400);
		Document editForm = Jsoup.parse(badEdit.body());
		assertThat(editForm.selectFirst("#edit-colour-error").text()).startsWith("Choose one of the highlight colours");
		assertThat(editForm.select("b")).as("what was sent stays text").isEmpty();
		assertThat(storedColour(note)).isEqualTo("blue");
	}

}
