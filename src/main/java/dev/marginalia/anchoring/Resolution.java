package dev.marginalia.anchoring;

import java.util.List;

import dev.marginalia.content.Block;
import org.jspecify.annotations.Nullable;

/** What {@link Anchoring#resolve} makes of a target: an anchor, or a refusal that says why. */
public sealed interface Resolution {

	/**
	 * The target, found.
	 * @param block the paragraph
	 * @param quote the passage in it (with up to 32 code points of context either side, inside the paragraph), or
	 * null for the whole paragraph
	 * @param decidedBy the selector that decided, as a chain of types ({@code FragmentSelector/TextQuoteSelector},
	 * {@code TextQuoteSelector}, {@code RangeSelector}...)
	 */
	record Resolved(Block block, @Nullable TextQuote quote, String decidedBy) implements Resolution {
	}

	/**
	 * The target, refused: no guess is made.
	 * @param reason why
	 * @param message what the client can do, in plain words
	 * @param candidates when ambiguous, every place it could mean
	 */
	record Refused(Reason reason, String message, List<Candidate> candidates) implements Resolution {

		public Refused {
			candidates = List.copyOf(candidates);
		}

		public Refused(Reason reason, String message) {
			this(reason, message, List.of());
		}

	}

	/** Why a target is refused. */
	enum Reason {

		/** No selector: the article as a whole (notes are on paragraphs and passages). */
		NO_SELECTOR,
		/** Nothing in this version of the article is what the selectors describe. */
		NO_MATCH,
		/** Two or more places fit the selectors, their context and their position hints equally well. */
		AMBIGUOUS,
		/** The selection runs over more than one paragraph. */
		ACROSS_PARAGRAPHS,
		/** A selector that cannot select anything (an empty quote, an end before its start, white space only). */
		INVALID

	}

	/**
	 * One place an ambiguous target could mean.
	 * @param blockId the paragraph
	 * @param start where the passage starts in the paragraph's text, in code points
	 * @param end where it ends (exclusive)
	 * @param context the passage with a few words around it, as a reader would recognise it
	 */
	record Candidate(String blockId, int start, int end, String context) {
	}

}
