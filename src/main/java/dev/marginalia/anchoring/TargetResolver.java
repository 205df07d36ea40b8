package dev.marginalia.anchoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.marginalia.anchoring.Resolution.Candidate;
import dev.marginalia.anchoring.Resolution.Reason;
import dev.marginalia.anchoring.Resolution.Refused;
import dev.marginalia.anchoring.Resolution.Resolved;
import dev.marginalia.content.Block;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Element;

/**
 * Resolves a target's selectors against one version of an article, by the rules of issue 15 and the design:
 * the quote decides; its prefix and suffix choose between occurrences (the longest matching context wins, and
 * context may run across paragraphs, over whatever a page puts between them); then a position hint, but only one
 * that names a single occurrence (within {@value #POSITION_TOLERANCE} characters); and when two or more places are
 * still left, the target is refused with them, never guessed. Without a quote, the page's structure decides (a
 * RangeSelector, an XPath or CSS selector, the paragraph's id), then positions.
 *
 * <p>Every selection is held as a range of UTF-16 indices in {@link ArticleText}: the same coordinates whatever
 * selector produced it, so that a refinement ({@code refinedBy}) selects inside its parent's selection and the
 * alternatives of a list can be compared.
 */
final class TargetResolver {

	/** How far (in characters) a position hint may be from an occurrence and still name it. */
	static final int POSITION_TOLERANCE = 2;

	private final ArticleText text;

	/** The article's structure, built only when a selector needs it. */
	private final Supplier<ArticleStructure> structures;

	TargetResolver(ArticleText text, Supplier<ArticleStructure> structures) {
		this.text = text;
		this.structures = structures;
	}

	Resolution resolve(@Nullable Selector selector) {
		if (selector == null) {
			return wholeArticle();
		}
		try {
			Selection selection = select(selector, articleScope(), Hints.NONE);
			if (selection.wholeArticle()) {
				return wholeArticle();
			}
			int blockIndex = text.blockAt(selection.from());
			Block block = text.block(blockIndex);
			if (selection.wholeBlock()) {
				return new Resolved(block, null, selection.decidedBy());
			}
			int blockStart = text.codePoints(text.start(blockIndex));
			int start = text.codePoints(selection.from()) - blockStart;
			int end = text.codePoints(selection.to()) - blockStart;
			return new Resolved(block, Anchoring.quoteAt(block.text(), start, end), selection.decidedBy());
		}
		catch (Refusal refusal) {
			return refusal.refused;
		}
	}

	private static Refused wholeArticle() {
		return new Refused(Reason.NO_SELECTOR, "The target names the article as a whole: a note is on a paragraph or "
				+ "a passage. Add a FragmentSelector with the paragraph's id, or a TextQuoteSelector with the words.");
	}

	private Selection articleScope() {
		return new Selection(0, text.text().length(), false, true, "");
	}

	private Selection select(Selector selector, Selection scope, Hints hints) {
		Selection own = selectOwn(selector, scope, hints);
		Selector refinement = selector.refinedBy();
		if (refinement == null) {
			return own;
		}
		Selection inner = select(refinement, own, hints);
		return inner.decidedBy(own.decidedBy() + "/" + inner.decidedBy());
	}

	private Selection selectOwn(Selector selector, Selection scope, Hints hints) {
		if (selector instanceof Selector.Fragment fragment) {
			return fragment(fragment, scope);
		}
		if (selector instanceof Selector.TextQuote quote) {
			return quote(quote, scope, hints);
		}
		if (selector instanceof Selector.TextPosition position) {
			return position(position, scope);
		}
		if (selector instanceof Selector.Range range) {
			return range(range, scope, hints);
		}
		if (selector instanceof Selector.ContainerRange range) {
			return containerRange(range, scope);
		}
		if (selector instanceof Selector.XPath xpath) {
			return element(structures.get().byXPath(xpath.value()), scope, xpath.type(),
					"No element of the article is at the XPath " + abbreviate(xpath.value()) + ".");
		}
		if (selector instanceof Selector.Css css) {
			return element(structures.get().byCss(css.value()), scope, css.type(),
					"No element of the article matches the CSS selector " + abbreviate(css.value()) + ".");
		}
		return alternatives(((Selector.Alternatives) selector).selectors(), scope, hints);
	}

	private Selection fragment(Selector.Fragment fragment, Selection scope) {
		String id = fragment.value().startsWith("#") ? fragment.value().substring(1) : fragment.value();
		Optional<Block> block = text.article().block(id);
		if (block.isEmpty()) {
			throw new Refusal(Reason.NO_MATCH, "There is no paragraph '" + abbreviate(id) + "' in this article.");
		}
		Selection selection = blockSelection(block.get().position(), fragment.type());
		if (!scope.holds(selection)) {
			throw new Refusal(Reason.NO_MATCH, "The paragraph '" + abbreviate(id) + "' is not inside what the "
					+ "selector it refines selects.");
		}
		return selection;
	}

	private Selection blockSelection(int blockIndex, String decidedBy) {
		return new Selection(text.start(blockIndex), text.end(blockIndex), true, false, decidedBy);
	}

	private Selection quote(Selector.TextQuote quote, Selection scope, Hints hints) {
		String collapsed = ArticleText.normaliseContext(quote.exact());
		boolean leading = collapsed.startsWith(" ");
		boolean trailing = collapsed.endsWith(" ");
		String exact = collapsed.strip();
		if (exact.isEmpty()) {
			throw new Refusal(Reason.INVALID, "The quote's exact words cannot be empty or white space.");
		}
		String prefix = ArticleText.normaliseContext(quote.prefix() + (leading ? " " : ""));
		String suffix = ArticleText.normaliseContext((trailing ? " " : "") + quote.suffix());
		String folded = text.folded();
		List<Integer> occurrences = new ArrayList<>();
		for (int at = folded.indexOf(exact, scope.from()); at >= 0 && at + exact.length() <= scope.to();
				at = folded.indexOf(exact, at + 1)) {
			occurrences.add(at);
		}
		String where = scope.wholeArticle() ? "the article" : scope.wholeBlock() ? "the paragraph" : "the selection";
		if (occurrences.isEmpty()) {
			throw new Refusal(Reason.NO_MATCH, "Those words are not in " + where + " (the quote must be within one "
					+ "paragraph, and copied exactly).");
		}
		List<Integer> left = occurrences;
		if (left.size() > 1) {
			int best = -1;
			List<Integer> bestOnes = new ArrayList<>();
			for (int at : left) {
				int score = prefixMatch(prefix, at) + suffixMatch(suffix, at + exact.length());
				if (score > best) {
					best = score;
					bestOnes.clear();
				}
				if (score == best) {
					bestOnes.add(at);
				}
			}
			left = bestOnes;
		}
		if (left.size() > 1 && hints.blockIndex() != null) {
			List<Integer> inBlock = left.stream().filter(at -> text.blockAt(at) == hints.blockIndex()).toList();
			left = inBlock.isEmpty() ? left : inBlock;
		}
		if (left.size() > 1 && hints.position() != null) {
			int wanted = hints.position();
			List<Integer> near = left.stream().filter(at -> Math.abs(at - wanted) <= POSITION_TOLERANCE).toList();
			left = near.isEmpty() ? left : near;
		}
		if (left.size() > 1) {
			throw new Refusal(new Refused(Reason.AMBIGUOUS, "Those words occur " + occurrences.size() + " times in "
					+ where + ", and their prefix, suffix and position fit " + left.size() + " of them equally: "
					+ "add words before or after them (prefix, suffix) or a position, to say which one.",
					left.stream().map(at -> candidate(at, at + exact.length())).toList()));
		}
		int at = left.get(0);
		return new Selection(at, at + exact.length(), false, false, quote.type());
	}

	/**
	 * How many characters of the client's prefix fit the text before an occurrence: inside its paragraph
	 * character by character; if the whole paragraph before it fits, the rest of the prefix is what the client's
	 * page had between the paragraphs (its controls, white space) and the end of the paragraph before, which
	 * counts for as much of that paragraph's end as the rest holds.
	 */
	private int prefixMatch(String prefix, int at) {
		String folded = text.folded();
		int blockIndex = text.blockAt(at);
		int blockStart = text.start(blockIndex);
		int i = prefix.length();
		int j = at;
		int matched = 0;
		while (i > 0 && j > blockStart && prefix.charAt(i - 1) == folded.charAt(j - 1)) {
			i--;
			j--;
			matched++;
		}
		if (j == blockStart && i > 0 && blockIndex > 0) {
			String before = folded.substring(text.start(blockIndex - 1), text.end(blockIndex - 1));
			matched += longestSuffixWithin(before, prefix.substring(0, i));
		}
		return matched;
	}

	private int suffixMatch(String suffix, int end) {
		String folded = text.folded();
		int blockIndex = text.blockAt(Math.max(0, end - 1));
		int blockEnd = text.end(blockIndex);
		int i = 0;
		int j = end;
		int matched = 0;
		while (i < suffix.length() && j < blockEnd && suffix.charAt(i) == folded.charAt(j)) {
			i++;
			j++;
			matched++;
		}
		if (j == blockEnd && i < suffix.length() && blockIndex + 1 < text.blockCount()) {
			String after = folded.substring(text.start(blockIndex + 1), text.end(blockIndex + 1));
			matched += longestPrefixWithin(after, suffix.substring(i));
		}
		return matched;
	}

	/** @return the length of the longest end of {@code text} found anywhere in {@code within} */
	static int longestSuffixWithin(String text, String within) {
		int low = 0;
		int high = Math.min(text.length(), within.length());
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (within.contains(text.substring(text.length() - middle))) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low;
	}

	/** @return the length of the longest start of {@code text} found anywhere in {@code within} */
	static int longestPrefixWithin(String text, String within) {
		int low = 0;
		int high = Math.min(text.length(), within.length());
		while (low < high) {
			int middle = (low + high + 1) >>> 1;
			if (within.contains(text.substring(0, middle))) {
				low = middle;
			}
			else {
				high = middle - 1;
			}
		}
		return low;
	}

	private Candidate candidate(int from, int to) {
		int blockIndex = text.blockAt(from);
		Block block = text.block(blockIndex);
		int blockStart = text.codePoints(text.start(blockIndex));
		int contextFrom = Math.max(text.start(blockIndex), from - 24);
		int contextTo = Math.min(text.end(blockIndex), to + 24);
		String context = (contextFrom > text.start(blockIndex) ? "…" : "") + text.text().substring(contextFrom, contextTo)
				+ (contextTo < text.end(blockIndex) ? "…" : "");
		return new Candidate(block.id(), text.codePoints(from) - blockStart, text.codePoints(to) - blockStart, context);
	}

	private Selection position(Selector.TextPosition position, Selection scope) {
		int scopeStart = text.codePoints(scope.from());
		int length = text.codePoints(scope.to()) - scopeStart;
		if (position.start() < 0 || position.end() <= position.start()) {
			throw new Refusal(Reason.INVALID, "A TextPositionSelector's end comes after its start (from 0).");
		}
		if (position.end() > length) {
			throw new Refusal(Reason.NO_MATCH, "The " + (scope.wholeArticle() ? "article" : "paragraph") + " has "
					+ length + " characters (Unicode code points): " + position.start() + "-" + position.end()
					+ " is beyond its end.");
		}
		int from = text.indexOfCodePoint(scopeStart + position.start());
		int to = text.indexOfCodePoint(scopeStart + position.end());
		return trimmed(from, to, position.type());
	}

	/** A passage from {@code from} to {@code to} without white space at either end, inside one paragraph. */
	private Selection trimmed(int from, int to, String decidedBy) {
		String whole = text.text();
		while (from < to && Character.isWhitespace(whole.charAt(from))) {
			from++;
		}
		while (to > from && Character.isWhitespace(whole.charAt(to - 1))) {
			to--;
		}
		if (from >= to) {
			throw new Refusal(Reason.INVALID, "That selection holds only white space.");
		}
		if (text.blockAt(from) != text.blockAt(to - 1)) {
			throw new Refusal(Reason.ACROSS_PARAGRAPHS, "The selection runs over more than one paragraph: a note is on "
					+ "one paragraph or on a passage inside one.");
		}
		return new Selection(from, to, false, false, decidedBy);
	}

	private Selection range(Selector.Range range, Selection scope, Hints hints) {
		Selection start = select(range.startSelector(), scope, hints);
		Selection end = select(range.endSelector(), scope, hints);
		if (end.to() <= start.from()) {
			throw new Refusal(Reason.INVALID, "The RangeSelector's end comes before its start.");
		}
		if (start.wholeBlock() && end.wholeBlock() && start.from() == end.from()) {
			return start.decidedBy(range.type());
		}
		return trimmed(start.from(), end.to(), range.type());
	}

	private Selection containerRange(Selector.ContainerRange range, Selection scope) {
		ArticleStructure structure = structures.get();
		Optional<Element> startElement = structure.byXPath(range.startContainer());
		Optional<Element> endElement = structure.byXPath(range.endContainer());
		if (startElement.isEmpty() || endElement.isEmpty()) {
			throw new Refusal(Reason.NO_MATCH, "The RangeSelector's containers are not elements of the article.");
		}
		Optional<Block> startBlock = structure.blockOf(startElement.get(), text.article());
		Optional<Block> endBlock = structure.blockOf(endElement.get(), text.article());
		if (startBlock.isEmpty() || endBlock.isEmpty()) {
			throw new Refusal(Reason.NO_MATCH, "The RangeSelector's containers are not in a paragraph of the article.");
		}
		if (!startBlock.get().id().equals(endBlock.get().id())) {
			throw new Refusal(Reason.ACROSS_PARAGRAPHS, "The selection runs over more than one paragraph: a note is on "
					+ "one paragraph or on a passage inside one.");
		}
		Block block = startBlock.get();
		Integer from = structure.offsetInBlock(startElement.get(), range.startOffset(), block);
		Integer to = structure.offsetInBlock(endElement.get(), range.endOffset(), block);
		if (from == null || to == null || to <= from) {
			throw new Refusal(Reason.INVALID, "The RangeSelector's offsets select nothing in the paragraph.");
		}
		int blockStart = text.start(block.position());
		int length = block.text().length();
		Selection selection = trimmed(blockStart + Math.min(from, length), blockStart + Math.min(to, length),
				range.type());
		if (!scope.holds(selection)) {
			throw new Refusal(Reason.NO_MATCH, "The RangeSelector selects outside what it refines.");
		}
		return selection;
	}

	private Selection element(Optional<Element> element, Selection scope, String type, String notFound) {
		if (element.isEmpty()) {
			throw new Refusal(Reason.NO_MATCH, notFound);
		}
		ArticleStructure structure = structures.get();
		if (structure.holdsArticle(element.get())) {
			return scope.decidedBy(type);
		}
		Optional<Block> block = structure.blockOf(element.get(), text.article());
		if (block.isEmpty()) {
			throw new Refusal(Reason.NO_MATCH, notFound);
		}
		Selection selection = blockSelection(block.get().position(), type);
		if (!scope.holds(selection)) {
			throw new Refusal(Reason.NO_MATCH, "That element is not inside what the selector it refines selects.");
		}
		return selection;
	}

	/**
	 * A list of alternatives (Data Model §4.2: they select the same thing). The ones without a quote are resolved
	 * first, as hints: the paragraph a structural selector names, and a position only where it names the
	 * occurrence exactly (a client's positions over the whole page count its controls too). Then the strongest
	 * alternative decides: one with a quote; without any, the page's structure; then positions.
	 */
	private Selection alternatives(List<Selector> selectors, Selection scope, Hints given) {
		if (selectors.isEmpty()) {
			throw new Refusal(Reason.INVALID, "An empty list of selectors selects nothing.");
		}
		Integer blockHint = given.blockIndex();
		Integer positionHint = given.position();
		List<Selector> ordered = new ArrayList<>(selectors);
		ordered.sort(Comparator.comparingInt(TargetResolver::strength));
		for (Selector selector : ordered) {
			if (hasQuote(selector)) {
				continue;
			}
			try {
				Selection hint = select(selector, scope, Hints.NONE);
				if (!hint.wholeArticle() && blockHint == null && strength(selector) < POSITIONS) {
					blockHint = text.blockAt(hint.from());
				}
				if (!hint.wholeArticle() && !hint.wholeBlock() && positionHint == null) {
					positionHint = hint.from();
				}
			}
			catch (Refusal ignored) {
				// a hint that names nothing is no hint
			}
		}
		Hints hints = new Hints(blockHint, positionHint);
		Refusal first = null;
		for (Selector selector : ordered) {
			try {
				return select(selector, scope, hints);
			}
			catch (Refusal refusal) {
				if (refusal.refused.reason() == Reason.AMBIGUOUS || hasQuote(selector) && !hasQuoteAfter(ordered, selector)) {
					throw refusal;
				}
				first = first == null ? refusal : first;
			}
		}
		throw first;
	}

	/** The {@link #strength} of positions: they hint at a place, never at a paragraph (a client counts its own way). */
	private static final int POSITIONS = 4;

	/** Which alternative decides first: a quote, then the page's structure, then positions. */
	private static int strength(Selector selector) {
		if (hasQuote(selector)) {
			return 0;
		}
		if (selector instanceof Selector.ContainerRange || selector instanceof Selector.Range) {
			return 1;
		}
		if (selector instanceof Selector.Fragment fragment) {
			Selector refinement = fragment.refinedBy();
			return refinement == null ? 3 : strength(refinement) == POSITIONS ? 2 : 1;
		}
		if (selector instanceof Selector.XPath || selector instanceof Selector.Css) {
			return 3;
		}
		if (selector instanceof Selector.TextPosition) {
			return POSITIONS;
		}
		return 5;
	}

	/** A quote-bearing alternative that fails leaves the decision to the next quote-bearing one, if any. */
	private static boolean hasQuoteAfter(List<Selector> ordered, Selector failed) {
		return ordered.subList(ordered.indexOf(failed) + 1, ordered.size()).stream().anyMatch(TargetResolver::hasQuote);
	}

	private static boolean hasQuote(@Nullable Selector selector) {
		if (selector == null) {
			return false;
		}
		if (selector instanceof Selector.TextQuote) {
			return true;
		}
		if (selector instanceof Selector.Range range) {
			return hasQuote(range.startSelector()) || hasQuote(range.endSelector()) || hasQuote(range.refinedBy());
		}
		if (selector instanceof Selector.Alternatives alternatives) {
			return alternatives.selectors().stream().anyMatch(TargetResolver::hasQuote);
		}
		return hasQuote(selector.refinedBy());
	}

	private static String abbreviate(String text) {
		return text.length() > 60 ? text.substring(0, 60) + "…" : text;
	}

	/**
	 * What a selector selected: UTF-16 indices of {@link ArticleText}, end exclusive.
	 * @param wholeBlock a whole paragraph (a note on it, not on a passage)
	 * @param wholeArticle the whole article
	 * @param decidedBy the selector (chain) that selected it
	 */
	private record Selection(int from, int to, boolean wholeBlock, boolean wholeArticle, String decidedBy) {

		boolean holds(Selection other) {
			return from <= other.from && other.to <= to;
		}

		Selection decidedBy(String selector) {
			return new Selection(from, to, wholeBlock, wholeArticle, selector);
		}

	}

	/**
	 * What the other alternatives of a list say: the paragraph (an index) and where the passage starts (an index of
	 * {@link ArticleText}); null where they say nothing.
	 */
	private record Hints(@Nullable Integer blockIndex, @Nullable Integer position) {

		static final Hints NONE = new Hints(null, null);

	}

	/** Ends the resolution with a refusal. */
	private static final class Refusal extends RuntimeException {

		private final Refused refused;

		Refusal(Reason reason, String message) {
			this(new Refused(reason, message));
		}

		Refusal(Refused refused) {
			super(refused.message(), null, false, false);
			this.refused = refused;
		}

	}

}
