package dev.marginalia.anchoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Puts {@code <mark>} elements around the passages that notes are on, inside a paragraph's rendered HTML, so
 * that highlights show without JavaScript.
 *
 * <p>Offsets are Unicode code points in the paragraph's plain text (whitespace collapsed, as
 * {@link dev.marginalia.content.Block#text()} has it), which is what the W3C TextPositionSelector counts.
 * Overlapping passages are cut into segments at every boundary, each segment one mark that counts all the notes
 * it belongs to ({@code data-count}) and names those the page shows ({@code data-notes}); a mark never crosses a tag
 * (it is closed before the tag and opened again after), so the result stays well-formed. Each shown note's passage
 * starts with an empty anchor {@code #passage-{noteId}} that its note links back to. A passage may have a highlight
 * {@link Style}: a segment takes the class of the style most of its notes have, and its title names every style on it.
 * The output grows with the distinct passages and the notes shown, not with the number of notes.
 *
 * <p>The input is HTML that commonmark-java wrote: tags, text and character references, nothing else.
 */
public final class PassageMarks {

	private PassageMarks() {
	}

	/**
	 * @param innerHtml the paragraph element's content
	 * @param passages the passages to mark
	 * @return the content with marks
	 */
	public static String apply(String innerHtml, List<Passage> passages) {
		if (passages.isEmpty()) {
			return innerHtml;
		}
		TreeSet<Integer> cuts = new TreeSet<>();
		for (Passage passage : passages) {
			cuts.add(passage.start());
			cuts.add(passage.end());
		}
		StringBuilder out = new StringBuilder(innerHtml.length() + passages.size() * 64);
		Walker walker = new Walker(passages, cuts, out);
		int i = 0;
		while (i < innerHtml.length()) {
			char c = innerHtml.charAt(i);
			if (c == '<') {
				int end = innerHtml.indexOf('>', i);
				end = end < 0 ? innerHtml.length() - 1 : end;
				walker.tag(innerHtml.substring(i, end + 1));
				i = end + 1;
			}
			else if (c == '&') {
				int end = innerHtml.indexOf(';', i);
				end = end < 0 || end - i > 12 ? i : end;
				walker.character(innerHtml.substring(i, end + 1), false);
				i = end + 1;
			}
			else {
				int codePoint = innerHtml.codePointAt(i);
				walker.character(new String(Character.toChars(codePoint)), isCollapsible(codePoint));
				i += Character.charCount(codePoint);
			}
		}
		walker.finish();
		return out.toString();
	}

	/** The whitespace that {@link dev.marginalia.content.Block#text()} collapses (Java's {@code \\s}). */
	private static boolean isCollapsible(int codePoint) {
		return codePoint == ' ' || codePoint == '\t' || codePoint == '\n' || codePoint == 0x0B || codePoint == '\f'
				|| codePoint == '\r';
	}

	/**
	 * A passage notes are on: however many there are, the page holds one passage per distinct range, so that it stays
	 * the same size whatever their number.
	 * @param start first code point, inclusive
	 * @param end last code point, exclusive
	 * @param notes how many notes are on it
	 * @param shown those of them the page shows, by id: their anchors ({@code #passage-{id}}) and marks name them
	 * @param style how its notes are highlighted; null for the page's plain highlight
	 * @param top whether it is one of the passages the most readers annotated: marked more strongly ({@code top})
	 */
	public record Passage(int start, int end, int notes, List<String> shown, @Nullable Style style, boolean top) {

		public Passage {
			shown = List.copyOf(shown);
		}

		/** A passage with the plain highlight, not one of the top ones. */
		public Passage(int start, int end, int notes, List<String> shown) {
			this(start, end, notes, shown, null, false);
		}

		/** A passage not one of the top ones. */
		public Passage(int start, int end, int notes, List<String> shown, @Nullable Style style) {
			this(start, end, notes, shown, style, false);
		}

		/** A passage with the plain highlight. */
		public Passage(int start, int end, int notes, List<String> shown, boolean top) {
			this(start, end, notes, shown, null, top);
		}

		/** The passage of one note the page shows. */
		public Passage(int start, int end, String noteId) {
			this(start, end, 1, List.of(noteId));
		}

	}

	/**
	 * A highlight style: plain words that go into the HTML as they are.
	 * @param cssClass the class its marks get ({@code marginalia-green})
	 * @param name its name in the mark's title ({@code green})
	 */
	public record Style(String cssClass, String name) {
	}

	/** Walks the HTML, counting the text as the plain text counts it, and opens and closes marks. */
	private static final class Walker {

		private final List<Passage> passages;

		private final TreeSet<Integer> cuts;

		private final StringBuilder out;

		/** Code points of plain text passed so far. */
		private int offset;

		/** Whether the last text was whitespace (runs count once) or nothing has been written yet. */
		private boolean inSpace = true;

		private boolean pendingSpace;

		private List<Passage> open = List.of();

		private final Set<String> anchored = new HashSet<>();

		Walker(List<Passage> passages, TreeSet<Integer> cuts, StringBuilder out) {
			this.passages = passages;
			this.cuts = cuts;
			this.out = out;
		}

		void tag(String tag) {
			closeMark();
			out.append(tag);
		}

		void character(String text, boolean whitespace) {
			if (whitespace) {
				if (!inSpace) {
					pendingSpace = true;
					inSpace = true;
				}
				if (!pendingSpace || !covering(offset).equals(open)) {
					// a space outside the open mark's passage: close the mark before it, not after
					closeMark();
				}
				out.append(text);
				return;
			}
			if (pendingSpace) {
				offset++;
				pendingSpace = false;
			}
			inSpace = false;
			List<Passage> covering = covering(offset);
			anchors(offset);
			if (!covering.equals(open)) {
				closeMark();
				if (!covering.isEmpty()) {
					open(covering);
				}
			}
			out.append(text);
			offset++;
		}

		void finish() {
			closeMark();
		}

		/**
		 * Opens the mark of a segment: {@code overlap} where passages overlap, {@code data-count} the notes on it,
		 * {@code data-notes} those of them the page shows, and a {@code title} that says the count in words: it is the
		 * mark's accessible description, so a screen reader says it without adding to the paragraph's text.
		 */
		private void open(List<Passage> covering) {
			int notes = 0;
			boolean top = false;
			List<String> shown = new ArrayList<>();
			Map<Style, Integer> styled = new HashMap<>();
			for (Passage passage : covering) {
				notes += passage.notes();
				top |= passage.top();
				shown.addAll(passage.shown());
				if (passage.style() != null) {
					styled.merge(passage.style(), passage.notes(), Integer::sum);
				}
			}
			// the most notes' style first (the mark's class), then by name, so that a page renders the same each time
			List<Style> styles = styled.keySet().stream()
				.sorted(Comparator.comparing((Style style) -> -styled.get(style)).thenComparing(Style::name))
				.toList();
			// passages overlap where more than one range covers the segment (one range may come in several styles)
			boolean overlap = covering.stream().map(passage -> List.of(passage.start(), passage.end())).distinct()
				.count() > 1;
			out.append("<mark class=\"passage").append(overlap ? " overlap" : "").append(top ? " top" : "");
			if (!styles.isEmpty()) {
				out.append(' ').append(styles.get(0).cssClass());
			}
			out.append('"');
			if (!shown.isEmpty()) {
				out.append(" data-notes=\"").append(String.join(" ", shown)).append('"');
			}
			out.append(" data-count=\"").append(notes).append("\" title=\"").append(notes)
				.append(notes == 1 ? " note" : " notes").append(" on this passage");
			if (!styles.isEmpty()) {
				List<String> names = styles.stream().map(Style::name).toList();
				out.append(", highlighted ").append(names.size() == 1 ? names.get(0)
						: String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1));
			}
			out.append(top ? "; a top passage" : "").append("\">");
			open = covering;
		}

		private void closeMark() {
			if (!open.isEmpty()) {
				out.append("</mark>");
				open = List.of();
			}
		}

		/** Writes the anchor of every passage that has started by now and has none yet. */
		private void anchors(int at) {
			if (cuts.isEmpty() || cuts.first() > at) {
				return;
			}
			for (Passage passage : passages) {
				if (passage.start() <= at && passage.end() > passage.start()) {
					for (String noteId : passage.shown()) {
						if (anchored.add(noteId)) {
							closeMark();
							out.append("<span class=\"passage-anchor\" id=\"passage-").append(noteId).append("\"></span>");
						}
					}
				}
			}
			cuts.headSet(at, true).clear();
		}

		private List<Passage> covering(int at) {
			List<Passage> covering = new ArrayList<>();
			for (Passage passage : passages) {
				if (passage.start() <= at && at < passage.end()) {
					covering.add(passage);
				}
			}
			return covering;
		}

	}

}
