package dev.marginalia.anchoring;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The face of anchoring: selectors in, anchors out. Every feature that needs to know where a note is, or was,
 * asks here: the notes when one is written, the annotation protocol when it reads a target and serves one, the
 * pages when they mark passages, and the re-anchoring of notes after an edit ({@link #reAnchoring}).
 */
@Component
public class Anchoring {

	/** Code points of context kept on each side of a passage (TextQuoteSelector prefix and suffix). */
	public static final int CONTEXT = 32;

	/** The article's text and structure, per slug, for the version last asked about. */
	private final ConcurrentMap<String, Version> versions = new ConcurrentHashMap<>();

	/**
	 * Resolves a Web Annotation target against a version of an article.
	 * @param article the version the note is being written on
	 * @param selector the target's selector (a list of alternatives, refinements...); null when the target is the
	 * article alone
	 * @return the paragraph (and passage) it names, or why it is refused
	 */
	public Resolution resolve(Article article, @Nullable Selector selector) {
		Version version = version(article);
		return new TargetResolver(version.text(), version::structure).resolve(selector);
	}

	/**
	 * Describes a passage as we serve it: its words with as much context as makes them unique in the whole article
	 * (at least {@value #CONTEXT} code points either side where the paragraph has them; more, a step at a time, while
	 * the same words with that context occur elsewhere; never past the paragraph's ends, where the page has other
	 * things between paragraphs).
	 * @param range the passage in the paragraph's text, in code points
	 */
	public TextQuote describe(Article article, Block block, CodePointRange range) {
		String whole = version(article).text().text();
		String text = block.text();
		int length = text.codePointCount(0, text.length());
		int start = Math.max(0, Math.min(range.start(), length));
		int end = Math.max(start, Math.min(range.end(), length));
		TextQuote quote = quoteAt(text, start, end, CONTEXT);
		for (int context = 2 * CONTEXT; occurrences(whole, quote) > 1; context += CONTEXT) {
			boolean wholeParagraph = quote.prefix().length() + quote.exact().length() + quote.suffix().length() == text.length();
			if (wholeParagraph) {
				break;
			}
			quote = quoteAt(text, start, end, context);
		}
		return quote;
	}

	private static int occurrences(String text, TextQuote quote) {
		String words = quote.prefix() + quote.exact() + quote.suffix();
		int count = 0;
		for (int at = text.indexOf(words); at >= 0 && count < 2; at = text.indexOf(words, at + 1)) {
			count++;
		}
		return count;
	}

	/** @return the passage from {@code start} to {@code end} (code points) with up to 32 code points either side */
	public static TextQuote quoteAt(String text, int start, int end) {
		return quoteAt(text, start, end, CONTEXT);
	}

	private static TextQuote quoteAt(String text, int start, int end, int context) {
		int from = text.offsetByCodePoints(0, start);
		int to = text.offsetByCodePoints(from, end - start);
		int prefixFrom = text.offsetByCodePoints(from, -Math.min(context, start));
		int suffixTo = text.offsetByCodePoints(to, Math.min(context, text.codePointCount(to, text.length())));
		return new TextQuote(text.substring(from, to), text.substring(prefixFrom, from), text.substring(to, suffixTo),
				start, end);
	}

	/**
	 * @return the re-anchoring of notes onto this version of the article: where each note written on an earlier one
	 * is now (one instance per run: it remembers its answers)
	 */
	public ReAnchoring reAnchoring(Article article) {
		return new ReAnchoring(article);
	}

	private Version version(Article article) {
		Version known = versions.get(article.slug());
		if (known != null && known.article() == article) {
			return known;
		}
		Version fresh = new Version(article);
		versions.put(article.slug(), fresh);
		return fresh;
	}

	/** One version of an article: its text, and its structure when first asked for. */
	private static final class Version {

		private final Article article;

		private final ArticleText text;

		private volatile @Nullable ArticleStructure structure;

		Version(Article article) {
			this.article = article;
			this.text = new ArticleText(article);
		}

		Article article() {
			return article;
		}

		ArticleText text() {
			return text;
		}

		ArticleStructure structure() {
			ArticleStructure built = structure;
			if (built == null) {
				built = new ArticleStructure(article);
				structure = built;
			}
			return built;
		}

	}

}
