package dev.marginalia.notes;

import java.util.List;
import java.util.Map;

/**
 * The shape of an article's public conversation, the same for every reader (private and hidden notes never count):
 * how many public notes and replies each paragraph has, and the passages the most different readers annotated.
 * @param notesByBlock per paragraph id with any, its public notes and replies (not deleted; a reply counts where its
 * note is)
 * @param topPassages the passages annotated by the most different readers, most first (see {@link TopPassage})
 */
public record ConversationShape(Map<String, Integer> notesByBlock, List<TopPassage> topPassages) {

	/** An article nobody has written on in public. */
	public static final ConversationShape NONE = new ConversationShape(Map.of(), List.of());

	public ConversationShape {
		notesByBlock = Map.copyOf(notesByBlock);
		topPassages = List.copyOf(topPassages);
	}

	/** @return the public notes and replies on one paragraph */
	public int notesOn(String blockId) {
		return notesByBlock.getOrDefault(blockId, 0);
	}

	/** @return the most public notes and replies any one paragraph has (0 when none has any) */
	public int mostOnOneParagraph() {
		return notesByBlock.values().stream().mapToInt(Integer::intValue).max().orElse(0);
	}

	/** @return whether these words of this paragraph are one of the top passages, as {@link TopPassage} names them */
	public boolean isTop(String blockId, int start, int end) {
		return topPassages.stream()
			.anyMatch(top -> top.blockId().equals(blockId) && top.start() == start && top.end() == end);
	}

	/**
	 * A passage many readers annotated. Passage notes whose words overlap in one paragraph are one passage (one reader
	 * selecting a sentence and another a clause of it wrote on the same words): its readers are the different authors
	 * of the public notes on any of those selections and of the public replies to them. It is shown as the selection
	 * the most of them chose (the earliest, then the longest, among equals).
	 * @param blockId the paragraph
	 * @param start where the selection shown starts in the paragraph's text, in code points
	 * @param end where it ends, exclusive
	 * @param readers how many different readers wrote public notes or replies on the passage
	 * @param notes how many public notes and replies are on it
	 */
	public record TopPassage(String blockId, int start, int end, int readers, int notes) {
	}

}
