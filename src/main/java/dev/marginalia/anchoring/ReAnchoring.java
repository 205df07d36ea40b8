package dev.marginalia.anchoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockIds;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds, in the current version of an article, the paragraph (and passage) a note was written on.
 *
 * <p>In this order, as the design says: the same paragraph id; a near id (the same sentence-initials key, or
 * one within two edits of it); then a search of the note's saved paragraph text over every paragraph. Each
 * candidate must score at least {@link #MIN_SCORE} with {@link TextSimilarity#paragraphScore}, so a note never
 * silently jumps to a look-alike: below it the note is orphaned, shown with the text it was on. Ties go to the
 * paragraph nearest the old position.
 *
 * <p>A passage note then looks for its quote inside that paragraph (and, failing that, in every paragraph),
 * scored like Hypothesis: quote 50, prefix 20, suffix 20, position 2, out of 92, with the quote allowed up to a
 * quarter of its length in edits, and the whole at least {@link #MIN_QUOTE_SCORE}. The position only breaks a tie
 * when it points at exactly one occurrence; two occurrences that nothing tells apart orphan the note, the same
 * refusal a new note gets from {@link Anchoring#resolve}.
 *
 * <p>One instance serves one version of one article and remembers its answers, so that re-anchoring many
 * notes written on the same text costs one search per distinct text, not one per note.
 */
public final class ReAnchoring {

	/**
	 * The least paragraph similarity that keeps a note attached. Tuned on the seed article and the edit
	 * corpus in the tests: unrelated paragraph pairs score at most 0.17, the gentlest edit that should keep a
	 * note (a paragraph split in two) scores 0.66; 0.4 leaves a wide margin on both sides.
	 */
	public static final double MIN_SCORE = 0.4;

	/** The least passage score (out of 1) that keeps a passage note on its passage. */
	public static final double MIN_QUOTE_SCORE = 0.6;

	private static final int CONTEXT = 32;

	/** Context scores closer than this are equal. */
	private static final double TIE = 1e-9;

	private final Article article;

	private final Map<ParagraphKey, Optional<Placement>> paragraphs = new HashMap<>();

	private final Map<PassageKey, Optional<Placement>> passages = new HashMap<>();

	ReAnchoring(Article article) {
		this.article = article;
	}

	/** @return the version of the article this places notes in */
	public Article article() {
		return article;
	}

	/**
	 * @param anchor where the note was written
	 * @return where that is now, or empty when the note is orphaned
	 */
	public Optional<Placement> place(Anchor anchor) {
		Optional<Placement> paragraph = paragraphs.computeIfAbsent(
				new ParagraphKey(anchor.blockId(), anchor.blockPosition(), anchor.blockText()),
				key -> placeParagraph(anchor));
		TextQuote quote = anchor.quote();
		if (quote == null) {
			return paragraph;
		}
		PassageKey key = new PassageKey(paragraph.map(placement -> placement.block().id()).orElse(""),
				anchor.blockText(), quote);
		return passages.computeIfAbsent(key, ignored -> placePassage(anchor, quote, paragraph));
	}

	/*
	 * The answers are remembered by records, not by strings built from the paragraph's text: a re-anchoring run
	 * places tens of thousands of passages, and a key that copied the text each time held megabytes. A caller that
	 * passes one String instance per paragraph text also keeps the lookups cheap (its hash is computed once).
	 */
	private record ParagraphKey(String blockId, int blockPosition, String blockText) {
	}

	private record PassageKey(String paragraph, String blockText, TextQuote quote) {
	}

	private Optional<Placement> placeParagraph(Anchor anchor) {
		Optional<Block> same = article.block(anchor.blockId());
		if (same.isPresent()) {
			double score = TextSimilarity.paragraphScore(anchor.blockText(), same.get().text());
			if (score >= MIN_SCORE) {
				return Optional.of(new Placement(same.get(), Placement.Method.SAME_ID, score, null));
			}
		}
		String oldKey = key(anchor.blockId());
		Optional<Placement> near = best(article.blocks().stream().filter(block -> isNear(oldKey, key(block.id()))).toList(),
				anchor, Placement.Method.NEAR_ID);
		if (near.isPresent()) {
			return near;
		}
		return best(article.blocks(), anchor, Placement.Method.TEXT_SEARCH);
	}

	/**
	 * The most similar candidate, the nearest to the old position among equals; two that are as similar and as
	 * near (one paragraph before the old place, one after) are a tie, and the note is orphaned, not guessed.
	 */
	private Optional<Placement> best(List<Block> candidates, Anchor anchor, Placement.Method method) {
		Comparator<Placement> better = Comparator.comparingDouble(Placement::score)
			.thenComparing(placement -> -Math.abs(placement.block().position() - anchor.blockPosition()));
		List<Placement> ranked = candidates.stream()
			.map(block -> new Placement(block, method, TextSimilarity.paragraphScore(anchor.blockText(), block.text()), null))
			.filter(placement -> placement.score() >= MIN_SCORE)
			.sorted(better.reversed())
			.toList();
		if (ranked.size() > 1 && ranked.get(0).score() - ranked.get(1).score() < TIE
				&& better.compare(ranked.get(0), ranked.get(1)) == 0) {
			return Optional.empty();
		}
		return ranked.stream().findFirst();
	}

	private Optional<Placement> placePassage(Anchor anchor, TextQuote quote, Optional<Placement> paragraph) {
		if (paragraph.isPresent()) {
			QuoteSearch inParagraph = findQuote(paragraph.get(), quote);
			if (inParagraph.ambiguous()) {
				return Optional.empty();
			}
			if (inParagraph.found().isPresent()) {
				return inParagraph.found().map(Candidate::placement);
			}
		}
		List<QuoteSearch> elsewhere = article.blocks().stream()
			.map(block -> findQuote(new Placement(block, Placement.Method.TEXT_SEARCH, 0, null), quote))
			.toList();
		if (elsewhere.stream().anyMatch(QuoteSearch::ambiguous)) {
			return Optional.empty();
		}
		return decide(elsewhere.stream().flatMap(search -> search.found().stream()).toList(), quote, false)
			.found().map(Candidate::placement);
	}

	/** A place for a quote, with its score without the position hint, and how far it is from the old position. */
	private record Candidate(Placement placement, double contextual, int distance) {
	}

	/** What a search for a quote found: one place, none, or several that nothing tells apart. */
	private record QuoteSearch(Optional<Candidate> found, boolean ambiguous) {

		static final QuoteSearch NONE = new QuoteSearch(Optional.empty(), false);

		static final QuoteSearch AMBIGUOUS = new QuoteSearch(Optional.empty(), true);

	}

	/**
	 * The best place for the quote inside one block, scored 50/20/20/2 as Hypothesis does, under the rules a new
	 * note is placed by: the quote and its context decide; when two occurrences match them equally well, the
	 * old position decides only if exactly one occurrence is within {@link TargetResolver#POSITION_TOLERANCE} code points of
	 * it; otherwise the search is ambiguous and the note is orphaned rather than moved to a guess.
	 */
	private static QuoteSearch findQuote(Placement paragraph, TextQuote quote) {
		String text = paragraph.block().text();
		String exact = quote.exact();
		if (exact.isEmpty()) {
			return QuoteSearch.NONE;
		}
		List<Candidate> occurrences = new ArrayList<>();
		for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
			occurrences.add(scored(paragraph, text, at, at + exact.length(), 1.0, quote));
		}
		int maxErrors = exact.length() / 4;
		if (occurrences.isEmpty() && TextSimilarity.mayMatch(text, exact, maxErrors)) {
			TextSimilarity.Match match = TextSimilarity.approximate(text, exact, maxErrors);
			if (match != null) {
				double quoteScore = 1.0 - (double) match.errors() / exact.length();
				occurrences.add(scored(paragraph, text, match.start(), match.end(), quoteScore, quote));
			}
		}
		return decide(occurrences, quote, true);
	}

	private static QuoteSearch decide(List<Candidate> candidates, TextQuote quote, boolean positionsComparable) {
		List<Candidate> eligible = candidates.stream()
			.filter(candidate -> candidate.placement().score() >= MIN_QUOTE_SCORE)
			.toList();
		if (eligible.isEmpty()) {
			return QuoteSearch.NONE;
		}
		double best = eligible.stream().mapToDouble(Candidate::contextual).max().orElseThrow();
		List<Candidate> tied = eligible.stream().filter(candidate -> best - candidate.contextual() < TIE).toList();
		if (tied.size() == 1) {
			return new QuoteSearch(Optional.of(tied.get(0)), false);
		}
		List<Candidate> near = positionsComparable
				? tied.stream().filter(candidate -> candidate.distance() <= TargetResolver.POSITION_TOLERANCE).toList() : List.of();
		return near.size() == 1 ? new QuoteSearch(Optional.of(near.get(0)), false) : QuoteSearch.AMBIGUOUS;
	}

	private static Candidate scored(Placement paragraph, String text, int start, int end, double quoteScore,
			TextQuote quote) {
		String prefix = text.substring(Math.max(0, start - CONTEXT), start);
		String suffix = text.substring(end, Math.min(text.length(), end + CONTEXT));
		int startPoints = text.codePointCount(0, start);
		int endPoints = startPoints + text.codePointCount(start, end);
		int length = Math.max(1, text.codePointCount(0, text.length()));
		int distance = Math.abs(startPoints - quote.start());
		double positionScore = 1.0 - Math.min(1.0, distance / (double) length);
		double contextual = 50 * quoteScore + 20 * contextScore(quote.prefix(), prefix, true)
				+ 20 * contextScore(quote.suffix(), suffix, false);
		double score = (contextual + 2 * positionScore) / 92;
		return new Candidate(new Placement(paragraph.block(), paragraph.method(), score,
				new CodePointRange(startPoints, endPoints)), contextual, distance);
	}

	/**
	 * Compares the saved context with the found one, from the side that touches the quote, over the length that
	 * was saved: found context beyond it says nothing (an occurrence further from the paragraph's edge is not a
	 * worse match), saved context the paragraph no longer has counts as missing.
	 */
	private static double contextScore(String saved, String found, boolean before) {
		if (saved.isEmpty()) {
			return 1;
		}
		int length = Math.min(saved.length(), found.length());
		String a = before ? saved.substring(saved.length() - length) : saved.substring(0, length);
		String b = before ? found.substring(found.length() - length) : found.substring(0, length);
		double alike = TextSimilarity.characterScore(a, b);
		return alike * length / saved.length();
	}

	/** The sentence-initials key of a block id: {@code p-TwcTwc-k3xq-2} → {@code TwcTwc}. */
	static String key(String blockId) {
		String rest = blockId.startsWith(BlockIds.PREFIX)
				? blockId.substring(BlockIds.PREFIX.length()) : blockId;
		int dash = rest.indexOf('-');
		return dash < 0 ? rest : rest.substring(0, dash);
	}

	private static boolean isNear(String oldKey, String newKey) {
		return LevenshteinDistance.getDefaultInstance().apply(oldKey, newKey) <= 2;
	}

}
