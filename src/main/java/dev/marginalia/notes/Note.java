package dev.marginalia.notes;

import java.time.OffsetDateTime;
import java.util.List;

import dev.marginalia.anchoring.Anchor;
import dev.marginalia.anchoring.TextQuote;
import org.jspecify.annotations.Nullable;

/**
 * A note on a paragraph, or a reply to one. The author's secret hash never leaves this package: callers ask
 * {@link #isBy(Author)}.
 * @param id unguessable, URL-safe
 * @param articleSlug the article
 * @param blockId the paragraph's id when the note was written
 * @param blockPosition the paragraph's position then
 * @param blockHash SHA-256 of the paragraph's text then
 * @param blockText the paragraph's text then
 * @param parentId the note this replies to, or null
 * @param authorName the display name given, "Anonymous" when none
 * @param body the Markdown the author wrote
 * @param bodyHtml the body rendered by the server's safe renderer
 * @param visibility public or private
 * @param createdAt when written
 * @param editedAt when last edited, or null
 * @param deleted a deleted note kept as a tombstone because it has replies
 * @param version incremented by every edit, for conflict detection
 * @param quote for a note on a passage, the passage as it was written on; null for a whole paragraph
 * @param hidden hidden by the moderator: shown to the moderator alone (with the replies under it)
 * @param asSent what a client of the annotation protocol sent as the target; null for notes from the forms
 * @param tags its tags as written, in their order (see {@link NoteTags}); immutable
 * @param colour the highlight colour its author chose for its passage; null for the default, and for a note that is
 * not on a passage (see {@link #highlight})
 * @param useful how many readers found it useful (see {@link NoteReactions}); read with the note, never written with it
 */
public record Note(String id, String articleSlug, String blockId, int blockPosition, String blockHash, String blockText,
		@Nullable String parentId, String authorHash, String authorName, String body, String bodyHtml,
		Visibility visibility, OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, boolean deleted,
		int version, @Nullable TextQuote quote, boolean hidden, @Nullable TargetAsSent asSent, List<String> tags,
		@Nullable HighlightColour colour, int useful) {

	public Note {
		tags = List.copyOf(tags);
	}

	/** A note no reader has found useful (yet). */
	public Note(String id, String articleSlug, String blockId, int blockPosition, String blockHash, String blockText,
			@Nullable String parentId, String authorHash, String authorName, String body, String bodyHtml,
			Visibility visibility, OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, boolean deleted,
			int version, @Nullable TextQuote quote, boolean hidden, @Nullable TargetAsSent asSent, List<String> tags,
			@Nullable HighlightColour colour) {
		this(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName, body, bodyHtml,
				visibility, createdAt, editedAt, deleted, version, quote, hidden, asSent, tags, colour, 0);
	}

	/** A note without a colour of its own. */
	public Note(String id, String articleSlug, String blockId, int blockPosition, String blockHash, String blockText,
			@Nullable String parentId, String authorHash, String authorName, String body, String bodyHtml,
			Visibility visibility, OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, boolean deleted,
			int version, @Nullable TextQuote quote, boolean hidden, @Nullable TargetAsSent asSent, List<String> tags) {
		this(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName, body, bodyHtml,
				visibility, createdAt, editedAt, deleted, version, quote, hidden, asSent, tags, null);
	}

	/** A note without tags. */
	public Note(String id, String articleSlug, String blockId, int blockPosition, String blockHash, String blockText,
			@Nullable String parentId, String authorHash, String authorName, String body, String bodyHtml,
			Visibility visibility, OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, boolean deleted,
			int version, @Nullable TextQuote quote, boolean hidden, @Nullable TargetAsSent asSent) {
		this(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName, body, bodyHtml,
				visibility, createdAt, editedAt, deleted, version, quote, hidden, asSent, List.of());
	}

	/** A note without a client's target. */
	public Note(String id, String articleSlug, String blockId, int blockPosition, String blockHash, String blockText,
			@Nullable String parentId, String authorHash, String authorName, String body, String bodyHtml,
			Visibility visibility, OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, boolean deleted,
			int version, @Nullable TextQuote quote, boolean hidden) {
		this(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName, body, bodyHtml,
				visibility, createdAt, editedAt, deleted, version, quote, hidden, null);
	}

	public static final String ANONYMOUS = "Anonymous";

	/** A note as written: not hidden. */
	public Note(String id, String articleSlug, String blockId, int blockPosition, String blockHash, String blockText,
			@Nullable String parentId, String authorHash, String authorName, String body, String bodyHtml,
			Visibility visibility, OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, boolean deleted,
			int version, @Nullable TextQuote quote) {
		this(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName, body, bodyHtml,
				visibility, createdAt, editedAt, deleted, version, quote, false);
	}

	/** A note on a whole paragraph. */
	public Note(String id, String articleSlug, String blockId, int blockPosition, String blockHash, String blockText,
			@Nullable String parentId, String authorHash, String authorName, String body, String bodyHtml,
			Visibility visibility, OffsetDateTime createdAt, @Nullable OffsetDateTime editedAt, boolean deleted,
			int version) {
		this(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName, body, bodyHtml,
				visibility, createdAt, editedAt, deleted, version, null);
	}

	/** @return the same note with these tags */
	public Note withTags(List<String> tags) {
		return new Note(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName,
				body, bodyHtml, visibility, createdAt, editedAt, deleted, version, quote, hidden, asSent, tags, colour, useful);
	}

	/** @return the same note with this count of readers who found it useful */
	public Note withUseful(int useful) {
		return new Note(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName,
				body, bodyHtml, visibility, createdAt, editedAt, deleted, version, quote, hidden, asSent, tags, colour, useful);
	}

	/** @return whether readers may find it useful: a public note or reply, neither hidden nor deleted */
	public boolean takesReactions() {
		return visibility == Visibility.PUBLIC && !hidden && !deleted;
	}

	/** @return the same note with this highlight colour (null: the default) */
	public Note withColour(@Nullable HighlightColour colour) {
		return new Note(id, articleSlug, blockId, blockPosition, blockHash, blockText, parentId, authorHash, authorName,
				body, bodyHtml, visibility, createdAt, editedAt, deleted, version, quote, hidden, asSent, tags, colour, useful);
	}

	/** @return how its passage is highlighted: its colour, or the default; null for a note that is not on a passage */
	public @Nullable HighlightColour highlight() {
		return quote == null ? null : colour != null ? colour : HighlightColour.DEFAULT;
	}

	/** @return where the note was written, for re-anchoring */
	public Anchor anchor() {
		return new Anchor(blockId, blockPosition, blockText, quote);
	}

	public boolean isReply() {
		return parentId != null;
	}

	public boolean isPrivate() {
		return visibility == Visibility.PRIVATE;
	}

	/** @return whether the given reader wrote this note */
	public boolean isBy(@Nullable Author author) {
		return author != null && author.secretHash().equals(authorHash);
	}

	/**
	 * @return whether the given reader (null: nobody in particular) may see this note on its own (a reply is also
	 * hidden with the note it answers: see {@link NoteQueries#find})
	 */
	public boolean isVisibleTo(@Nullable Author author) {
		return !hidden && (visibility == Visibility.PUBLIC || isBy(author));
	}

	/** @return whether the viewer may see this note on its own: the moderator sees hidden ones too */
	public boolean isVisibleTo(Viewer viewer) {
		return viewer.isModerator() ? visibility == Visibility.PUBLIC || isBy(viewer.author()) : isVisibleTo(viewer.author());
	}

	/** @return the last time the note changed */
	public OffsetDateTime modifiedAt() {
		return editedAt != null ? editedAt : createdAt;
	}

	@Override
	public String toString() {
		// never print the author's hash or the body into logs
		return "Note[" + id + " on " + articleSlug + "#" + blockId + ", v" + version + "]";
	}

}
