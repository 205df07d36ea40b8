package dev.marginalia.anchoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts {@code <mark>} elements around the passages that notes are on, inside a paragraph's rendered HTML, so
 * that highlights show without JavaScript.
 *
 * <p>Offsets are Unicode code points in the paragraph's plain text (whitespace collapsed, as
 * {@link dev.marginalia.content.Block#text()} has it), which is what the W3C TextPositionSelector counts.
 * Overlapping passages are cut into segments at every boundary, each segment one mark naming all the notes it
 * belongs to; a mark never crosses a tag (it is closed before the tag and opened again after), so the result
 * stays well-formed. Each note's passage starts with an empty anchor {@code #passage-{noteId}} that its note
 * links back to.
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
	 * A passage a note is on.
	 * @param start first code point, inclusive
	 * @param end last code point, exclusive
	 * @param noteId the note
	 */
	public record Passage(int start, int end, String noteId) {
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

		private List<String> open = List.of();

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
			List<String> covering = covering(offset);
			anchors(offset);
			if (!covering.equals(open)) {
				closeMark();
				if (!covering.isEmpty()) {
					out.append("<mark class=\"passage").append(covering.size() > 1 ? " overlap" : "")
						.append("\" data-notes=\"").append(String.join(" ", covering)).append("\">");
					open = covering;
				}
			}
			out.append(text);
			offset++;
		}

		void finish() {
			closeMark();
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
				if (passage.start() <= at && passage.end() > passage.start() && anchored.add(passage.noteId())) {
					closeMark();
					out.append("<span class=\"passage-anchor\" id=\"passage-").append(passage.noteId()).append("\"></span>");
				}
			}
			cuts.headSet(at, true).clear();
		}

		private List<String> covering(int at) {
			List<String> ids = new ArrayList<>();
			for (Passage passage : passages) {
				if (passage.start() <= at && at < passage.end()) {
					ids.add(passage.noteId());
				}
			}
			return ids;
		}

	}

}
