package dev.marginalia.notes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How the threads of a paragraph are sorted, on the article page's margin and the notes pages: kept in the URL as
 * {@code ?sort=}, which the pages' links carry. The margin shows three threads per paragraph: the newest three
 * (in the order of the text, or newest first), or the three with the most replies, or the three most useful.
 */
public enum ThreadOrder {

	/** Where each passage is now in the text (notes on the whole paragraph first), oldest first among equals. */
	POSITION("position", "In the order of the text", "earlier"),

	/** The newest thread first. */
	NEWEST("newest", "Newest first", "older"),

	/** The thread with the most replies (that the reader may see) first, then the newest. */
	REPLIES("replies", "Most replies", "more"),

	/** The thread whose note the most readers found useful first, then the newest. */
	USEFUL("useful", "Most useful", "other");

	/** The order a page without {@code ?sort=} has. */
	public static final ThreadOrder DEFAULT = POSITION;

	private static final Comparator<NoteThread> NEWEST_FIRST = Comparator
		.comparing((NoteThread thread) -> thread.note().createdAt())
		.thenComparing(thread -> thread.note().id())
		.reversed();

	private final String key;

	private final String label;

	private final String others;

	ThreadOrder(String key, String label, String others) {
		this.key = key;
		this.label = label;
		this.others = others;
	}

	/**
	 * @param value the {@code sort} parameter: null or blank for the default
	 * @throws UnknownSortException for anything but {@code position}, {@code newest}, {@code replies} or {@code useful}
	 */
	public static ThreadOrder parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT;
		}
		for (ThreadOrder order : values()) {
			if (order.key.equals(value.strip().toLowerCase(Locale.ROOT))) {
				return order;
			}
		}
		throw new UnknownSortException(value);
	}

	/** @return every order a reader may choose, this one among them (for the pages' links) */
	public List<ThreadOrder> choices() {
		return List.of(values());
	}

	/** @return the value of {@code ?sort=} */
	public String key() {
		return key;
	}

	/** @return what the link that chooses it says */
	public String label() {
		return label;
	}

	/** @return the value of {@code ?sort=} in links, or null for the default (links to it carry none) */
	public @Nullable String urlValue() {
		return this == DEFAULT ? null : key;
	}

	/** @return how the margin calls the threads it does not show ("2 earlier notes", "2 older notes") */
	public String others() {
		return others;
	}

	/**
	 * @return whether the margin shows the first threads in this order (the most replied, the most useful) rather than
	 * the newest, sorted
	 */
	public boolean ranksTheMargin() {
		return this == REPLIES || this == USEFUL;
	}

	/** @return the order of threads, as the database ranks them (see {@code NoteReadModel}) */
	public Comparator<NoteThread> comparator() {
		return switch (this) {
			case POSITION -> Comparator
				.comparingInt((NoteThread thread) -> thread.passage() == null ? -1 : thread.passage().start())
				.thenComparing(NEWEST_FIRST.reversed());
			case NEWEST -> NEWEST_FIRST;
			case REPLIES -> Comparator.comparingInt((NoteThread thread) -> thread.replies().size())
				.reversed()
				.thenComparing(NEWEST_FIRST);
			case USEFUL -> Comparator.comparingInt((NoteThread thread) -> thread.note().useful())
				.reversed()
				.thenComparing(NEWEST_FIRST);
		};
	}

}
