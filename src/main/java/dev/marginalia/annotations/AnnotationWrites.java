package dev.marginalia.annotations;

import java.util.List;
import java.util.Optional;

import dev.marginalia.anchoring.Anchoring;
import dev.marginalia.anchoring.Resolution;
import dev.marginalia.anchoring.TextQuote;
import dev.marginalia.annotations.AnnotationDraft.InReplyTo;
import dev.marginalia.annotations.AnnotationDraft.Target;
import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.notes.Author;
import dev.marginalia.notes.NewNote;
import dev.marginalia.notes.Note;
import dev.marginalia.notes.NoteCommands;
import dev.marginalia.notes.NoteQueries;
import dev.marginalia.notes.TargetAsSent;
import dev.marginalia.notes.Visibility;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Creating, replacing and deleting notes from annotations: what the protocol adds to {@link NoteCommands}'s rules.
 * Replies take their note's visibility unless told otherwise, and a reply to a private note cannot be public (its
 * target would name the private note to everyone). A PUT that leaves out {@code marginalia:visibility} or
 * {@code creator} keeps them as they were, so that a client that drops properties it does not know can never make
 * a private note public; likewise a PUT whose target leaves out the passage keeps it, and one whose target leaves out
 * {@code styleClass} keeps the highlight colour. A PUT's tags (its bodies with the purpose {@code tagging}) replace
 * the note's: one without any leaves it without tags.
 */
@Component
class AnnotationWrites {

	private static final String VISIBILITY = Vocabulary.VISIBILITY;

	private final NoteCommands commands;

	private final NoteQueries queries;

	private final ArticleLibrary library;

	private final ApiLinks links;

	private final Anchoring anchoring;

	AnnotationWrites(NoteCommands commands, NoteQueries queries, ArticleLibrary library, ApiLinks links, Anchoring anchoring) {
		this.anchoring = anchoring;
		this.commands = commands;
		this.queries = queries;
		this.library = library;
		this.links = links;
	}

	/** @throws ApiProblem 422 when there is no target, a passage that is not in the paragraph, or nothing to reply to */
	Note create(String slug, AnnotationDraft draft, Author author) {
		Target target = draft.target();
		if (target == null) {
			throw ApiProblem.invalid("target", "An annotation needs a target: a paragraph of this article, or an "
					+ "annotation to reply to.");
		}
		if (target instanceof AnnotationDraft.Selected selected) {
			return commands.createOn(slug, selected.selector(), new TargetAsSent(selected.selectorJson(), null,
					draft.canonical(), draft.via()), newNote(draft, draft.creatorName(), draft.visibility()), author);
		}
		if (!(target instanceof InReplyTo reply)) {
			throw new IllegalStateException("Only an import reads a target by IRI");
		}
		String parentId = reply.noteId();
		Note parent = queries.find(slug, parentId, author)
			.orElseThrow(() -> ApiProblem.invalid("target", "There is no annotation "
					+ links.annotation(slug, parentId) + " to reply to, or it is not yours to see."));
		String visibility = draft.visibility() != null ? draft.visibility() : privateThread(parent) ? "private" : "public";
		checkReplyVisibility(parent, visibility);
		return commands.reply(slug, parentId, newNote(draft, draft.creatorName(), visibility), author);
	}

	/**
	 * PUT: the new state of the annotation. Its id, target and motivation cannot change (409).
	 * @param current the note as the client's {@code If-Match} named it
	 */
	Note replace(Note current, AnnotationDraft draft, Author author) {
		String slug = current.articleSlug();
		String id = draft.id();
		if (id != null && !links.noteId(slug, id).map(current.id()::equals).orElse(false)) {
			throw ApiProblem.immutable("id", "The id of an annotation cannot change.");
		}
		checkSameTarget(current, draft);
		String visibility = draft.visibility() != null ? draft.visibility()
				: current.isPrivate() ? "private" : "public";
		String parentId = current.parentId();
		if (parentId != null) {
			queries.find(slug, parentId, author).ifPresent(parent -> checkReplyVisibility(parent, visibility));
		}
		String name = draft.creatorName() != null ? draft.creatorName()
				: Note.ANONYMOUS.equals(current.authorName()) ? null : current.authorName();
		NewNote replacement = newNote(draft, name, visibility);
		commands.validate(replacement); // belt and braces: edit checks the rules too
		return commands.edit(slug, current.id(), replacement, current.version(), author);
	}

	/**
	 * The note the annotation asks for: its text, name, visibility, tags (on a PUT, the tags replace the note's) and
	 * colour (none: the default on a POST, the note's own on a PUT).
	 */
	private static NewNote newNote(AnnotationDraft draft, @Nullable String name, @Nullable String visibility) {
		return new NewNote(draft.body(), name, visibility).withTags(draft.tags()).withColour(draft.colour());
	}

	/** @param current the note as the client's {@code If-Match} named it (or as it is, without one) */
	void delete(Note current, Author author) {
		commands.delete(current.articleSlug(), current.id(), current.version(), author);
	}

	private void checkSameTarget(Note current, AnnotationDraft draft) {
		Target target = draft.target();
		boolean reply = current.isReply();
		if (target != null) {
			boolean same = reply ? target instanceof InReplyTo to && to.noteId().equals(current.parentId())
					: target instanceof AnnotationDraft.Selected selected && isWhereItIs(current, selected);
			if (!same) {
				throw ApiProblem.immutable("target", "The target of an annotation cannot change.");
			}
		}
		String motivation = draft.motivation();
		if (motivation != null && !motivation.equals(reply ? AnnotationDraft.REPLYING : AnnotationDraft.COMMENTING)) {
			throw ApiProblem.immutable("motivation", "A note stays a note and a reply stays a reply.");
		}
	}

	/**
	 * Whether the selectors name where the note is now, or where it was written, or (without a passage) its
	 * paragraph: a client sends back the target it was given, or the one it sent.
	 */
	private boolean isWhereItIs(Note note, AnnotationDraft.Selected selected) {
		if (note.asSent() != null && selected.selectorJson() != null
				&& selected.selectorJson().equals(note.asSent().selector())) {
			return true;
		}
		Optional<Article> article = library.find(note.articleSlug());
		if (article.isEmpty()) {
			return false;
		}
		Resolution resolution = anchoring.resolve(article.get(), selected.selector());
		if (!(resolution instanceof Resolution.Resolved resolved)) {
			return false;
		}
		Optional<Passages.Place> now = Passages.now(note, anchoring.reAnchoring(article.get()));
		List<Passages.Place> places = now.isPresent() ? List.of(Passages.written(note), now.get())
				: List.of(Passages.written(note));
		TextQuote quote = resolved.quote();
		return places.stream().anyMatch(place -> place.blockId().equals(resolved.block().id())
				&& (quote == null || place.quote() != null && place.quote().start() == quote.start()
						&& place.quote().end() == quote.end()));
	}

	private void checkReplyVisibility(Note parent, @Nullable String visibility) {
		if (privateThread(parent) && Visibility.parse(visibility) == Visibility.PUBLIC) {
			throw ApiProblem.invalid(VISIBILITY, "A reply to a private note is private too.");
		}
	}

	/** Whether the note, or the note it replies to (threads are one level deep), is private. */
	private boolean privateThread(Note note) {
		if (note.isPrivate()) {
			return true;
		}
		String parentId = note.parentId();
		return parentId != null && queries.find(note.articleSlug(), parentId, null).isEmpty();
	}

}
