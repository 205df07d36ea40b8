package dev.marginalia.annotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.marginalia.anchoring.Selector;
import dev.marginalia.annotations.SelectorJson.Selectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a target's {@code selector} as a client sent it (Data Model §4.2) into anchoring's {@link Selector}: a
 * FragmentSelector, TextQuoteSelector, TextPositionSelector, RangeSelector (the W3C shape with
 * {@code startSelector}/{@code endSelector}, or Hypothesis's with {@code startContainer}/{@code startOffset}),
 * XPathSelector, CssSelector, a list of alternatives, and {@code refinedBy} to any depth (up to
 * {@value #MAX_DEPTH}). In a list, a selector of a type we do not know is left out, as Data Model §6 asks of
 * unfamiliar things; a target with nothing we know is refused. Every problem goes into {@code errors} by JSON path.
 */
final class SelectorReader {

	static final int MAX_DEPTH = 8;

	private static final String KNOWN = "FragmentSelector, TextQuoteSelector, TextPositionSelector, RangeSelector, "
			+ "XPathSelector and CssSelector";

	private SelectorReader() {
	}

	static @Nullable Selector read(JsonNode value, String path, Map<String, String> errors) {
		Selectors selectors = JsonBinding.bind(value, Selectors.class, path, errors);
		return selectors == null ? null : read(selectors, path, errors, 0);
	}

	private static @Nullable Selector read(Selectors selectors, String path, Map<String, String> errors, int depth) {
		if (depth > MAX_DEPTH) {
			errors.put(path, "Selectors are refined at most " + MAX_DEPTH + " deep.");
			return null;
		}
		if (!selectors.list()) {
			return one(selectors.selector(), path, errors, depth);
		}
		List<Selector> alternatives = new ArrayList<>();
		for (int i = 0; i < selectors.selectors().size(); i++) {
			Selectors item = selectors.selectors().get(i);
			if (item != null && item.unfamiliar()) {
				continue; // an unfamiliar alternative: the others select the same thing
			}
			String at = path + "[" + i + "]";
			Selector selector = item == null ? one(null, at, errors, depth + 1) : read(item, at, errors, depth + 1);
			if (selector != null) {
				alternatives.add(selector);
			}
		}
		if (JsonBinding.hasProblems(errors, path)) {
			return null;
		}
		if (alternatives.isEmpty()) {
			errors.put(path, "None of these selectors is one this server reads: " + KNOWN + ".");
			return null;
		}
		return alternatives.size() == 1 ? alternatives.get(0) : new Selector.Alternatives(alternatives);
	}

	/** @param selector null for a JSON null, or a value that was not a selector (already reported) */
	private static @Nullable Selector one(@Nullable SelectorJson selector, String path, Map<String, String> errors,
			int depth) {
		if (selector == null) {
			errors.putIfAbsent(path, SelectorJson.NOT_A_SELECTOR);
			return null;
		}
		Selector refinedBy = selector.refinedBy() == null ? null
				: read(selector.refinedBy(), path + ".refinedBy", errors, depth + 1);
		JsonBinding.validate(selector, path, errors);
		Selector read;
		if (selector instanceof SelectorJson.Fragment fragment) {
			checkConformsTo(fragment.conformsTo(), path, errors);
			read = new Selector.Fragment(text(fragment.value()), refinedBy);
		}
		else if (selector instanceof SelectorJson.TextQuote quote) {
			read = new Selector.TextQuote(text(quote.exact()), text(quote.prefix()), text(quote.suffix()), refinedBy);
		}
		else if (selector instanceof SelectorJson.TextPosition position) {
			read = position(position, path, refinedBy, errors);
		}
		else if (selector instanceof SelectorJson.Range range) {
			read = range(range, path, refinedBy, errors, depth);
		}
		else if (selector instanceof SelectorJson.XPath xpath) {
			read = new Selector.XPath(text(xpath.value()), refinedBy);
		}
		else if (selector instanceof SelectorJson.Css css) {
			read = new Selector.Css(text(css.value()), refinedBy);
		}
		else {
			String type = ((SelectorJson.Unfamiliar) selector).name();
			errors.put(path + ".type", "This server reads " + KNOWN + (type.isEmpty() ? "." : ", not " + type + "."));
			read = null;
		}
		return JsonBinding.hasProblems(errors, path) ? null : read;
	}

	/** A FragmentSelector of an HTML document conforms to RFC 3236 (or, as taken before, RFC 3986). */
	static void checkConformsTo(@Nullable String conformsTo, String path, Map<String, String> errors) {
		if (conformsTo != null && !Vocabulary.HTML_FRAGMENT_SPECS.contains(conformsTo)) {
			errors.putIfAbsent(path + ".conformsTo", SelectorJson.Fragment.CONFORMS_TO);
		}
	}

	private static Selector.@Nullable TextPosition position(SelectorJson.TextPosition position, String path,
			@Nullable Selector refinedBy, Map<String, String> errors) {
		Integer start = position.start();
		Integer end = position.end();
		if (start == null || end == null || start < 0 || end < 0) {
			return null;
		}
		if (end <= start) {
			errors.putIfAbsent(path + ".end", "The end comes after the start: a passage has at least one character.");
			return null;
		}
		return new Selector.TextPosition(start, end, refinedBy);
	}

	private static @Nullable Selector range(SelectorJson.Range range, String path, @Nullable Selector refinedBy,
			Map<String, String> errors, int depth) {
		if (range.byContainers()) {
			JsonBinding.validate(range, path, errors, SelectorJson.Range.Containers.class);
			if (range.startOffset() == null || range.endOffset() == null) {
				return null;
			}
			return new Selector.ContainerRange(text(range.startContainer()), range.startOffset(),
					text(range.endContainer()), range.endOffset());
		}
		if (range.startSelector() == null || range.endSelector() == null) {
			if (!JsonBinding.hasProblems(errors, path + ".startSelector")
					&& !JsonBinding.hasProblems(errors, path + ".endSelector")) {
				errors.put(path, "A RangeSelector has a startSelector and an endSelector.");
			}
			return null;
		}
		Selector from = read(range.startSelector(), path + ".startSelector", errors, depth + 1);
		Selector to = read(range.endSelector(), path + ".endSelector", errors, depth + 1);
		return from == null || to == null ? null : new Selector.Range(from, to, refinedBy);
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value;
	}

}
