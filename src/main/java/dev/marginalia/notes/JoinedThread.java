package dev.marginalia.notes;

import dev.marginalia.content.Block;
import dev.marginalia.content.BlockKind;

/**
 * The note of a thread a reply joins, and whether the thread is private (its note, or the reply answered, is). A
 * reply in a private thread is private too: only its author can see the note it answers, and a public reply would
 * name that note, and count, for everyone. Threads are one level deep: a reply to a reply joins its note's thread.
 */
record JoinedThread(Note note, boolean isPrivate) {

	/**
	 * @throws NoteNotFoundException when the note does not exist or is not visible to the author
	 * @throws InvalidNoteException when the thread's note was deleted
	 */
	static JoinedThread of(NoteQueries queries, String slug, String repliedTo, Author author) {
		Note parent = queries.visible(slug, repliedTo, author);
		boolean isPrivate = parent.isPrivate();
		if (parent.isReply()) {
			parent = queries.visible(slug, parent.parentId(), author);
			isPrivate |= parent.isPrivate();
		}
		if (parent.deleted()) {
			throw new InvalidNoteException("parent", "That note was deleted; it takes no new replies.");
		}
		return new JoinedThread(parent, isPrivate);
	}

	DraftRules.Checked rules(DraftRules.Checked reply) {
		return isPrivate ? reply.privately() : reply;
	}

	/** The paragraph the thread's note was written on, which its replies are stored with. */
	Block writtenOn() {
		return new Block(note.blockId(), BlockKind.PARAGRAPH, note.blockPosition(), note.blockText());
	}

}
