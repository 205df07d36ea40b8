package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * A reply that another reader wrote to someone's note, for the notice the note's author gets while they read the
 * article. Who wrote the note and the reply stays in here: a stream asks {@link #isFor} with its own reader, and
 * nothing about any author but the reply's name is sent to any page.
 */
public final class ReplyNotice {

	private final String replyId;

	private final String parentId;

	private final String authorName;

	private final String noteAuthorHash;

	private final String replyAuthorHash;

	/**
	 * @param replyId the reply
	 * @param parentId the note it answers
	 * @param authorName the name the reply's author gave
	 * @param noteAuthorHash who wrote the note
	 * @param replyAuthorHash who wrote the reply
	 */
	public ReplyNotice(String replyId, String parentId, String authorName, String noteAuthorHash,
			String replyAuthorHash) {
		this.replyId = replyId;
		this.parentId = parentId;
		this.authorName = authorName;
		this.noteAuthorHash = noteAuthorHash;
		this.replyAuthorHash = replyAuthorHash;
	}

	public String replyId() {
		return replyId;
	}

	public String parentId() {
		return parentId;
	}

	public String authorName() {
		return authorName;
	}

	/**
	 * @param viewerHash the hash of the author secret of the reader an event stream is for (null: a reader without one)
	 * @return whether that reader wrote the note this answers, and not the reply itself
	 */
	public boolean isFor(@Nullable String viewerHash) {
		return viewerHash != null && viewerHash.equals(noteAuthorHash) && !viewerHash.equals(replyAuthorHash);
	}

	@Override
	public String toString() {
		// never print an author's hash into logs
		return "ReplyNotice[" + replyId + " to " + parentId + "]";
	}

}
