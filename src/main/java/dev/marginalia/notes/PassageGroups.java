package dev.marginalia.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import dev.marginalia.notes.ConversationShape.TopPassage;

/**
 * Groups the selections readers wrote on into passages and ranks them by how many different readers wrote on each.
 * Within a paragraph, selections whose words overlap are one passage (a sweep over them by where they start: a
 * selection that starts before the passage so far ends joins it); selections that only touch (one ends where the
 * next starts) are not. Notes on a whole paragraph are not on a passage. Grouping by the exact words instead would
 * split one passage's readers among the slightly different selections they made; no grouping crosses a paragraph.
 */
final class PassageGroups {

	private PassageGroups() {
	}

	/**
	 * @param selections each author's notes on each selection (any order; one author may appear on many)
	 * @param blockOrder where a paragraph is in the article, to rank passages with as many readers in the order of the
	 * text
	 * @param limit how many passages at most
	 * @param minReaders how many different readers a passage needs at least
	 * @return the passages with the most different readers, then the most notes, then in the order of the text
	 */
	static List<TopPassage> top(List<Selection> selections, ToIntFunction<String> blockOrder, int limit, int minReaders) {
		Map<String, Map<List<Integer>, Chosen>> byBlock = new LinkedHashMap<>();
		for (Selection selection : selections) {
			byBlock.computeIfAbsent(selection.blockId(), id -> new LinkedHashMap<>())
				.computeIfAbsent(List.of(selection.start(), selection.end()),
						range -> new Chosen(selection.start(), selection.end(), new HashSet<>(), new int[1]))
				.add(selection);
		}
		List<TopPassage> passages = new ArrayList<>();
		byBlock.forEach((blockId, chosen) -> passages.addAll(group(blockId, new ArrayList<>(chosen.values()))));
		return passages.stream()
			.filter(passage -> passage.readers() >= minReaders)
			.sorted(Comparator.comparingInt(TopPassage::readers).reversed()
				.thenComparing(Comparator.comparingInt(TopPassage::notes).reversed())
				.thenComparingInt(passage -> blockOrder.applyAsInt(passage.blockId()))
				.thenComparingInt(TopPassage::start))
			.limit(limit)
			.toList();
	}

	/** The passages of one paragraph: its selections, overlapping ones together. */
	private static List<TopPassage> group(String blockId, List<Chosen> chosen) {
		chosen.sort(Comparator.comparingInt(Chosen::start).thenComparing(Comparator.comparingInt(Chosen::end).reversed()));
		List<TopPassage> passages = new ArrayList<>();
		List<Chosen> passage = new ArrayList<>();
		int end = Integer.MIN_VALUE;
		for (Chosen selection : chosen) {
			if (!passage.isEmpty() && selection.start() >= end) {
				passages.add(passage(blockId, passage));
				passage = new ArrayList<>();
			}
			passage.add(selection);
			end = passage.size() == 1 ? selection.end() : Math.max(end, selection.end());
		}
		if (!passage.isEmpty()) {
			passages.add(passage(blockId, passage));
		}
		return passages;
	}

	/** One passage: its readers and notes over all its selections, shown as the selection most of them chose. */
	private static TopPassage passage(String blockId, List<Chosen> selections) {
		Set<String> readers = new HashSet<>();
		int notes = 0;
		Chosen shown = selections.get(0);
		for (Chosen selection : selections) {
			readers.addAll(selection.authors());
			notes += selection.notes()[0];
			// the selections come by where they start, then longest first: the first with the most readers is shown
			if (selection.authors().size() > shown.authors().size()) {
				shown = selection;
			}
		}
		return new TopPassage(blockId, shown.start(), shown.end(), readers.size(), notes);
	}

	/**
	 * One author's notes on one selection.
	 * @param blockId the paragraph
	 * @param start where the selection starts, in code points
	 * @param end where it ends, exclusive
	 * @param author who wrote on it
	 * @param notes how many public notes and replies they wrote on it
	 */
	record Selection(String blockId, int start, int end, String author, int notes) {
	}

	/** One selection with everyone's notes on it. */
	private record Chosen(int start, int end, Set<String> authors, int[] notes) {

		void add(Selection selection) {
			authors.add(selection.author());
			notes[0] += selection.notes();
		}

	}

}
