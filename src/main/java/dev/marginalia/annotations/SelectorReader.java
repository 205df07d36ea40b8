package dev.marginalia.annotations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.marginalia.anchoring.Selector;
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

	/** The longest quote, prefix or suffix, and the longest XPath or CSS selector, taken. */
	static final int MAX_TEXT = 20_000;

	private SelectorReader() {
	}

	static @Nullable Selector read(JsonNode value, String path, Map<String, String> errors) {
		return read(value, path, errors, 0);
	}

	private static @Nullable Selector read(JsonNode value, String path, Map<String, String> errors, int depth) {
		if (depth > MAX_DEPTH) {
			errors.put(path, "Selectors are refined at most " + MAX_DEPTH + " deep.");
			return null;
		}
		if (value.isArray()) {
			List<Selector> alternatives = new ArrayList<>();
			int before = errors.size();
			for (int i = 0; i < value.size(); i++) {
				JsonNode item = value.get(i);
				if (item.isObject() && !isKnown(item)) {
					continue; // an unfamiliar alternative: the others select the same thing
				}
				Selector selector = read(item, path + "[" + i + "]", errors, depth + 1);
				if (selector != null) {
					alternatives.add(selector);
				}
			}
			if (errors.size() > before) {
				return null;
			}
			if (alternatives.isEmpty()) {
				errors.put(path, "None of these selectors is one this server reads: " + KNOWN + ".");
				return null;
			}
			return alternatives.size() == 1 ? alternatives.get(0) : new Selector.Alternatives(alternatives);
		}
		if (!value.isObject()) {
			errors.put(path, "A selector is an object with a type (or a list of them).");
			return null;
		}
		String type = type(value);
		int before = errors.size();
		Selector refinedBy = null;
		JsonNode refinement = value.get("refinedBy");
		if (refinement != null && !refinement.isNull()) {
			refinedBy = read(refinement, path + ".refinedBy", errors, depth + 1);
		}
		Selector selector = switch (type) {
			case "FragmentSelector" -> fragment(value, path, refinedBy, errors);
			case "TextQuoteSelector" -> new Selector.TextQuote(text(value, "exact", path, true, errors),
					text(value, "prefix", path, false, errors), text(value, "suffix", path, false, errors), refinedBy);
			case "TextPositionSelector" -> position(value, path, refinedBy, errors);
			case "RangeSelector" -> range(value, path, refinedBy, errors, depth);
			case "XPathSelector" -> new Selector.XPath(text(value, "value", path, true, errors), refinedBy);
			case "CssSelector" -> new Selector.Css(text(value, "value", path, true, errors), refinedBy);
			default -> {
				errors.put(path + ".type", "This server reads " + KNOWN + (type.isEmpty() ? "." : ", not " + type + "."));
				yield null;
			}
		};
		return errors.size() > before ? null : selector;
	}

	private static final String KNOWN = "FragmentSelector, TextQuoteSelector, TextPositionSelector, RangeSelector, "
			+ "XPathSelector and CssSelector";

	private static boolean isKnown(JsonNode selector) {
		return switch (type(selector)) {
			case "FragmentSelector", "TextQuoteSelector", "TextPositionSelector", "RangeSelector", "XPathSelector",
					"CssSelector" -> true;
			default -> false;
		};
	}

	/** The type, with or without the {@code oa:} prefix. */
	private static String type(JsonNode selector) {
		JsonNode type = selector.get("type");
		if (type == null || !type.isString()) {
			return "";
		}
		String name = type.stringValue();
		return name.startsWith("oa:") ? name.substring(3) : name;
	}

	private static Selector.@Nullable Fragment fragment(JsonNode value, String path, @Nullable Selector refinedBy,
			Map<String, String> errors) {
		JsonNode conformsTo = value.get("conformsTo");
		if (conformsTo != null && !(conformsTo.isString() && Vocabulary.HTML_FRAGMENT_SPECS.contains(conformsTo.stringValue()))) {
			errors.put(path + ".conformsTo", "A paragraph id is an HTML fragment: " + Vocabulary.HTML_FRAGMENTS + ".");
			return null;
		}
		String id = text(value, "value", path, true, errors);
		return id.isEmpty() ? null : new Selector.Fragment(id, refinedBy);
	}

	private static Selector.@Nullable TextPosition position(JsonNode value, String path, @Nullable Selector refinedBy,
			Map<String, String> errors) {
		Integer start = whole(value, "start", path, errors);
		Integer end = whole(value, "end", path, errors);
		if (start == null || end == null) {
			return null;
		}
		if (end <= start) {
			errors.put(path + ".end", "The end comes after the start: a passage has at least one character.");
			return null;
		}
		return new Selector.TextPosition(start, end, refinedBy);
	}

	private static @Nullable Selector range(JsonNode value, String path, @Nullable Selector refinedBy,
			Map<String, String> errors, int depth) {
		if (value.has("startContainer") || value.has("endContainer")) {
			String startContainer = text(value, "startContainer", path, true, errors);
			String endContainer = text(value, "endContainer", path, true, errors);
			Integer startOffset = whole(value, "startOffset", path, errors);
			Integer endOffset = whole(value, "endOffset", path, errors);
			if (startOffset == null || endOffset == null) {
				return null;
			}
			return new Selector.ContainerRange(startContainer, startOffset, endContainer, endOffset);
		}
		JsonNode start = value.get("startSelector");
		JsonNode end = value.get("endSelector");
		if (start == null || end == null) {
			errors.put(path, "A RangeSelector has a startSelector and an endSelector.");
			return null;
		}
		Selector from = read(start, path + ".startSelector", errors, depth + 1);
		Selector to = read(end, path + ".endSelector", errors, depth + 1);
		return from == null || to == null ? null : new Selector.Range(from, to, refinedBy);
	}

	private static String text(JsonNode selector, String member, String path, boolean required,
			Map<String, String> errors) {
		JsonNode value = selector.get(member);
		if (value == null || value.isNull()) {
			if (required) {
				errors.put(path + "." + member, "The " + member + " is a string.");
			}
			return "";
		}
		if (!value.isString()) {
			errors.put(path + "." + member, "The " + member + " is a string.");
			return "";
		}
		if (value.stringValue().length() > MAX_TEXT) {
			errors.put(path + "." + member, "The " + member + " has at most " + MAX_TEXT + " characters.");
			return "";
		}
		if (required && value.stringValue().isBlank()) {
			errors.put(path + "." + member, "The " + member + " cannot be empty.");
		}
		return value.stringValue();
	}

	/** A whole number from 0 (Data Model §4.2.5). */
	private static @Nullable Integer whole(JsonNode selector, String member, String path, Map<String, String> errors) {
		JsonNode value = selector.get(member);
		if (value == null || !value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
			errors.put(path + "." + member, "The " + member + " is a whole number from 0 (Unicode code points).");
			return null;
		}
		return value.intValue();
	}

}
