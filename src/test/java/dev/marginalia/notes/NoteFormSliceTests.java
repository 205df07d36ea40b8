package dev.marginalia.notes;

import java.util.Map;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.ContentProperties;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
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

	@Test
	void aRefusedNoteIsShownAgainWithTheMessageBesideItsField() throws Exception {
		String block = library.find(SLUG).orElseThrow().blocks().get(3).id();
		Author ada = new Author("ada-hash", null);
		given(readers.currentOrNew(any(), any(), any())).willReturn(ada);
		given(commands.create(eq(SLUG), eq(block), any(), eq(ada)))
			.willThrow(new InvalidNoteException(Map.of("body", "Write something: a note cannot be empty.")));
		given(queries.paragraphNotes(any(), eq(block), any(), any(), anyInt())).willReturn(BlockNotes.NONE);

		String html = mvc.perform(post("/articles/{slug}/p/{id}/notes", SLUG, block)
				.param("body", "   ")
				.param("authorName", "Ada <b>L</b>"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

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

}
