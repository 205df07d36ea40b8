package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.ContentProperties;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The note form without JavaScript, as a slice (Spring MVC and Thymeleaf with the real templates and article, the
 * notes' commands and queries mocked; no database, no server): a draft the rules refuse is shown again with the
 * message beside its field, and what the reader wrote is kept in the form. Only the notes module's web layer is loaded:
 * the other modules' controllers, advice and filters are left out.
 */
@WebMvcTest(controllers = NotePagesController.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "dev\\.marginalia\\.(annotations|moderation|limits|reading|live|system|identity)\\..*"))
@AutoConfigureMockMvc(addFilters = false)
@Import(ArticleLibrary.class)
@EnableConfigurationProperties(ContentProperties.class)
@TestPropertySource(properties = "marginalia.content.dir=content")
class NoteFormSliceTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	@Autowired
	MockMvc mvc;

	@Autowired
	ArticleLibrary library;

	@MockitoBean
	NoteCommands commands;

	@MockitoBean
	NoteQueries queries;

	@MockitoBean
	Readers readers;

	@MockitoBean
	NoteReactions reactions;

	@Test
	void aRefusedNoteIsShownAgainWithTheMessageBesideItsField() throws Exception {
		String block = library.find(SLUG).orElseThrow().blocks().get(3).id();
		Author ada = new Author("ada-hash", null);
		given(readers.currentOrNew(any(), any(), any())).willReturn(ada);
		given(commands.create(eq(SLUG), eq(block), any(), eq(ada)))
			.willThrow(new InvalidNoteException(Map.of("body", "Write something: a note cannot be empty.")));
		given(queries.paragraphNotes(any(), eq(block), any(), any(), anyInt())).willReturn(BlockNotes.NONE);

		String html = page(post("/articles/{slug}/p/{id}/notes", SLUG, block)
				.param("body", "   ")
				.param("authorName", "Ada <b>L</b>"), 400);

		assertThat(html).contains("<p class=\"field-error\" id=\"new-body-error\">Write something: a note cannot be empty.</p>")
			.as("the name given is kept, escaped")
			.contains("value=\"Ada &lt;b&gt;L&lt;/b&gt;\"")
			.contains("aria-invalid=\"true\"");
		verify(commands, never()).edit(any(), any(), any(), any(), any());
	}

	@Test
	void aNoteOnAParagraphThatIsNotThereIsNotFoundNotAFault() throws Exception {
		given(readers.currentOrNew(any(), any(), any())).willReturn(new Author("ada-hash", null));
		given(commands.create(eq(SLUG), eq("p-nothing"), any(), any()))
			.willThrow(new InvalidNoteException(Map.of("block", "There is no paragraph 'p-nothing' in this article.")));

		int status = mvc.perform(post("/articles/{slug}/p/{id}/notes", SLUG, "p-nothing").param("body", "x"))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(status).as("a clear answer, never a 5xx").isBetween(400, 499);
	}

	@Test
	void theTagsFieldReachesTheRulesAsAListOfTags() throws Exception {
		String block = library.find(SLUG).orElseThrow().blocks().get(3).id();
		Author ada = new Author("ada-hash", null);
		given(readers.currentOrNew(any(), any(), any())).willReturn(ada);
		ArgumentCaptor<NewNote> draft = ArgumentCaptor.forClass(NewNote.class);
		given(commands.create(eq(SLUG), eq(block), draft.capture(), eq(ada))).willReturn(note(block, List.of()));

		mvc.perform(post("/articles/{slug}/p/{id}/notes", SLUG, block).param("body", "Tagged")
				.param("tags", " energy,, Trade policy ,"))
			.andExpect(status().isSeeOther());

		assertThat(draft.getValue().tags()).containsExactly("energy", "Trade policy");
	}

	@Test
	void refusedTagsAreShownAgainWithTheMessageBesideTheTagsField() throws Exception {
		String block = library.find(SLUG).orElseThrow().blocks().get(3).id();
		given(readers.currentOrNew(any(), any(), any())).willReturn(new Author("ada-hash", null));
		given(commands.create(eq(SLUG), eq(block), any(), any()))
			.willThrow(new InvalidNoteException(Map.of("tags", "At most 10 tags per note; this one has 11.")));
		given(queries.paragraphNotes(any(), eq(block), any(), any(), anyInt())).willReturn(BlockNotes.NONE);

		String html = page(post("/articles/{slug}/p/{id}/notes", SLUG, block).param("body", "Fine")
				.param("tags", "a, b, c, d, e, f, g, h, i, j, <k>"), 400);

		assertThat(html).contains("<p class=\"field-error\" id=\"new-tags-error\">At most 10 tags per note; this one has 11.</p>")
			.as("the summary leads to the field")
			.contains("<a href=\"#new-tags\">At most 10 tags per note; this one has 11.</a>")
			.as("what was typed is kept, escaped")
			.contains("value=\"a, b, c, d, e, f, g, h, i, j, &lt;k&gt;\"")
			.contains("aria-describedby=\"new-tags-help new-tags-error\" aria-invalid=\"true\"");
	}

	@Test
	void theEditFormHoldsTheNotesTags() throws Exception {
		String block = library.find(SLUG).orElseThrow().blocks().get(3).id();
		Author ada = new Author("ada-hash", null);
		given(readers.current(any())).willReturn(Optional.of(ada));
		Note note = note(block, List.of("energy", "trade policy"));
		given(queries.find(SLUG, note.id(), ada)).willReturn(Optional.of(note));

		String html = page(get("/articles/{slug}/notes/{id}/edit", SLUG, note.id()), 200);

		assertThat(html).contains("name=\"tags\" type=\"text\" autocomplete=\"off\" value=\"energy, trade policy\"");
	}

	/** @return the page the request is answered with, after checking its status */
	String page(RequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse().getContentAsString();
	}

	static Note note(String block, List<String> tags) {
		return new Note("n-0000000000000000000001", SLUG, block, 3, "hash", "text", null, "ada-hash", "Ada", "Tagged",
				"<p>Tagged</p>", Visibility.PUBLIC, OffsetDateTime.now(), null, false, 1, null, false, null, tags);
	}

}
