package dev.marginalia.notes;

import java.util.List;

/**
 * The notes on one paragraph that one reader may see.
 * @param threads notes with their replies, oldest first
 * @param count how many notes and replies (tombstones not counted)
 */
public record BlockNotes(List<NoteThread> threads, int count) {

	public static final BlockNotes NONE = new BlockNotes(List.of(), 0);

	/** How many threads the page shows beside a paragraph; the rest are one link away. */
	public static final int SHOWN = 3;

	/** @return the newest few threads, oldest of them first */
	public List<NoteThread> shown() {
		return threads.size() <= SHOWN ? threads : threads.subList(threads.size() - SHOWN, threads.size());
	}

	/** @return how many older threads are not shown beside the paragraph */
	public int hidden() {
		return threads.size() - shown().size();
	}

}
