package dev.marginalia.notes;

import java.util.List;

/**
 * The notes on one paragraph that one reader may see, or some of them.
 * @param threads notes with their replies, in the order of the text (where their passages are now), oldest first among equals: all of them, or the newest few, or one page
 * @param count how many notes and replies the paragraph has (tombstones not counted)
 * @param threadCount how many threads the paragraph has
 */
public record BlockNotes(List<NoteThread> threads, int count, int threadCount) {

	public static final BlockNotes NONE = new BlockNotes(List.of(), 0, 0);

	/** How many threads the page shows beside a paragraph; the rest are one link away. */
	public static final int SHOWN = 3;

	/** All the threads of a paragraph. */
	public BlockNotes(List<NoteThread> threads, int count) {
		this(threads, count, threads.size());
	}

	/** @return the newest few threads, oldest of them first */
	public List<NoteThread> shown() {
		return threads.size() <= SHOWN ? threads : threads.subList(threads.size() - SHOWN, threads.size());
	}

	/** @return how many older threads are not shown beside the paragraph */
	public int hidden() {
		return threadCount - shown().size();
	}

}
