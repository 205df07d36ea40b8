package dev.marginalia.notes;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.content.Article;
import dev.marginalia.content.Block;
import dev.marginalia.hashing.Digests;
import dev.marginalia.notes.internal.NoteBodyRenderer;
import dev.marginalia.notes.internal.NoteWriter;
import dev.marginalia.notes.internal.Placements;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Makes a new note or reply from a checked draft and stores it, placed in the version of the article it is on. */
@Component
class NewNotes {

	private final NoteBodyRenderer renderer;

	private final NoteWriter writer;

	private final Placements placements;

	private final Clock clock;

	NewNotes(NoteBodyRenderer renderer, NoteWriter writer, Placements placements, Clock clock) {
		this.renderer = renderer;
		this.writer = writer;
		this.placements = placements;
		this.clock = clock;
	}

	/**
	 * Stores the note; returns once it is committed (or, inside a transaction, once it has joined it).
	 * @param createdAt when it was written (an imported note: when it was first written)
	 * @param now the time of this write
	 * @param givenName the name to remember for the author, or null to keep the one they have
	 */
	Note store(Article article, Block block, @Nullable String parentId, DraftRules.Checked checked, Author author,
			@Nullable TextQuote quote, OffsetDateTime createdAt, OffsetDateTime now,
			@Nullable TargetAsSent asSent, @Nullable String givenName) {
		Note note = new Note(NoteIds.next(now.toInstant()), article.slug(), block.id(), block.position(),
				Digests.sha256Hex(block.text()), block.text(), parentId, author.secretHash(), checked.name(), checked.body(),
				renderer.render(checked.body()), checked.visibility(), createdAt, null, false, 1, quote, false, asSent,
				checked.tags(), quote == null ? null : checked.givenColour());
		return writer.write(note, placements.placeNew(article, note), givenName, now);
	}

	/**
	 * An edited note (or a tombstone): the same note, written anew at {@link #now}; with the tags and the colour of
	 * the draft, or the note's own when the draft gave none.
	 */
	Note edited(Note note, DraftRules.Checked checked) {
		return new Note(note.id(), note.articleSlug(), note.blockId(), note.blockPosition(), note.blockHash(),
				note.blockText(), note.parentId(), note.authorHash(), checked.name(), checked.body(),
				renderer.render(checked.body()), checked.visibility(), note.createdAt(), now(), false, note.version() + 1,
				note.quote(), note.hidden(), note.asSent(), checked.givenTags() == null ? note.tags() : checked.givenTags(),
				checked.givenColour() == null ? note.colour() : checked.givenColour());
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
	}

}
