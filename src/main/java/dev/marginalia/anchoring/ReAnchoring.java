package dev.marginalia.anchoring;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.content.BlockIds;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

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
 * quarter of its length in edits, and the whole at least {@link #MIN_QUOTE_SCORE}.
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

	private Optional<Placement> best(List<Block> candidates, Anchor anchor, Placement.Method method) {
		return candidates.stream()
			.map(block -> new Placement(block, method, TextSimilarity.paragraphScore(anchor.blockText(), block.text()), null))
			.filter(placement -> placement.score() >= MIN_SCORE)
			.max(Comparator.comparingDouble(Placement::score)
				.thenComparing(placement -> -Math.abs(placement.block().position() - anchor.blockPosition())));
	}

	private Optional<Placement> placePassage(Anchor anchor, TextQuote quote, Optional<Placement> paragraph) {
		if (paragraph.isPresent()) {
			Optional<Placement> inParagraph = findQuote(paragraph.get(), quote);
			if (inParagraph.isPresent()) {
				return inParagraph;
			}
		}
		return article.blocks().stream()
			.map(block -> findQuote(new Placement(block, Placement.Method.TEXT_SEARCH, 0, null), quote))
			.flatMap(Optional::stream)
			.max(Comparator.comparingDouble(Placement::score)
				.thenComparing(placement -> -Math.abs(placement.block().position() - anchor.blockPosition())));
	}

	/** The best place for the quote inside one block, scored 50/20/20/2 as Hypothesis does. */
	private static Optional<Placement> findQuote(Placement paragraph, TextQuote quote) {
		String text = paragraph.block().text();
		String exact = quote.exact();
		if (exact.isEmpty()) {
			return Optional.empty();
		}
		Placement best = null;
		for (int at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
			Placement candidate = scored(paragraph, text, at, at + exact.length(), 1.0, quote);
			if (best == null || candidate.score() > best.score()) {
				best = candidate;
			}
		}
		int maxErrors = exact.length() / 4;
		if (best == null && TextSimilarity.mayMatch(text, exact, maxErrors)) {
			TextSimilarity.Match match = TextSimilarity.approximate(text, exact, maxErrors);
			if (match != null) {
				double quoteScore = 1.0 - (double) match.errors() / exact.length();
				best = scored(paragraph, text, match.start(), match.end(), quoteScore, quote);
			}
		}
		return Optional.ofNullable(best).filter(placement -> placement.score() >= MIN_QUOTE_SCORE);
	}

	private static Placement scored(Placement paragraph, String text, int start, int end, double quoteScore,
			TextQuote quote) {
		String prefix = text.substring(Math.max(0, start - CONTEXT), start);
		String suffix = text.substring(end, Math.min(text.length(), end + CONTEXT));
		int startPoints = text.codePointCount(0, start);
		int endPoints = startPoints + text.codePointCount(start, end);
		int length = Math.max(1, text.codePointCount(0, text.length()));
		double positionScore = 1.0 - Math.min(1.0, Math.abs(startPoints - quote.start()) / (double) length);
		double score = (50 * quoteScore + 20 * contextScore(quote.prefix(), prefix, true)
				+ 20 * contextScore(quote.suffix(), suffix, false) + 2 * positionScore) / 92;
		return new Placement(paragraph.block(), paragraph.method(), score, new CodePointRange(startPoints, endPoints));
	}

	/** Compares the saved context with the found one, from the side that touches the quote. */
	private static double contextScore(String saved, String found, boolean before) {
		if (saved.isEmpty() && found.isEmpty()) {
			return 1;
		}
		int length = Math.min(saved.length(), found.length());
		String a = before ? saved.substring(saved.length() - length) : saved.substring(0, length);
		String b = before ? found.substring(found.length() - length) : found.substring(0, length);
		double alike = TextSimilarity.characterScore(a, b);
		return alike * length / Math.max(saved.length(), found.length());
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
