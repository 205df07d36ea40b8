package dev.marginalia.notes.internal;

import dev.marginalia.anchoring.Anchor;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.hashing.Digests;

/**
 * A digest of where a note was written: notes with the same key are placed the same way in any version of the
 * article (re-anchoring looks at nothing else), so a re-anchoring run places each key once.
 */
public final class AnchorKeys {

	private AnchorKeys() {
	}

	public static String of(Anchor anchor, String blockHash) {
		StringBuilder key = new StringBuilder().append(anchor.blockId()).append('\u0000').append(anchor.blockPosition())
			.append('\u0000').append(blockHash);
		TextQuote quote = anchor.quote();
		if (quote != null) {
			key.append('\u0000').append(quote.exact()).append('\u0000').append(quote.prefix()).append('\u0000')
				.append(quote.suffix()).append('\u0000').append(quote.start()).append('\u0000').append(quote.end());
		}
		return Digests.sha256Hex(16, key.toString());
	}

}
