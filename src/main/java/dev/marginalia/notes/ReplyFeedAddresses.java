package dev.marginalia.notes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import dev.marginalia.identity.AuthorSecrets;
import dev.marginalia.notes.internal.ReplyFeedRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The address of an author's feed of replies to their notes: a capability URL, {@code /feeds/replies/{token}}. The
 * token is random (256 bits, made as author secrets are), never the author secret nor anything derived from it or
 * from what other readers see; it is made when the author asks for the feed, replaced when they renew the address and
 * deleted when they stop the feed, and an address no longer current finds nothing (404). Only ever given to the
 * author, on their own "My notes" page.
 */
@Service
public class ReplyFeedAddresses {

	private final ReplyFeedRepository addresses;

	private final Clock clock;

	ReplyFeedAddresses(ReplyFeedRepository addresses, Clock clock) {
		this.addresses = addresses;
		this.clock = clock;
	}

	/** @return the token of the author's feed address, if they asked for one (null author: a reader without a secret) */
	@Transactional(readOnly = true)
	public Optional<String> token(@Nullable Author author) {
		return author == null ? Optional.empty() : addresses.tokenOf(author.secretHash());
	}

	/** Gives the author's feed a new address (a first one if they had none): the old one finds nothing from now on. */
	@Transactional
	public String renew(Author author) {
		String token = AuthorSecrets.newToken();
		addresses.put(author.secretHash(), token, OffsetDateTime.now(clock));
		return token;
	}

	/** Stops the author's feed: its address finds nothing from now on. */
	@Transactional
	public void stop(Author author) {
		addresses.delete(author.secretHash());
	}

}
