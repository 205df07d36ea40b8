package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.content.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.marginalia.annotations.AnnotationProtocolTests.assertProblem;
import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Notes on a passage over the API: the paragraph's FragmentSelector refined by a TextQuoteSelector and a
 * TextPositionSelector (code points), on POST, GET and PUT; bad selectors; and targets that follow the article's
 * edits. Each test writes its own article in this class's content folder.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PassageSelectorTests {

	static final Path FOLDER = TestArticles.newFolder();

	/** An emoji outside the BMP first: code points and UTF-16 indices differ after it. */
	static final String FIRST = "Grinning 😀 at first, the word echo comes, then echo again, and echo once more.";

	static final String SECOND = "A second paragraph stays where it is while the others change around it.";

	static final String THIRD = "A third paragraph, soon to be deleted, holds an orphan of this test.";

	static final String CONFORMS = "\"conformsTo\": \"http://tools.ietf.org/rfc/rfc3986\"}";

	static final AtomicInteger ARTICLES = new AtomicInteger();

	@DynamicPropertySource
	static void content(DynamicPropertyRegistry registry) {
		registry.add("marginalia.content.dir", FOLDER::toString);
	}

	@LocalServerPort
	int port;

	@Autowired
	ArticleLibrary library;

	/** A new article of three paragraphs, and a client of its container. */
	ApiClient article(String slug) {
		TestArticles.write(FOLDER, slug, FIRST, SECOND, THIRD);
		return new ApiClient(port, slug);
	}

	/** A note on the paragraph whose FragmentSelector is refined by the given JSON. */
	static String passageNote(ApiClient api, String paragraph, String refinedBy, String text) {
		return api.note(paragraph, text, "").replace(CONFORMS, CONFORMS.replace("}", ", \"refinedBy\": " + refinedBy + "}"));
	}

	static String both(String exact, int start, int end) {
		return """
				[{"type": "TextQuoteSelector", "exact": %s}, {"type": "TextPositionSelector", "start": %d, "end": %d}]"""
			.formatted(ApiClient.quote(exact), start, end);
	}

	/** @return where the n-th (from 1) occurrence of the words starts, in code points */
	static int codePoints(String text, String words, int occurrence) {
		int at = -1;
		for (int i = 0; i < occurrence; i++) {
			at = text.indexOf(words, at + 1);
		}
		assertThat(at).as("occurrence " + occurrence + " of " + words).isNotNegative();
		return text.codePointCount(0, at);
	}

	static int length(String text) {
		return text.codePointCount(0, text.length());
	}

	@Test
	void aPassageIsItsParagraphRefinedByAQuoteAndAPosition() {
		ApiClient api = article("passage-output");
		Block first = TestArticles.blocks(library, "passage-output").get(0);
		String text = first.text();
		int start = codePoints(text, "echo again", 1);
		assertThat(start).as("the emoji is one code point, two UTF-16 units").isEqualTo(text.indexOf("echo again") - 1);

		ApiClient.Created note = api.create(null, passageNote(api, first.id(), both("echo again", start, start + 10),
				"On the echo"));

		// two alternatives, each the paragraph refined by one selector: the quote, and the position
		JsonNode selectors = note.json().get("target").get("selector");
		assertThat(selectors).hasSize(2);
		JsonNode selector = selectors.get(0);
		assertThat(selector.get("type").stringValue()).isEqualTo("FragmentSelector");
		assertThat(selector.get("value").stringValue()).isEqualTo(first.id());
		assertThat(selectors.get(1).get("value").stringValue()).isEqualTo(first.id());
		JsonNode quote = selector.get("refinedBy");
		assertThat(quote.get("type").stringValue()).isEqualTo("TextQuoteSelector");
		assertThat(quote.get("exact").stringValue()).isEqualTo("echo again");
		String before = text.substring(0, text.indexOf("echo again"));
		assertThat(quote.get("prefix").stringValue())
			.isEqualTo(before.substring(before.offsetByCodePoints(before.length(), -32)));
		String after = text.substring(text.indexOf("echo again") + 10);
		assertThat(quote.get("suffix").stringValue()).as("all there is, under 32 code points").isEqualTo(after);
		assertThat(length(after)).isLessThan(32);
		JsonNode position = selectors.get(1).get("refinedBy");
		assertThat(position.get("type").stringValue()).isEqualTo("TextPositionSelector");
		assertThat(position.get("start").intValue()).isEqualTo(start);
		assertThat(position.get("end").intValue()).isEqualTo(start + 10);

		JsonNode writtenOn = note.json().get("target").get("marginalia:writtenOn");
		assertThat(writtenOn.get("value")).isEqualTo(selector.get("value"));
		assertThat(writtenOn.get("refinedBy")).isEqualTo(selector.get("refinedBy"));
		assertThat(writtenOn.get("marginalia:position")).isEqualTo(position);
		assertThat(note.json().get("target").get("marginalia:anchoredBy").stringValue())
			.isEqualTo("FragmentSelector/TextQuoteSelector");
		assertThat(note.json().get("target").get("marginalia:selectorAsSent").get("refinedBy")).hasSize(2);
		assertThat(writtenOn.get("marginalia:paragraphText").stringValue()).isEqualTo(text);
		assertThat(note.json().get("target").has("marginalia:orphaned")).isFalse();
		assertThat(json(api.get(note.path()))).isEqualTo(note.json());
	}

	@Test
	void aPositionChoosesAmongRepeatedWords() {
		ApiClient api = article("passage-positions");
		Block first = TestArticles.blocks(library, "passage-positions").get(0);
		String text = first.text();
		int second = codePoints(text, "echo", 2);
		int third = codePoints(text, "echo", 3);

		JsonNode exactly = api.create(null, passageNote(api, first.id(), both("echo", third, third + 4), "Third"))
			.json();
		assertThat(positionOf(exactly).get("start").intValue()).isEqualTo(third);

		// a position that names none of them exactly is no answer: no guess, the candidates instead
		HttpResponse<String> between = api.send("POST", api.container(), passageNote(api, first.id(),
				both("echo", second + 3, second + 7), "Pointing just past the second"), "Content-Type", JSON_LD);
		assertThat(between.statusCode()).as(between.body()).isEqualTo(422);
		assertThat(json(between).get("type").stringValue()).endsWith("ambiguous-target");
		assertThat(json(between).get("candidates")).hasSize(3);
		assertThat(json(between).get("candidates").get(1).get("start").intValue()).isEqualTo(second);

		JsonNode byPrefix = api.create(null, passageNote(api, first.id(),
				"{\"type\": \"TextQuoteSelector\", \"exact\": \"echo\", \"prefix\": \"comes, then \"}", "Second"))
			.json();
		assertThat(positionOf(byPrefix).get("start").intValue()).isEqualTo(second);
		assertThat(quoteOf(byPrefix).get("prefix").stringValue()).as("the prefix comes from the paragraph")
			.endsWith("the word echo comes, then ");

		int once = codePoints(text, "echo once", 1);
		JsonNode positionOnly = api.create(null, passageNote(api, first.id(),
				"[{\"type\": \"TextPositionSelector\", \"start\": %d, \"end\": %d}]".formatted(once - 1, once + 9),
				"A space before")).json();
		assertThat(quoteOf(positionOnly).get("exact").stringValue()).isEqualTo("echo once");
		assertThat(positionOf(positionOnly).get("start").intValue()).isEqualTo(once);
		assertThat(positionOf(positionOnly).get("end").intValue()).isEqualTo(once + 9);
	}

	@Test
	void aWordThatOccursMoreThanTwentyTimesListsTheFirstTwentyAndHowManyThereAre() {
		String slug = "passage-many-" + ARTICLES.incrementAndGet();
		TestArticles.write(FOLDER, slug, "echo, ".repeat(29) + "echo.", SECOND);
		ApiClient api = new ApiClient(port, slug);
		Block first = TestArticles.blocks(library, slug).get(0);
		HttpResponse<String> response = api.send("POST", api.container(), passageNote(api, first.id(),
				"{\"type\": \"TextQuoteSelector\", \"exact\": \"echo\"}", "Which one?"), "Content-Type", JSON_LD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		JsonNode problem = json(response);
		assertThat(problem.get("type").stringValue()).endsWith("ambiguous-target");
		assertThat(problem.get("candidateCount").intValue()).isEqualTo(30);
		assertThat(problem.get("candidates")).hasSize(20);
		assertThat(problem.get("candidates").get(19).get("start").intValue()).isEqualTo(19 * "echo, ".length());
	}

	@Test
	void aReplacementKeepsThePassage() {
		ApiClient api = article("passage-put");
		Block first = TestArticles.blocks(library, "passage-put").get(0);
		int start = codePoints(first.text(), "echo again", 1);
		ApiClient.Created note = api.create(null, passageNote(api, first.id(), both("echo again", start, start + 10),
				"Before"));
		String bearer = "Bearer " + note.secret();

		ObjectNode echoed = (ObjectNode) note.json().deepCopy();
		((ObjectNode) echoed.get("body")).put("value", "Sent back as received");
		HttpResponse<String> same = api.send("PUT", note.path(), echoed.toString(), "Content-Type", JSON_LD,
				"Authorization", bearer, "If-Match", note.etag());
		assertThat(same.statusCode()).as(same.body()).isEqualTo(200);
		assertThat(json(same).get("target")).isEqualTo(note.json().get("target"));

		HttpResponse<String> dropped = api.send("PUT", note.path(), api.note(first.id(), "Refinement left out", ""),
				"Content-Type", JSON_LD, "Authorization", bearer, "If-Match", header(same, "ETag"));
		assertThat(dropped.statusCode()).as(dropped.body()).isEqualTo(200);
		assertThat(json(dropped).get("target")).isEqualTo(note.json().get("target"));

		int once = codePoints(first.text(), "echo once", 1);
		HttpResponse<String> moved = api.send("PUT", note.path(), passageNote(api, first.id(),
				both("echo once", once, once + 9), "Elsewhere"), "Content-Type", JSON_LD, "Authorization", bearer,
				"If-Match", header(dropped, "ETag"));
		assertThat(moved.statusCode()).isEqualTo(409);
		assertThat(json(moved).get("errors").has("target")).isTrue();
		assertThat(json(api.get(note.path())).get("body").get("value").stringValue()).isEqualTo("Refinement left out");
	}

	@Test
	void aNoteOnAParagraphCannotGainAPassage() {
		ApiClient api = article("passage-gain");
		Block first = TestArticles.blocks(library, "passage-gain").get(0);
		ApiClient.Created note = api.create(null, api.note(first.id(), "Whole paragraph", ""));
		HttpResponse<String> narrowed = api.send("PUT", note.path(), passageNote(api, first.id(),
				both("echo", codePoints(first.text(), "echo", 1), codePoints(first.text(), "echo", 1) + 4), "Narrowed"),
				"Content-Type", JSON_LD, "Authorization", "Bearer " + note.secret(), "If-Match", note.etag());
		assertThat(narrowed.statusCode()).isEqualTo(409);
		assertProblem(narrowed, 409);
	}

	/** @return description, refinedBy (LENGTH stands for the paragraph's length in code points), status, field */
	static Stream<Arguments> badSelectors() {
		String quote = "{\"type\": \"TextQuoteSelector\", \"exact\": \"echo\"}";
		String at = "target.selector.refinedBy";
		return Stream.of(
				arguments("exact as a number", "[{\"type\": \"TextQuoteSelector\", \"exact\": 4}]", at + "[0].exact"),
				arguments("no exact", "[{\"type\": \"TextQuoteSelector\", \"prefix\": \"the \"}]", at + "[0].exact"),
				arguments("a blank exact", "[{\"type\": \"TextQuoteSelector\", \"exact\": \" \\n \"}]", at + "[0].exact"),
				arguments("words not in the paragraph", "[{\"type\": \"TextQuoteSelector\", \"exact\": \"nowhere\"}]",
						"target"),
				arguments("words of another paragraph", "{\"type\": \"TextQuoteSelector\", \"exact\": \"second\"}",
						"target"),
				arguments("words that occur three times, no context", quote, "target"),
				arguments("a prefix as a number",
						"[{\"type\": \"TextQuoteSelector\", \"exact\": \"echo\", \"prefix\": 1}]", at + "[0].prefix"),
				arguments("a negative start", "[" + quote + ", {\"type\": \"TextPositionSelector\", \"start\": -1, "
						+ "\"end\": 3}]", at + "[1].start"),
				arguments("a start as a string", "[" + quote + ", {\"type\": \"TextPositionSelector\", \"start\": \"3\", "
						+ "\"end\": 7}]", at + "[1].start"),
				arguments("a fractional start", "[" + quote + ", {\"type\": \"TextPositionSelector\", \"start\": 1.5, "
						+ "\"end\": 7}]", at + "[1].start"),
				arguments("a huge start", "[" + quote + ", {\"type\": \"TextPositionSelector\", \"start\": 9999999999, "
						+ "\"end\": 7}]", at + "[1].start"),
				arguments("no end", "[" + quote + ", {\"type\": \"TextPositionSelector\", \"start\": 3}]", at + "[1].end"),
				arguments("an end before the start", "[" + quote + ", {\"type\": \"TextPositionSelector\", \"start\": 9, "
						+ "\"end\": 3}]", at + "[1].end"),
				arguments("an empty range", "[" + quote + ", {\"type\": \"TextPositionSelector\", \"start\": 3, "
						+ "\"end\": 3}]", at + "[1].end"),
				arguments("a start beyond the paragraph", "{\"type\": \"TextPositionSelector\", \"start\": LENGTH, "
						+ "\"end\": LENGTH9}", "target"),
				arguments("a CSS selector outside the paragraph", "[{\"type\": \"CssSelector\", \"value\": \"p\"}]",
						"target"),
				arguments("a selector without type", "{\"exact\": \"echo\"}", at + ".type"),
				arguments("a list of selectors without type", "[{\"exact\": \"echo\"}]", at),
				arguments("an empty array", "[]", at),
				arguments("a string", "\"echo\"", at));
	}

	/** @return description, refinedBy: shapes of the W3C model this server once refused, and reads now */
	static Stream<Arguments> shapesOnceRefused() {
		String once = "{\"type\": \"TextQuoteSelector\", \"exact\": \"echo once\"}";
		return Stream.of(
				arguments("two quotes (alternatives)", "[" + once + ", " + once + "]", "echo once"),
				arguments("three selectors", "[" + once + ", " + once + ", " + once + "]", "echo once"),
				arguments("an end beyond the paragraph beside a quote: the quote decides", "[" + once
						+ ", {\"type\": \"TextPositionSelector\", \"start\": 3, \"end\": LENGTH1}]", "echo once"),
				arguments("a chain", "{\"type\": \"TextQuoteSelector\", \"exact\": \"echo once\", \"refinedBy\": "
						+ "{\"type\": \"TextPositionSelector\", \"start\": 0, \"end\": 4}}", "echo"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("shapesOnceRefused")
	void shapesTheModelAllowsAreRead(String description, String refinedBy, String words) {
		String slug = "passage-shapes-" + ARTICLES.incrementAndGet();
		ApiClient api = article(slug);
		Block first = TestArticles.blocks(library, slug).get(0);
		String length = String.valueOf(length(first.text()));
		JsonNode note = api.create(null, passageNote(api, first.id(), refinedBy.replace("LENGTH", length), "Read"))
			.json();
		assertThat(quoteOf(note).get("exact").stringValue()).isEqualTo(words);
		assertThat(positionOf(note).get("start").intValue()).isEqualTo(codePoints(first.text(), "echo once", 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSelectors")
	void aBadPassageIsRefusedAndNothingIsStored(String description, String refinedBy, String field) {
		String slug = "passage-bad-" + ARTICLES.incrementAndGet();
		ApiClient api = article(slug);
		Block first = TestArticles.blocks(library, slug).get(0);
		String length = String.valueOf(length(first.text()));
		String secret = api.create(null, api.note(first.id(), "The author's first note", "")).secret();
		int before = total(api, secret);

		HttpResponse<String> response = api.send("POST", api.container(),
				passageNote(api, first.id(), refinedBy.replace("LENGTH", length), "Bad passage"), "Content-Type",
				JSON_LD, "Authorization", "Bearer " + secret);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertProblem(response, 422);
		assertThat(json(response).get("errors").has(field)).as(response.body()).isTrue();
		assertThat(total(api, secret)).isEqualTo(before);
	}

	@Test
	void aBadPassageInAReplacementChangesNothing() {
		ApiClient api = article("passage-bad-put");
		Block first = TestArticles.blocks(library, "passage-bad-put").get(0);
		ApiClient.Created note = api.create(null, passageNote(api, first.id(),
				"{\"type\": \"TextQuoteSelector\", \"exact\": \"echo once\"}", "Kept"));
		HttpResponse<String> response = api.send("PUT", note.path(), passageNote(api, first.id(),
				"{\"type\": \"TextPositionSelector\", \"start\": \"0\", \"end\": 4}", "Changed"), "Content-Type", JSON_LD,
				"Authorization", "Bearer " + note.secret(), "If-Match", note.etag());
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(json(response).get("errors").has("target.selector.refinedBy.start")).as(response.body()).isTrue();
		HttpResponse<String> after = api.get(note.path());
		assertThat(header(after, "ETag")).isEqualTo(note.etag());
		assertThat(json(after).get("body").get("value").stringValue()).isEqualTo("Kept");
	}

	@Test
	void aNoteShowsWhereItIsNowAndKeepsWhereItWasWritten() {
		String slug = "passage-edits";
		ApiClient api = article(slug);
		List<Block> before = TestArticles.blocks(library, slug);
		Block first = before.get(0);
		int once = codePoints(first.text(), "echo once", 1);
		ApiClient.Created passage = api.create(null, passageNote(api, first.id(), both("echo once", once, once + 9),
				"Follows its words"));
		ApiClient.Created orphan = api.create(passage.secret(), api.note(before.get(2).id(), "Loses its paragraph", ""));
		JsonNode writtenOn = passage.json().get("target").get("marginalia:writtenOn");

		TestArticles.write(FOLDER, slug, "A new opening paragraph comes before all the others now.",
				"Smiling 😀 at first, and at last, the word echo comes, then echo again, and echo once more.", SECOND);
		Block moved = TestArticles.blocks(library, slug).get(1);
		assertThat(moved.id()).as("an edit that changes the paragraph's id").isNotEqualTo(first.id());
		int movedStart = codePoints(moved.text(), "echo once", 1);
		assertThat(movedStart).isNotEqualTo(once);

		HttpResponse<String> now = api.get(passage.path());
		JsonNode target = json(now).get("target");
		assertThat(target.get("selector").get(0).get("value").stringValue()).isEqualTo(moved.id());
		assertThat(quoteOf(json(now)).get("exact").stringValue()).isEqualTo("echo once");
		assertThat(positionOf(json(now)).get("start").intValue()).isEqualTo(movedStart);
		assertThat(positionOf(json(now)).get("end").intValue()).isEqualTo(movedStart + 9);
		assertThat(target.get("marginalia:writtenOn")).as("where it was written stays").isEqualTo(writtenOn);
		assertThat(target.has("marginalia:orphaned")).isFalse();
		assertThat(header(now, "ETag")).as("the representation changed").isNotEqualTo(passage.etag());

		JsonNode lost = json(api.get(orphan.path())).get("target");
		assertThat(lost.get("marginalia:orphaned").booleanValue()).isTrue();
		assertThat(lost.get("selector").get("value").stringValue()).isEqualTo(before.get(2).id());
		assertThat(lost.get("marginalia:writtenOn").get("marginalia:paragraphText").stringValue()).isEqualTo(THIRD);

		JsonNode page = json(api.get(api.container() + "?page=0"));
		assertThat(page.get("items").findValues("marginalia:orphaned")).hasSize(1);

		HttpResponse<String> stale = api.send("PUT", passage.path(), api.note(moved.id(), "Stale", ""), "Content-Type",
				JSON_LD, "Authorization", "Bearer " + passage.secret(), "If-Match", passage.etag());
		assertThat(stale.statusCode()).isEqualTo(412);
		ObjectNode echoed = (ObjectNode) json(now).deepCopy();
		echoed.put("bodyValue", "Where it is now");
		echoed.remove("body");
		HttpResponse<String> replaced = api.send("PUT", passage.path(), echoed.toString(), "Content-Type", JSON_LD,
				"Authorization", "Bearer " + passage.secret(), "If-Match", header(now, "ETag"));
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(json(replaced).get("target")).isEqualTo(target);
		HttpResponse<String> written = api.send("PUT", passage.path(), passageNote(api, first.id(),
				both("echo once", once, once + 9), "Where it was written"), "Content-Type", JSON_LD, "Authorization",
				"Bearer " + passage.secret(), "If-Match", header(replaced, "ETag"));
		assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
	}

	private static JsonNode positionOf(JsonNode annotation) {
		return annotation.get("target").get("selector").get(1).get("refinedBy");
	}

	private static JsonNode quoteOf(JsonNode annotation) {
		return annotation.get("target").get("selector").get(0).get("refinedBy");
	}

	private static int total(ApiClient api, String secret) {
		return json(api.get(api.container(), "Authorization", "Bearer " + secret, "Prefer",
				"return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"")).get("total")
			.intValue();
	}

}
