package dev.marginalia.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.notes.ConversationShape;

import org.springframework.web.util.HtmlUtils;

/**
 * Where the public conversation on an article is, at a glance: one band per block of the article (its paragraphs,
 * list items, code blocks and headings), in the order of the text, as tall as the block is long, as wide and as dark
 * as it has public notes (five steps, the widest and darkest for the paragraph with the most), with a tick beside
 * the blocks that hold a top passage. Drawn by the page as a small inline SVG, each band a link to its block, named as
 * readers count blocks ("Paragraph 12: 7 notes", "Paragraph 3: 5 notes, a top passage").
 * @param bands the bands, top to bottom
 * @param summary what the strip shows, in words (its text alternative)
 */
record DensityStrip(List<Band> bands, String summary) {

	/** The strip's height in the SVG's own units (its viewBox); the page scales it to the height it has. */
	static final int HEIGHT = 1000;

	/** The strip's width in the SVG's units: the widest band. */
	static final int WIDTH = 16;

	/** The width of a band at each step of its count, from none to the most. */
	private static final int[] WIDTHS = { 4, 7, 10, 13, 16 };

	/** How much room a block takes at least, in code points of text: headings and short items stay visible. */
	private static final int SHORTEST = 60;

	/** The space between two bands, in the SVG's units. */
	private static final double GAP = 2;

	/**
	 * One block's band.
	 * @param href the block's anchor on the page
	 * @param label the band's accessible name
	 * @param y where it starts, in the SVG's units
	 * @param height how tall it is
	 * @param width how wide it is (the width of its step)
	 * @param level its step, 0 (no notes) to 4 (as many as the paragraph with the most)
	 * @param top whether one of the top passages is in the block (a tick beside its band)
	 */
	record Band(String href, String label, String y, String height, int width, int level, boolean top) {
	}

	static DensityStrip of(Article article, ConversationShape shape) {
		List<Block> blocks = article.blocks();
		long total = 0;
		for (Block block : blocks) {
			total += room(block);
		}
		int most = shape.mostOnOneParagraph();
		List<Band> bands = new ArrayList<>(blocks.size());
		long above = 0;
		for (Block block : blocks) {
			double y = (double) above * HEIGHT / total;
			double height = Math.max((double) room(block) * HEIGHT / total - GAP, 1);
			int notes = shape.notesOn(block.id());
			int level = level(notes, most);
			boolean top = shape.topPassages().stream().anyMatch(passage -> passage.blockId().equals(block.id()));
			String label = capitalised(article.label(block)) + ": " + notes(notes) + (top ? ", a top passage" : "");
			bands.add(new Band("#" + block.id(), label, units(y), units(height), WIDTHS[level], level, top));
			above += room(block);
		}
		return new DensityStrip(List.copyOf(bands), summary(article, shape));
	}

	/**
	 * @return the strip as an inline SVG element: a link per band, named by {@code aria-label} and titled for the
	 * pointer, with a transparent full-width target behind its bar (written here rather than by the template: an SVG
	 * {@code <title>} is taken for the page's by the template parser)
	 */
	String svg() {
		StringBuilder out = new StringBuilder(bands.size() * 260);
		out.append("<svg class=\"density-strip\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" preserveAspectRatio=\"none\">");
		for (Band band : bands) {
			String label = HtmlUtils.htmlEscape(band.label());
			out.append("<a href=\"").append(HtmlUtils.htmlEscape(band.href())).append("\" aria-label=\"").append(label)
				.append("\"><title>").append(label).append("</title>");
			rect(out, "hit", 0, band.y(), WIDTH, band.height());
			rect(out, "band level-" + band.level(), WIDTH - band.width(), band.y(), band.width(), band.height());
			if (band.top()) {
				rect(out, "top-tick", -6, band.y(), 4, band.height());
			}
			out.append("</a>");
		}
		return out.append("</svg>").toString();
	}

	private static void rect(StringBuilder out, String className, int x, String y, int width, String height) {
		out.append("<rect class=\"").append(className).append("\" x=\"").append(x).append("\" y=\"").append(y)
			.append("\" width=\"").append(width).append("\" height=\"").append(height).append("\"/>");
	}

	/** @return 0 for no notes, else 1 to 4 by the square root of its share of the most: a few notes still show */
	static int level(int notes, int most) {
		if (notes <= 0 || most <= 0) {
			return 0;
		}
		return Math.min(4, Math.max(1, (int) Math.ceil(4 * Math.sqrt((double) notes / most))));
	}

	private static long room(Block block) {
		return Math.max(SHORTEST, block.text().codePointCount(0, block.text().length()));
	}

	/** The strip in words: how many blocks have notes, and the three with the most. */
	private static String summary(Article article, ConversationShape shape) {
		List<Block> noted = article.blocks().stream().filter(block -> shape.notesOn(block.id()) > 0).toList();
		if (noted.isEmpty()) {
			return "No public notes yet.";
		}
		List<String> busiest = noted.stream()
			.sorted((a, b) -> Integer.compare(shape.notesOn(b.id()), shape.notesOn(a.id())))
			.limit(3)
			.map(block -> article.label(block) + " (" + notes(shape.notesOn(block.id())) + ")")
			.toList();
		return "Public notes on " + noted.size() + " of the " + article.blocks().size() + " paragraphs and headings; "
				+ "the most on " + String.join(", ", busiest) + ".";
	}

	private static String notes(int count) {
		return count == 0 ? "no notes" : count == 1 ? "1 note" : count + " notes";
	}

	private static String capitalised(String label) {
		return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
	}

	/** One decimal at most, with a dot whatever the server's locale. */
	private static String units(double value) {
		String text = String.format(Locale.ROOT, "%.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

}
