package dev.marginalia.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.Placement;
import dev.marginalia.anchoring.ReAnchoring;
import dev.marginalia.content.Article;
import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.internal.AuthorRepository;
import dev.marginalia.notes.internal.NoteReadModel;
import dev.marginalia.notes.internal.NoteTagRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reader may see of the notes: one note, an article's notes by paragraph, the page's bounded view of them,
 * one paragraph's page of them, the API's pages; and who an author is. Reads only.
 */
@Service
public class NoteQueries {

	/** How many threads a page of the notes of one paragraph (or of the orphans) holds. */
	public static final int PARAGRAPH_PAGE = 50;

	private static final String ORPHANS = "\u0000orphans";

	private final NoteReadModel reads;

	private final AuthorRepository authors;

	private final Anchoring anchoring;

	private final NoteTagRepository tags;

	NoteQueries(NoteReadModel reads, AuthorRepository authors, Anchoring anchoring, NoteTagRepository tags) {
		this.reads = reads;
		this.authors = authors;
		this.anchoring = anchoring;
		this.tags = tags;
	}

	/** @return the author holding this secret, with the name they last gave; a new one if never seen */
	@Transactional(readOnly = true)
	public Author author(String secret) {
		String hash = AuthorSecrets.hash(secret);
		return authors.find(hash).orElse(new Author(hash, null));
	}

	/** @return the note, when the viewer may see it (not hidden, nor a reply to a hidden note) */
	@Transactional(readOnly = true)
	public Optional<Note> find(String slug, String id, @Nullable Author viewer) {
		return findSeenBy(slug, id, Viewer.reader(viewer));
	}

	/** @return the note, when the viewer may see it (the moderator sees hidden notes, marked) */
	@Transactional(readOnly = true)
	public Optional<Note> findSeenBy(String slug, String id, Viewer viewer) {
		return reads.find(slug, id)
			.filter(note -> note.isVisibleTo(viewer))
			.filter(note -> viewer.isModerator() || note.parentId() == null
					|| reads.find(slug, note.parentId()).filter(Note::hidden).isEmpty());
	}

	/**
	 * @return the notes on an article that the viewer may see, by the paragraph each is on in the article's
	 * current version (see {@link ReAnchoring}), threads in the order of the text, oldest first among equals; replies go
	 * with their note
	 */
	@Transactional(readOnly = true)
	public ArticleNotes notesOn(Article article, @Nullable Author viewer) {
		return notesSeenBy(article, Viewer.reader(viewer));
	}

	/** {@link #notesOn(Article, Author)}, each paragraph's threads (and the orphans) in the given order */
	@Transactional(readOnly = true)
	public ArticleNotes notesOn(Article article, @Nullable Author viewer, ThreadOrder order) {
		return notesSeenBy(article, Viewer.reader(viewer), order);
	}

	/** {@link #notesSeenBy(Article, Viewer)}, each paragraph's threads (and the orphans) in the given order */
	@Transactional(readOnly = true)
	public ArticleNotes notesSeenBy(Article article, Viewer viewer, ThreadOrder order) {
		return sorted(notesSeenBy(article, viewer), order);
	}

	/** {@link #notesOn(Article, Author)}, for a viewer who may be the moderator (who also sees hidden notes) */
	@Transactional(readOnly = true)
	public ArticleNotes notesSeenBy(Article article, Viewer viewer) {
		List<Note> visible = reads.visibleOn(article.slug(), viewer.authorHash(), viewer.isModerator());
		Map<String, List<Note>> repliesByParent = new LinkedHashMap<>();
		for (Note note : visible) {
			if (note.isReply()) {
				repliesByParent.computeIfAbsent(note.parentId(), key -> new ArrayList<>()).add(note);
			}
		}
		Map<String, List<NoteThread>> threads = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		List<NoteThread> orphans = new ArrayList<>();
		ReAnchoring anchoring = this.anchoring.reAnchoring(article);
		for (Note note : visible) {
			if (note.isReply()) {
				continue;
			}
			List<Note> replies = repliesByParent.getOrDefault(note.id(), List.of());
			if (note.deleted() && replies.isEmpty()) {
				continue;
			}
			NoteThread thread = new NoteThread(note, List.copyOf(replies));
			Optional<Placement> placement = anchoring.place(note.anchor());
			if (placement.isEmpty()) {
				orphans.add(thread);
				continue;
			}
			thread = new NoteThread(note, thread.replies(), placement.get().range());
			String blockId = placement.get().block().id();
			threads.computeIfAbsent(blockId, key -> new ArrayList<>()).add(thread);
			counts.merge(blockId, replies.size() + (note.deleted() ? 0 : 1), Integer::sum);
		}
		Map<String, BlockNotes> byBlock = new LinkedHashMap<>();
		threads.forEach((blockId, list) -> byBlock.put(blockId, new BlockNotes(inTextOrder(list), counts.get(blockId))));
		return new ArticleNotes(Map.copyOf(byBlock), List.copyOf(orphans));
	}

	/**
	 * The threads of one paragraph in the order of its text: notes on the whole paragraph first, then by where each
	 * passage starts now; the sort is stable, so notes on the same place stay oldest first.
	 */
	private static List<NoteThread> inTextOrder(List<NoteThread> threads) {
		return threads.stream()
			.sorted(Comparator.comparingInt(thread -> thread.passage() == null ? -1 : thread.passage().start()))
			.toList();
	}

	/** Every thread of each paragraph, and the orphans, in the given order (the counts as they are). */
	private static ArticleNotes sorted(ArticleNotes notes, ThreadOrder order) {
		if (order == ThreadOrder.DEFAULT) {
			return notes;
		}
		Map<String, BlockNotes> byBlock = new HashMap<>();
		notes.byBlock().forEach((blockId, block) -> byBlock.put(blockId, new BlockNotes(
				block.threads().stream().sorted(order.comparator()).toList(), block.count(), block.threadCount())));
		return new ArticleNotes(Map.copyOf(byBlock), notes.orphans().stream().sorted(order.comparator()).toList(),
				notes.orphanCount(), notes.passages());
	}

	/**
	 * MODERATION: the notes of the moderator's article page (hidden ones too; never kept) in the given order: every
	 * note, the margin's threads chosen as {@link #pageNotes(Article, Author, ThreadOrder)} chooses them.
	 */
	@Transactional(readOnly = true)
	public ArticleNotes moderatorPageNotes(Article article, Viewer viewer, ThreadOrder order) {
		ArticleNotes all = notesSeenBy(article, viewer);
		Map<String, BlockNotes> byBlock = new HashMap<>();
		all.byBlock().forEach((blockId, block) -> byBlock.put(blockId,
				new BlockNotes(margin(block.threads(), order), block.count(), block.threadCount())));
		return new ArticleNotes(Map.copyOf(byBlock), all.orphans().stream().sorted(order.comparator()).toList(),
				all.orphanCount(), all.passages());
	}

	/**
	 * The {@link BlockNotes#SHOWN} threads the margin shows, in the given order: the newest (sorted by the text or
	 * newest first), or those with the most replies (see {@link NoteReadModel#newestThreads} and
	 * {@link NoteReadModel#mostRepliedThreads}, which choose them in the database).
	 */
	private static List<NoteThread> margin(List<NoteThread> threads, ThreadOrder order) {
		Comparator<NoteThread> choice = order.ranksTheMargin() ? order.comparator() : ThreadOrder.NEWEST.comparator();
		return threads.stream().sorted(choice).limit(BlockNotes.SHOWN).sorted(order.comparator()).toList();
	}

	/**
	 * The notes for the article page, bounded whatever their number: per paragraph the counts and the newest
	 * {@link BlockNotes#SHOWN} threads, and the newest {@link ArticleNotes#ORPHANS_SHOWN} orphans, from the
	 * placements stored for the article's version (see {@link ArticleStamps.Stamp#placed}); nothing is re-anchored here.
	 */
	public ArticleNotes pageNotes(Article article, @Nullable Author viewer) {
		return pageNotes(article, viewer, ThreadOrder.DEFAULT);
	}

	/**
	 * {@link #pageNotes(Article, Author)} in the given order: by the text or newest first, the newest threads; by
	 * replies, those with the most replies; by usefulness, those the most readers found useful.
	 */
	public ArticleNotes pageNotes(Article article, @Nullable Author viewer, ThreadOrder order) {
		String viewerHash = viewer == null ? null : viewer.secretHash();
		Map<String, NoteReadModel.BlockCount> counts = new HashMap<>();
		for (NoteReadModel.BlockCount count : reads.counts(article.slug(), viewerHash)) {
			counts.put(count.blockId() == null ? ORPHANS : count.blockId(), count);
		}
		// by replies (or usefulness): candidates, of which the threads with the most replies the viewer sees (or the
		// most useful) are kept
		List<NoteReadModel.PlacedNote> shown = switch (order) {
			case REPLIES -> reads.mostRepliedCandidates(article.slug(), viewerHash, BlockNotes.SHOWN,
					ArticleNotes.ORPHANS_SHOWN);
			case USEFUL -> reads.mostUsefulCandidates(article.slug(), viewerHash, BlockNotes.SHOWN,
					ArticleNotes.ORPHANS_SHOWN);
			case POSITION, NEWEST -> reads.newestThreads(article.slug(), viewerHash, BlockNotes.SHOWN,
					ArticleNotes.ORPHANS_SHOWN);
		};
		Map<String, List<NoteThread>> threads = threads(shown, viewerHash);
		threads.replaceAll((blockId, list) -> list.stream()
			.sorted(order.comparator())
			.limit(blockId.equals(ORPHANS) ? ArticleNotes.ORPHANS_SHOWN : BlockNotes.SHOWN)
			.toList());
		Map<String, BlockNotes> byBlock = new HashMap<>();
		counts.forEach((blockId, count) -> {
			if (!blockId.equals(ORPHANS)) {
				byBlock.put(blockId, new BlockNotes(threads.getOrDefault(blockId, List.of()), count.notes(), count.threads()));
			}
		});
		NoteReadModel.BlockCount orphans = counts.get(ORPHANS);
		Map<String, List<ArticleNotes.PassageAt>> passages = new HashMap<>();
		for (NoteReadModel.PassageRow row : reads.passages(article.slug(), viewerHash)) {
			passages.computeIfAbsent(row.blockId(), key -> new ArrayList<>())
				.add(new ArticleNotes.PassageAt(row.start(), row.end(), row.notes(), row.colour()));
		}
		return new ArticleNotes(Map.copyOf(byBlock), threads.getOrDefault(ORPHANS, List.of()),
				orphans == null ? 0 : orphans.threads(), passages);
	}

	/**
	 * One page of the notes on a paragraph, in the order of the text (where each passage is now), oldest first among equals.
	 * @param blockId the paragraph, or null for the orphaned notes
	 * @param page from 0
	 */
	public BlockNotes paragraphNotes(Article article, @Nullable String blockId, @Nullable Author viewer, int page) {
		return paragraphNotes(article, blockId, viewer, ThreadOrder.DEFAULT, page);
	}

	/**
	 * One page of the notes on a paragraph, in the given order.
	 * @param blockId the paragraph, or null for the orphaned notes
	 * @param page from 0
	 */
	public BlockNotes paragraphNotes(Article article, @Nullable String blockId, @Nullable Author viewer,
			ThreadOrder order, int page) {
		String viewerHash = viewer == null ? null : viewer.secretHash();
		NoteReadModel.BlockCount count = reads.countOn(article.slug(), blockId, viewerHash);
		List<NoteReadModel.PlacedNote> onPage = reads.threadsOn(article.slug(), blockId, viewerHash, order,
				Math.max(0, page) * PARAGRAPH_PAGE, PARAGRAPH_PAGE);
		List<NoteThread> threads = threads(onPage, viewerHash).values().stream().findFirst().orElse(List.of());
		return new BlockNotes(threads, count.notes(), count.threads());
	}

	/** The threads of these notes with their replies, by paragraph (orphans under {@link #ORPHANS}), in the order they come. */
	private Map<String, List<NoteThread>> threads(List<NoteReadModel.PlacedNote> tops, @Nullable String viewerHash) {
		Map<String, List<Note>> replies = new HashMap<>();
		for (Note reply : reads.repliesTo(tops.stream().map(top -> top.note().id()).toList(), viewerHash)) {
			replies.computeIfAbsent(reply.parentId(), key -> new ArrayList<>()).add(reply);
		}
		Map<String, List<NoteThread>> threads = new LinkedHashMap<>();
		for (NoteReadModel.PlacedNote top : tops) {
			List<Note> answers = replies.getOrDefault(top.note().id(), List.of());
			if (top.note().deleted() && answers.isEmpty()) {
				continue;
			}
			String key = top.placement().orphaned() ? ORPHANS : top.placement().blockId();
			threads.computeIfAbsent(key, k -> new ArrayList<>())
				.add(new NoteThread(top.note(), List.copyOf(answers), top.placement().range()));
		}
		return threads;
	}

	/** @return a page of the article's notes and replies the viewer may see, oldest first */
	@Transactional(readOnly = true)
	public List<Note> page(String slug, @Nullable Author viewer, int offset, int limit) {
		return reads.visiblePage(slug, viewer == null ? null : viewer.secretHash(), false, offset, limit);
	}

	/** @return how many notes and replies on the article the viewer may see */
	@Transactional(readOnly = true)
	public int count(String slug, @Nullable Author viewer) {
		return reads.countVisible(slug, viewer == null ? null : viewer.secretHash(), false);
	}

	/**
	 * @return the article's tags with how many notes and replies the viewer may see carry each (public ones not
	 * hidden, and the viewer's own private ones; deleted ones not), the most used first
	 */
	@Transactional(readOnly = true)
	public List<TagCount> tagCounts(String slug, @Nullable Author viewer) {
		return tags.counts(slug, viewer == null ? null : viewer.secretHash());
	}

	/** @throws NoteNotFoundException when there is no such note, or the viewer may not see it */
	Note visible(String slug, @Nullable String id, Author viewer) {
		if (id == null) {
			throw new NoteNotFoundException();
		}
		return find(slug, id, viewer).orElseThrow(NoteNotFoundException::new);
	}

}
