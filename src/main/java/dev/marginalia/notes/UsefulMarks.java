package dev.marginalia.notes;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a page's "Useful" buttons need beyond the notes: where the form sends the reader back to, and, where the page
 * is the reader's own, which notes they found useful (a page kept for everyone cannot say: {@code reactions.js} asks).
 * @param back the page's path and order (and page number), without its fragment
 * @param mine the ids of the notes the reader found useful, or null when the page does not know
 */
public record UsefulMarks(String back, @Nullable Set<String> mine) {

	public UsefulMarks {
		mine = mine == null ? null : Set.copyOf(mine);
	}

	/** @return marks for a page that cannot say which notes its reader found useful */
	public static UsefulMarks unknown(String back) {
		return new UsefulMarks(back, null);
	}

	/** @return whether the page says which notes its reader found useful */
	public boolean known() {
		return mine != null;
	}

	/** @return whether the reader found the note useful (false where the page does not know) */
	public boolean isMine(String noteId) {
		return mine != null && mine.contains(noteId);
	}

	/** @return the address of a page with its order ({@code ?sort=}) and page number (from 1), as the forms send back */
	public static String back(String path, ThreadOrder order, int page) {
		StringBuilder back = new StringBuilder(path);
		if (order.urlValue() != null) {
			back.append("?sort=").append(order.urlValue());
		}
		if (page > 1) {
			back.append(order.urlValue() != null ? "&" : "?").append("page=").append(page);
		}
		return back.toString();
	}

}
