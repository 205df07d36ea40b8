package dev.marginalia.annotations;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.anchoring.Selector;
import dev.marginalia.annotations.AnnotationDraft.InReplyTo;
import dev.marginalia.annotations.AnnotationDraft.OnParagraph;
import dev.marginalia.annotations.AnnotationDraft.Passage;
import dev.marginalia.annotations.AnnotationDraft.Selected;
import dev.marginalia.annotations.AnnotationDraft.ToAnnotation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link AnnotationReader} without a server (the request's address is http://localhost): the targets a client
 * may send, the refusals with every problem at its path, and an exported annotation read back by an import.
 */
class AnnotationReaderTests {

	static final String ARTICLE = "http://localhost/articles/a";

	final AnnotationReader reader = new AnnotationReader(new ApiLinks(""));

	@BeforeEach
	void aRequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
	}

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	AnnotationDraft read(String json) {
		return reader.read(Json.read(json), "a");
	}

	Refusal refusal(String json) {
		ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> read(json));
		@SuppressWarnings("unchecked")
		Map<String, String> errors = problem.getBody().getProperties() == null ? Map.of()
				: (Map<String, String>) problem.getBody().getProperties().getOrDefault("errors", Map.of());
		return new Refusal(problem.getStatusCode(), errors, problem.getBody().getDetail());
	}

	/** What a refusal says: its status, each field's message, its detail. */
	record Refusal(HttpStatusCode status, Map<String, String> errors, String detail) {
	}

	@Test
	void aTargetThatIsAnIriNamesAParagraphOrAnAnnotation() {
		AnnotationDraft note = read("{\"bodyValue\": \"On p-1\", \"target\": \"" + ARTICLE + "#p-1\"}");
		assertThat(note.target()).isEqualTo(new Selected(new Selector.Fragment("p-1", null), null));
		assertThat(note.body()).isEqualTo("On p-1");

		AnnotationDraft reply = read("""
				{"motivation": "replying", "bodyValue": "Yes", "target": "http://localhost/api/articles/a/annotations/AbC"}""");
		assertThat(reply.target()).isEqualTo(new InReplyTo("AbC"));
	}

	@Test
	void aHypothesisStyleAnnotationIsRead() {
		AnnotationDraft draft = read("""
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": ["oa:commenting"],
				 "body": [{"type": "TextualBody", "value": "Noted", "format": "text/markdown", "purpose": "commenting"}],
				 "target": [{"source": "%s", "selector": [
				   {"type": "RangeSelector", "startContainer": "/main[1]/p[2]", "startOffset": 0,
				    "endContainer": "/main[1]/p[2]", "endOffset": 4},
				   {"type": "TextPositionSelector", "start": 10, "end": 14},
				   {"type": "TextQuoteSelector", "exact": "echo", "prefix": "the word ", "suffix": " comes"}]}],
				 "creator": [{"type": "Person", "name": "Hyp"}], "group": "__world__", "uri": "%s"}"""
			.formatted(ARTICLE, ARTICLE));
		assertThat(draft.motivation()).isEqualTo(AnnotationDraft.COMMENTING);
		assertThat(draft.body()).isEqualTo("Noted");
		assertThat(draft.creatorName()).isEqualTo("Hyp");
		Selected target = (Selected) draft.target();
		assertThat(target.selector()).isEqualTo(new Selector.Alternatives(List.of(
				new Selector.ContainerRange("/main[1]/p[2]", 0, "/main[1]/p[2]", 4),
				new Selector.TextPosition(10, 14, null), new Selector.TextQuote("echo", "the word ", " comes", null))));
		assertThat(target.selectorJson()).as("kept as sent").startsWith("[{\"type\":\"RangeSelector\"");
	}

	@Test
	void everyProblemIsReportedAtItsPath() {
		Refusal problem = refusal("""
				{"type": "Note", "motivation": "bookmarking", "id": 7,
				 "body": {"type": "TextualBody", "value": "x", "format": "text/html"},
				 "target": {"source": "%s", "selector": {"type": "FragmentSelector", "value": "p-1", "refinedBy":
				   [{"type": "TextQuoteSelector", "exact": 4}, {"type": "TextPositionSelector", "start": 9, "end": 3}]}},
				 "creator": "Ada", "canonical": "not absolute"}""".formatted(ARTICLE));
		assertThat(problem.status().value()).isEqualTo(422);
		assertThat(problem.errors()).containsOnlyKeys("type", "motivation", "id", "body.format",
				"target.selector.refinedBy[0].exact", "target.selector.refinedBy[1].end", "creator", "canonical");
		assertThat(problem.detail()).isEqualTo("The annotation breaks 8 rules: see errors.");
	}

	@Test
	void oneOfAPropertyTakenOnceIsReportedAsIfItWereAlone() {
		assertThat(refusal("{\"body\": [{\"value\": 5}], \"target\": \"" + ARTICLE + "#p\"}").errors())
			.containsOnlyKeys("body.value");
		assertThat(refusal("{\"body\": [{\"value\": 5}, 6], \"target\": \"" + ARTICLE + "#p\"}").errors())
			.containsExactly(Map.entry("body", "This server takes exactly one body."));
	}

	@Test
	void anotherContextOrNoneOfTheRightTypeIsAnotherMediaType() {
		assertThat(refusal("{\"@context\": \"https://schema.org/\", \"bodyValue\": \"x\"}").status().value())
			.isEqualTo(415);
		assertThat(refusal("{\"@context\": null, \"bodyValue\": \"x\"}").status().value()).isEqualTo(415);
		assertThat(read("{\"@context\": [\"http://www.w3.org/ns/anno.jsonld\", {\"x\": \"https://x.example/\"}], "
				+ "\"bodyValue\": \"x\", \"target\": \"" + ARTICLE + "\"}").body()).isEqualTo("x");
	}

	@Test
	void aSourceOfTheWrongTypeOrAnotherArticleIsRefusedNamingThisOne() {
		for (String source : new String[] { "null", "5", "\"https://elsewhere.example/articles/a\"" }) {
			Refusal problem = refusal("{\"bodyValue\": \"x\", \"target\": {\"source\": " + source + ", \"id\": \""
					+ ARTICLE + "#p\"}}");
			assertThat(problem.errors()).as(source)
				.containsExactly(Map.entry("target.source", "The source must be this article: " + ARTICLE + "."));
		}
	}

	@Test
	void anImportReadsAnExportedPassageNoteBack() {
		Map<String, String> errors = new LinkedHashMap<>();
		AnnotationDraft draft = reader.readImported(Json.read("""
				{"id": "urn:n1", "type": "Annotation", "motivation": "commenting", "created": "2020-05-01T10:00:00+02:00",
				 "body": {"type": "TextualBody", "value": "Note"}, "marginalia:deleted": false,
				 "target": {"source": "https://other.example/articles/a", "selector": [
				   {"type": "FragmentSelector", "value": "p-1", "refinedBy": {"type": "TextQuoteSelector", "exact": "echo"}},
				   {"type": "FragmentSelector", "value": "p-1", "refinedBy": {"type": "TextPositionSelector", "start": 3,
				    "end": 7}}],
				  "marginalia:orphaned": true,
				  "marginalia:writtenOn": {"type": "FragmentSelector", "value": "p-0", "marginalia:paragraphText": "an echo",
				    "refinedBy": {"type": "TextQuoteSelector", "exact": "echo"},
				    "marginalia:position": {"type": "TextPositionSelector", "start": 3, "end": 7}},
				  "marginalia:selectorAsSent": {"type": "TextQuoteSelector", "exact": "echo"},
				  "marginalia:anchoredBy": "TextQuoteSelector"}}"""), "a", errors);
		assertThat(errors).isEmpty();
		String path = "target.selector.refinedBy";
		assertThat(draft.target()).isEqualTo(new OnParagraph("p-1", new Passage("echo", 3, 7, path + "[0]",
				path + "[1]")));
		assertThat(draft.imported().created()).isEqualTo(OffsetDateTime.parse("2020-05-01T10:00:00+02:00"));
		assertThat(draft.imported().orphaned()).isTrue();
		assertThat(draft.imported().writtenOn().passage().exact()).isEqualTo("echo");
		assertThat(draft.imported().asSent().selector()).isEqualTo("{\"type\":\"TextQuoteSelector\",\"exact\":\"echo\"}");
	}

	@Test
	void anImportReadsAReplyToAnyIriAndReportsItsProblemsWithoutThrowing() {
		Map<String, String> errors = new LinkedHashMap<>();
		AnnotationDraft reply = reader.readImported(Json.read("""
				{"motivation": "replying", "bodyValue": "Yes", "target": "urn:n1"}"""), "a", errors);
		assertThat(reply.target()).isEqualTo(new ToAnnotation("urn:n1"));

		reader.readImported(Json.read("""
				{"created": "2020-01-01T00:00:00", "marginalia:deleted": "yes", "bodyValue": "x",
				 "target": {"source": "%s", "selector": {"type": "TextQuoteSelector", "exact": "x"}}}""".formatted(ARTICLE)),
				"a", errors);
		assertThat(errors).containsOnlyKeys("created", "marginalia:deleted", "target.selector.type");
	}

}
