package dev.marginalia.annotations;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.anchoring.Selector;
import dev.marginalia.annotations.SelectorJson.Selectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binding of annotations as clients send them to our records, and the selectors read from them, without a
 * server: each selector type, one value or an array of them, targets and bodies that are strings, refinements
 * nested, and the problems of values of the wrong type, every one at its JSON path.
 */
class JsonBindingTests {

	final Map<String, String> errors = new LinkedHashMap<>();

	<T> T bind(String json, Class<T> type) {
		return JsonBinding.bind(Json.read(json), type, "$", errors);
	}

	SelectorJson selector(String json) {
		return bind(json, SelectorJson.class);
	}

	@Test
	void aFragmentSelectorIsBoundByItsType() {
		SelectorJson selector = selector("""
				{"type": "FragmentSelector", "value": "p-1", "conformsTo": "http://tools.ietf.org/rfc/rfc3236"}""");
		assertThat(selector).isEqualTo(new SelectorJson.Fragment("http://tools.ietf.org/rfc/rfc3236", "p-1", null));
		assertThat(errors).isEmpty();
	}

	@Test
	void aTextQuoteSelectorIsBoundByItsType() {
		assertThat(selector("{\"type\": \"TextQuoteSelector\", \"exact\": \"echo\", \"prefix\": \"an \"}"))
			.isEqualTo(new SelectorJson.TextQuote("echo", "an ", null, null));
		assertThat(errors).isEmpty();
	}

	@Test
	void aTextPositionSelectorIsBoundByItsType() {
		assertThat(selector("{\"type\": \"TextPositionSelector\", \"start\": 3, \"end\": 7}"))
			.isEqualTo(new SelectorJson.TextPosition(3, 7, null));
		assertThat(errors).isEmpty();
	}

	@Test
	void aRangeSelectorIsBoundInTheW3cShapeAndInHypothesisShape() {
		SelectorJson.Range w3c = (SelectorJson.Range) selector("""
				{"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/p[1]"},
				 "endSelector": {"type": "CssSelector", "value": "#p-2"}}""");
		assertThat(w3c.byContainers()).isFalse();
		assertThat(w3c.startSelector().selector()).isEqualTo(new SelectorJson.XPath("/p[1]", null));
		assertThat(w3c.endSelector().selector()).isEqualTo(new SelectorJson.Css("#p-2", null));

		SelectorJson.Range hypothesis = (SelectorJson.Range) selector("""
				{"type": "RangeSelector", "startContainer": "/main[1]/p[2]", "startOffset": 0,
				 "endContainer": "/main[1]/p[2]", "endOffset": 12}""");
		assertThat(hypothesis.byContainers()).isTrue();
		assertThat(hypothesis.endOffset()).isEqualTo(12);
		assertThat(errors).isEmpty();
	}

	@Test
	void theOaPrefixNamesTheSameType() {
		assertThat(selector("{\"type\": \"oa:XPathSelector\", \"value\": \"/p\"}"))
			.isEqualTo(new SelectorJson.XPath("/p", null));
		assertThat(selector("{\"type\": \"oa:CssSelector\", \"value\": \"p\"}")).isEqualTo(new SelectorJson.Css("p", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"type\": \"SvgSelector\", \"value\": \"<svg/>\"}", "{\"exact\": \"echo\"}",
			"{\"type\": 7}", "{\"type\": [\"TextQuoteSelector\"]}" })
	void aSelectorOfAnotherTypeOrNoneIsUnfamiliarNotAnError(String json) {
		assertThat(selector(json)).isInstanceOf(SelectorJson.Unfamiliar.class);
		assertThat(errors).isEmpty();
	}

	@Test
	void oneSelectorAndAListOfThemAreToldApart() {
		Selectors one = bind("{\"type\": \"TextQuoteSelector\", \"exact\": \"a\"}", Selectors.class);
		Selectors list = bind("[{\"type\": \"TextQuoteSelector\", \"exact\": \"a\"}]", Selectors.class);
		assertThat(one.list()).isFalse();
		assertThat(list.list()).isTrue();
		assertThat(list.selectors()).containsExactly(one);
		Selectors nested = bind("[[{\"type\": \"TextQuoteSelector\", \"exact\": \"a\"}], {}]", Selectors.class);
		assertThat(nested.selectors().get(0)).isEqualTo(list);
		assertThat(nested.selectors().get(1).unfamiliar()).isTrue();
	}

	@Test
	void refinementsNest() {
		SelectorJson.Fragment fragment = (SelectorJson.Fragment) selector("""
				{"type": "FragmentSelector", "value": "p-1", "refinedBy": [
				  {"type": "TextQuoteSelector", "exact": "echo once", "refinedBy":
				    {"type": "TextPositionSelector", "start": 0, "end": 4}},
				  {"type": "TextPositionSelector", "start": 5, "end": 14}]}""");
		assertThat(fragment.refinedBy().list()).isTrue();
		SelectorJson.TextQuote quote = (SelectorJson.TextQuote) fragment.refinedBy().selectors().get(0).selector();
		assertThat(quote.refinedBy().list()).isFalse();
		assertThat(quote.refinedBy().selector()).isEqualTo(new SelectorJson.TextPosition(0, 4, null));
		assertThat(errors).isEmpty();
	}

	@Test
	void aTargetMayBeAnIriAndABodyAString() {
		AnnotationJson annotation = bind("""
				{"target": "https://example.org/articles/a#p-1", "body": "https://example.org/body"}""",
				AnnotationJson.class);
		assertThat(annotation.target()).containsExactly(AnnotationJson.Target.ofIri("https://example.org/articles/a#p-1"));
		assertThat(annotation.body()).containsExactly(AnnotationJson.Body.ofIri("https://example.org/body"));
		assertThat(errors).isEmpty();
	}

	@Test
	void oneValueAndAnArrayOfOneAreTheSame() {
		AnnotationJson one = bind("""
				{"motivation": "commenting", "body": {"type": "TextualBody", "value": "Fine"},
				 "target": {"source": "https://example.org/articles/a"}, "creator": {"name": "Ada"}}""",
				AnnotationJson.class);
		AnnotationJson arrays = bind("""
				{"motivation": ["commenting"], "body": [{"type": "TextualBody", "value": "Fine"}],
				 "target": [{"source": "https://example.org/articles/a"}], "creator": [{"name": "Ada"}]}""",
				AnnotationJson.class);
		assertThat(arrays.motivation()).isEqualTo(one.motivation()).containsExactly("commenting");
		assertThat(arrays.body()).isEqualTo(one.body()).hasSize(1);
		assertThat(arrays.target()).isEqualTo(one.target()).hasSize(1);
		assertThat(arrays.creator()).isEqualTo(one.creator()).containsExactly(new AnnotationJson.Creator(null, "Ada"));
		assertThat(errors).isEmpty();
	}

	@Test
	void unknownPropertiesAreIgnoredAndTheSelectorIsKeptAsSent() {
		AnnotationJson annotation = bind("""
				{"x-client": {"version": 3}, "target": {"source": "s", "renderedVia": "v",
				 "selector": {"type": "TextQuoteSelector", "exact": "a", "x-score": 0.9}}}""", AnnotationJson.class);
		assertThat(annotation.target().get(0).selectorSent()).hasToString(
				"{\"type\":\"TextQuoteSelector\",\"exact\":\"a\",\"x-score\":0.9}");
		assertThat(errors).isEmpty();
	}

	@Test
	void nullIsOfTheWrongTypeWhereTheRulesTellItFromAbsent() {
		bind("""
				{"@context": null, "type": null, "id": null, "motivation": null, "body": {"type": null, "format": null},
				 "target": {"source": null, "selector": null}, "creator": {"type": null, "name": null}}""",
				AnnotationJson.class);
		assertThat(errors).containsOnlyKeys("@context", "type", "body.type", "body.format", "target.source",
				"creator.type");
		errors.clear();
		bind("{\"@context\": [\"http://www.w3.org/ns/anno.jsonld\", null], \"body\": {}, \"creator\": {}}",
				AnnotationJson.class);
		assertThat(errors).as("a null in a list, and properties left out").isEmpty();
	}

	@Test
	void everyValueOfTheWrongTypeIsReportedAtItsPathAndLeftNull() {
		AnnotationJson annotation = bind("""
				{"id": 4, "motivation": {"a": 1}, "bodyValue": true, "marginalia:visibility": 1.5,
				 "body": [{"value": 5}, 42], "creator": "Ada", "target": [7]}""", AnnotationJson.class);
		assertThat(errors).as("in the order of the JSON").containsExactly(Map.entry("id", "The id is a string."),
				Map.entry("motivation", "The motivation is a string: commenting or replying."),
				Map.entry("bodyValue", "The bodyValue is a string."),
				Map.entry("marginalia:visibility", "The marginalia:visibility is a string."),
				Map.entry("body[0].value", "The body.value is a string."),
				Map.entry("body[1]", "The body is a TextualBody object."),
				Map.entry("creator", "The creator is an object: {\"type\": \"Person\", \"name\": \"...\"}."),
				Map.entry("target[0]", "The target is an object with a source and a selector, or an IRI."));
		assertThat(annotation.id()).isNull();
		assertThat(annotation.body()).hasSize(2).allMatch(body -> body == null || body.value() == null);
		assertThat(annotation.target()).containsExactly((AnnotationJson.Target) null);
	}

	@Test
	void wholeNumbersAreWholeNumbersInRange() {
		SelectorJson.TextPosition position = (SelectorJson.TextPosition) selector(
				"{\"type\": \"TextPositionSelector\", \"start\": \"3\", \"end\": 1.5}");
		assertThat(position.start()).isNull();
		assertThat(position.end()).isNull();
		assertThat(errors).containsOnlyKeys("start", "end");
		errors.clear();
		bind("[{\"type\": \"TextPositionSelector\", \"start\": 9999999999, \"end\": 1e309}]", Selectors.class);
		assertThat(errors).containsExactly(Map.entry("[0].start", SelectorJson.TextPosition.START),
				Map.entry("[0].end", SelectorJson.TextPosition.END));
	}

	@Test
	void aProblemInsideIsReportedUnderThePathGiven() {
		JsonNode selector = Json.read("{\"type\": \"FragmentSelector\", \"value\": \"p\", \"refinedBy\": [\"x\", {}]}");
		JsonBinding.bind(selector, Selectors.class, "target.selector", errors);
		assertThat(errors).containsExactly(Map.entry("target.selector.refinedBy[0]",
				"A selector is an object with a type (or a list of them)."));
	}

	// ---------------------------------------------------------------- the selectors read

	Selector read(String json) {
		return SelectorReader.read(Json.read(json), "target.selector", errors);
	}

	@Test
	void eachSelectorIsReadIntoAnchoringsSelector() {
		assertThat(read("{\"type\": \"FragmentSelector\", \"value\": \"p-1\"}")).isEqualTo(new Selector.Fragment("p-1", null));
		assertThat(read("{\"type\": \"TextQuoteSelector\", \"exact\": \"echo\"}"))
			.isEqualTo(new Selector.TextQuote("echo", "", "", null));
		assertThat(read("{\"type\": \"TextPositionSelector\", \"start\": 0, \"end\": 4}"))
			.isEqualTo(new Selector.TextPosition(0, 4, null));
		assertThat(read("{\"type\": \"XPathSelector\", \"value\": \"/p[2]\"}")).isEqualTo(new Selector.XPath("/p[2]", null));
		assertThat(read("{\"type\": \"CssSelector\", \"value\": \"#p-1\"}")).isEqualTo(new Selector.Css("#p-1", null));
		assertThat(read("""
				{"type": "RangeSelector", "startSelector": {"type": "CssSelector", "value": "#a"},
				 "endSelector": {"type": "CssSelector", "value": "#b"}}""")).isEqualTo(new Selector.Range(
						new Selector.Css("#a", null), new Selector.Css("#b", null), null));
		assertThat(read("""
				{"type": "RangeSelector", "startContainer": "/p[1]", "startOffset": 2, "endContainer": "/p[1]",
				 "endOffset": 9}""")).isEqualTo(new Selector.ContainerRange("/p[1]", 2, "/p[1]", 9));
		assertThat(errors).isEmpty();
	}

	@Test
	void alternativesLeaveOutTheUnfamiliarAndRefinementsChain() {
		Selector selector = read("""
				[{"type": "SvgSelector", "value": "<svg/>"},
				 {"type": "FragmentSelector", "value": "p-1", "refinedBy":
				   {"type": "TextQuoteSelector", "exact": "echo", "refinedBy": {"type": "TextPositionSelector", "start": 0,
				    "end": 2}}},
				 {"type": "TextQuoteSelector", "exact": "echo"}]""");
		assertThat(selector).isEqualTo(new Selector.Alternatives(java.util.List.of(
				new Selector.Fragment("p-1", new Selector.TextQuote("echo", "", "",
						new Selector.TextPosition(0, 2, null))),
				new Selector.TextQuote("echo", "", "", null))));
		assertThat(errors).isEmpty();
	}

	@Test
	void aSelectorOfAnotherTypeAloneIsRefusedSayingWhatIsRead() {
		assertThat(read("{\"type\": \"oa:SvgSelector\"}")).isNull();
		assertThat(errors).containsOnlyKeys("target.selector.type");
		assertThat(errors.get("target.selector.type")).startsWith("This server reads FragmentSelector")
			.endsWith(", not SvgSelector.");
		errors.clear();
		assertThat(read("[{\"type\": \"SvgSelector\"}, {\"exact\": \"no type\"}]")).isNull();
		assertThat(errors).containsOnlyKeys("target.selector");
	}

	@Test
	void theRulesOfEachSelectorAreCheckedAndAllReported() {
		assertThat(read("""
				[{"type": "TextQuoteSelector", "exact": " ", "prefix": 3},
				 {"type": "TextPositionSelector", "start": -1, "end": 4},
				 {"type": "TextPositionSelector", "start": 5, "end": 5},
				 {"type": "XPathSelector"},
				 {"type": "FragmentSelector", "value": "p", "conformsTo": null},
				 {"type": "RangeSelector", "startContainer": "/p", "startOffset": "0", "endContainer": "", "endOffset": 1},
				 {"type": "RangeSelector", "startSelector": {"type": "CssSelector", "value": "p"}},
				 null]""")).isNull();
		assertThat(errors).containsOnlyKeys("target.selector[0].exact", "target.selector[0].prefix",
				"target.selector[1].start", "target.selector[2].end", "target.selector[3].value",
				"target.selector[4].conformsTo", "target.selector[5].startOffset", "target.selector[5].endContainer",
				"target.selector[6]", "target.selector[7]");
		assertThat(errors.get("target.selector[0].exact")).isEqualTo("The exact cannot be empty.");
		assertThat(errors.get("target.selector[0].prefix")).isEqualTo("The prefix is a string.");
		assertThat(errors.get("target.selector[1].start")).isEqualTo(SelectorJson.TextPosition.START);
		assertThat(errors.get("target.selector[2].end")).contains("after the start");
		assertThat(errors.get("target.selector[3].value")).isEqualTo("The value is a string.");
		assertThat(errors.get("target.selector[5].endContainer")).isEqualTo("The endContainer cannot be empty.");
	}

	@Test
	void aTooLongTextIsReportedBeforeABlankOne() {
		assertThat(read("{\"type\": \"CssSelector\", \"value\": \"" + " ".repeat(20_001) + "\"}")).isNull();
		assertThat(errors).containsExactly(Map.entry("target.selector.value", "The value has at most 20000 characters."));
	}

	@Test
	void selectorsAreRefinedAtMostEightDeep() {
		String deep = "{\"type\": \"TextQuoteSelector\", \"exact\": \"a\"}";
		for (int i = 0; i < 9; i++) {
			deep = "{\"type\": \"TextQuoteSelector\", \"exact\": \"a\", \"refinedBy\": " + deep + "}";
		}
		assertThat(read(deep)).isNull();
		assertThat(errors.values()).containsExactly("Selectors are refined at most 8 deep.");
	}

}
