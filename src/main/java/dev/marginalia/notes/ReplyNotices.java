package dev.marginalia.notes;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.marginalia.notes.internal.FeedRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies as notices to the authors of the notes they answer, for the live updates of an open article: a reply is
 * one when it is public and not hidden (a private reply is its own author's, who wrote the private note too). Which
 * reader it is for is decided by each event stream, which knows its reader ({@link ReplyNotice#isFor}).
 */
@Service
public class ReplyNotices {

	private final FeedRepository feeds;

	ReplyNotices(FeedRepository feeds) {
		this.feeds = feeds;
	}

	/**
	 * @return the notices among these replies for the author of the notes they answer (their secret's hash): public
	 * replies on the article that nobody hid, by others; read at once
	 */
	@Transactional(readOnly = true)
	public List<ReplyNotice> to(String slug, Collection<String> replyIds, String authorHash) {
		return feeds.answered(slug, replyIds, authorHash).stream().filter(notice -> notice.isFor(authorHash)).toList();
	}

	/** @return the notice of this reply, when it is a public reply on the article that nobody hid */
	@Transactional(readOnly = true)
	public Optional<ReplyNotice> of(String slug, String replyId) {
		return feeds.answered(slug, replyId);
	}

}
