package dev.marginalia.anchoring;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A W3C Web Annotation selector (Data Model §4.2), as a client sent it: what {@link Anchoring#resolve} reads.
 * Every shape real annotation software sends has a record here; a selector may be refined by another
 * ({@code refinedBy}, §4.2.9), to any depth, and a target's selectors may be a list of alternatives.
 */
public sealed interface Selector {

	/** @return the selector that selects within this one's selection, or null */
	@Nullable Selector refinedBy();

	/** @return the name of the selector's shape, as the notes record which one decided */
	String type();

	/** A FragmentSelector (§4.2.1): here, the id of a paragraph of the article. */
	record Fragment(String value, @Nullable Selector refinedBy) implements Selector {

		@Override
		public String type() {
			return "FragmentSelector";
		}

	}

	/**
	 * A TextQuoteSelector (§4.2.4): the words, and what comes before and after them (any length, across
	 * paragraphs: the article's text as a page's {@code textContent} reads it).
	 */
	record TextQuote(String exact, String prefix, String suffix, @Nullable Selector refinedBy) implements Selector {

		@Override
		public String type() {
			return "TextQuoteSelector";
		}

	}

	/**
	 * A TextPositionSelector (§4.2.5): start and end, in code points of the text it is applied to (a paragraph's,
	 * or the whole article's: its paragraphs' texts, each followed by a line break). A hint: a client may count
	 * differently.
	 */
	record TextPosition(int start, int end, @Nullable Selector refinedBy) implements Selector {

		@Override
		public String type() {
			return "TextPositionSelector";
		}

	}

	/** A RangeSelector (§4.2.8): from the start of one selection to the end of another. */
	record Range(Selector startSelector, Selector endSelector, @Nullable Selector refinedBy) implements Selector {

		@Override
		public String type() {
			return "RangeSelector";
		}

	}

	/**
	 * The RangeSelector that Hypothesis sends: XPaths of the start and end elements (from the page's body) and
	 * character offsets in their text.
	 */
	record ContainerRange(String startContainer, int startOffset, String endContainer, int endOffset)
			implements Selector {

		@Override
		public @Nullable Selector refinedBy() {
			return null;
		}

		@Override
		public String type() {
			return "RangeSelector";
		}

	}

	/** An XPathSelector (§4.2.3): an element of the rendered article. */
	record XPath(String value, @Nullable Selector refinedBy) implements Selector {

		@Override
		public String type() {
			return "XPathSelector";
		}

	}

	/** A CssSelector (§4.2.2): an element of the rendered article. */
	record Css(String value, @Nullable Selector refinedBy) implements Selector {

		@Override
		public String type() {
			return "CssSelector";
		}

	}

	/** Several selectors of one target: alternatives that select the same thing (§4.2). */
	record Alternatives(List<Selector> selectors) implements Selector {

		public Alternatives {
			selectors = List.copyOf(selectors);
		}

		@Override
		public @Nullable Selector refinedBy() {
			return null;
		}

		@Override
		public String type() {
			return "list";
		}

	}

}
