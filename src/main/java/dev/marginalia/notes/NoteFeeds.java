package dev.marginalia.notes;

import java.util.List;
import java.util.Optional;

import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.internal.FeedRepository;
import dev.marginalia.notes.internal.ReplyFeedRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Atom feeds hold: the newest public notes and replies of an article or of one paragraph, and the newest
 * replies other readers wrote to one author's notes (found by the token of the author's feed address, see
 * {@link ReplyFeedAddresses}). Public ones alone, whoever asks: never a private note, a deleted one, or one the
 * moderator hid (nor a reply to a hidden note). At most {@value #ENTRIES} each, newest first.
 */
@Service
public class NoteFeeds {

	/** How many entries a feed holds at most. */
	public static final int ENTRIES = 50;

	private final FeedRepository feeds;

	private final ReplyFeedRepository addresses;

	NoteFeeds(FeedRepository feeds, ReplyFeedRepository addresses) {
		this.feeds = feeds;
		this.addresses = addresses;
	}

	/** @return the article's newest public notes and replies */
	@Transactional(readOnly = true)
	public List<FeedNote> article(Article article) {
		return feeds.newestOn(article.slug(), ENTRIES);
	}

	/** @return the newest public notes on the paragraph (where they are now) and replies to them */
	@Transactional(readOnly = true)
	public List<FeedNote> paragraph(Article article, Block block) {
		return feeds.newestOnBlock(article.slug(), block.id(), ENTRIES);
	}

	/**
	 * @param token the token of a feed address, as it came in the URL (anything)
	 * @return the newest public replies that other readers wrote to the notes of the author whose feed this is;
	 * empty when no feed has this address (never had, renewed or stopped since)
	 */
	@Transactional(readOnly = true)
	public Optional<List<FeedNote>> repliesFor(String token) {
		if (!AuthorSecrets.isWellFormed(token)) {
			return Optional.empty();
		}
		return addresses.authorOf(token).map(author -> feeds.repliesTo(author, ENTRIES));
	}

}
