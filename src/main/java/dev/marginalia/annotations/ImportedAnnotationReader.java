package dev.marginalia.annotations;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marginalia.annotations.AnnotationDraft.Imported;
import dev.marginalia.annotations.AnnotationDraft.OnParagraph;
import dev.marginalia.annotations.AnnotationDraft.Passage;
import dev.marginalia.annotations.AnnotationDraft.WrittenOn;
import dev.marginalia.annotations.SelectorJson.Selectors;
import dev.marginalia.notes.NoteImports;
import dev.marginalia.notes.TargetAsSent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an import reads of an annotation beyond what a client writes ({@link AnnotationReader#readImported}): the
 * target as this server exports it (the paragraph's FragmentSelector, refined by the passage's TextQuoteSelector
 * and TextPositionSelector), and the server-managed properties ({@link ManagedJson}): when it was written, where,
 * whether it is orphaned or deleted, and what its client sent.
 */
final class ImportedAnnotationReader {

	/** The longest {@code marginalia:anchoredBy} taken. */
	private static final int MAX_ANCHORED_BY = 200;

	private ImportedAnnotationReader() {
	}

	/**
	 * The paragraph (and passage) a target's selector names: one FragmentSelector, optionally refined.
	 * @param selector the target's selector as sent, or null
	 * @return the paragraph, or null after an error
	 */
	static @Nullable OnParagraph onParagraph(@Nullable JsonNode selector, Map<String, String> errors) {
		String path = "target.selector";
		Selectors selectors = selector == null ? null : exported(selector, path, errors);
		SelectorJson one = selectors == null ? null : single(selectors, path, errors);
		if (one == null) {
			if (!JsonBinding.hasProblems(errors, path)) {
				errors.put(selectors == null ? path : path + ".type", selectors == null
						? "Name the paragraph with a FragmentSelector." : ManagedJson.WrittenOn.FRAGMENT);
			}
			return null;
		}
		if (!(one instanceof SelectorJson.Fragment fragment)) {
			errors.put(path + ".type", ManagedJson.WrittenOn.FRAGMENT);
			return null;
		}
		String blockId = paragraph(fragment.conformsTo(), fragment.value(), path, errors);
		if (blockId == null) {
			return null;
		}
		return new OnParagraph(blockId, passage(fragment.refinedBy(), path + ".refinedBy", errors));
	}

	/**
	 * The selector of a passage note as this server exports it (two alternatives: the paragraph refined by the quote,
	 * and refined by the position), read back as one FragmentSelector (the first) refined by both, each problem in
	 * them where it is in that one; anything else as it is.
	 */
	private static @Nullable Selectors exported(JsonNode selector, String path, Map<String, String> errors) {
		Map<String, String> problems = new LinkedHashMap<>();
		Selectors selectors = JsonBinding.bind(selector, Selectors.class, path, problems);
		Selectors merged = selectors == null ? null : merged(selectors);
		if (merged == selectors) {
			problems.forEach(errors::putIfAbsent);
			return merged;
		}
		String refinement = "^" + Pattern.quote(path) + "\\[([01])\\]\\.refinedBy";
		problems.forEach((at, message) -> {
			if (!JsonBinding.isUnder(at, path + "[1]") || JsonBinding.isUnder(at, path + "[1].refinedBy")) {
				errors.putIfAbsent(at.replaceFirst(refinement, Matcher.quoteReplacement(path) + ".refinedBy[$1]"),
						message);
			}
		});
		return merged;
	}

	private static Selectors merged(Selectors selectors) {
		if (!selectors.list() || selectors.selectors().size() != 2 || !(fragment(selectors.selectors().get(0)) instanceof
				SelectorJson.Fragment quote) || !(fragment(selectors.selectors().get(1)) instanceof
						SelectorJson.Fragment position) || quote.value() == null || !quote.value().equals(position.value())
				|| quote.refinedBy() == null || position.refinedBy() == null) {
			return selectors;
		}
		Selectors both = Selectors.many(List.of(quote.refinedBy(), position.refinedBy()));
		return Selectors.one(new SelectorJson.Fragment(quote.conformsTo(), quote.value(), both));
	}

	private static @Nullable SelectorJson fragment(@Nullable Selectors selectors) {
		return selectors == null ? null : selectors.selector();
	}

	/**
	 * The one selector, alone or in a list of one.
	 * @return null when there is not one, or it is not a selector (each reported)
	 */
	private static @Nullable SelectorJson single(Selectors selectors, String path, Map<String, String> errors) {
		if (!selectors.list()) {
			return selectors.selector();
		}
		if (selectors.selectors().size() != 1) {
			errors.keySet().removeIf(at -> JsonBinding.isUnder(at, path)); // what is in them does not matter
			errors.put(path, "This server takes exactly one " + path + ".");
			return null;
		}
		Selectors one = selectors.selectors().get(0);
		return one == null ? null : one.selector();
	}

	/** The paragraph's id in a FragmentSelector (Data Model §4.2.1), or null after an error. */
	private static @Nullable String paragraph(@Nullable String conformsTo, @Nullable String id, String path,
			Map<String, String> errors) {
		SelectorReader.checkConformsTo(conformsTo, path, errors);
		if (errors.containsKey(path + ".conformsTo")) {
			return null;
		}
		if (id == null || id.isBlank()) {
			errors.putIfAbsent(path + ".value", ManagedJson.WrittenOn.PARAGRAPH_ID);
			return null;
		}
		if (id.length() > NoteImports.MAX_BLOCK_ID) {
			errors.put(path + ".value", "A paragraph id has at most " + NoteImports.MAX_BLOCK_ID + " characters.");
			return null;
		}
		return id;
	}

	/**
	 * The passage refining a paragraph's FragmentSelector (Data Model §4.2.9): a TextQuoteSelector, a
	 * TextPositionSelector, or an array of both, which are then alternatives selecting the same text. Only
	 * {@code exact}, {@code start} and {@code end} are used: the server takes prefix and suffix from the paragraph.
	 * @return the passage, or null without one or after an error
	 */
	private static @Nullable Passage passage(@Nullable Selectors refinedBy, String path, Map<String, String> errors) {
		if (refinedBy == null) {
			return null;
		}
		List<Selectors> items = refinedBy.list() ? refinedBy.selectors() : List.of(refinedBy);
		if (items.isEmpty() || items.size() > 2) {
			errors.put(path, "A passage is a TextQuoteSelector, a TextPositionSelector, or an array of both.");
			return null;
		}
		String exact = null;
		Integer start = null;
		Integer end = null;
		String quotePath = null;
		String positionPath = null;
		for (int i = 0; i < items.size(); i++) {
			String at = refinedBy.list() ? path + "[" + i + "]" : path;
			SelectorJson selector = items.get(i) == null ? null : items.get(i).selector();
			if (selector == null) {
				errors.putIfAbsent(at, "A selector is an object with a type.");
				continue;
			}
			if (selector.refinedBy() != null) {
				errors.put(at + ".refinedBy", "A passage's selector is not refined further.");
			}
			if (selector instanceof SelectorJson.TextQuote quote) {
				if (quotePath != null) {
					errors.put(at, "Give one TextQuoteSelector.");
					continue;
				}
				quotePath = at;
				exact = exact(quote.exact(), at, errors);
			}
			else if (selector instanceof SelectorJson.TextPosition position) {
				if (positionPath != null) {
					errors.put(at, "Give one TextPositionSelector.");
					continue;
				}
				positionPath = at;
				start = position(position.start(), "start", at, errors);
				end = position(position.end(), "end", at, errors);
				if (start != null && end != null && end <= start) {
					errors.put(at + ".end", "The end comes after the start: a passage has at least one character.");
				}
			}
			else {
				errors.put(at + ".type", "A passage is selected by a TextQuoteSelector or a TextPositionSelector.");
			}
		}
		if (JsonBinding.hasProblems(errors, path)) {
			return null;
		}
		return new Passage(exact, start, end, quotePath == null ? path : quotePath,
				positionPath == null ? path : positionPath);
	}

	private static @Nullable String exact(@Nullable String exact, String path, Map<String, String> errors) {
		if (exact == null) {
			errors.putIfAbsent(path + ".exact", "The exact words of the passage, a string.");
			return null;
		}
		if (Passages.normalise(exact).isEmpty()) {
			errors.put(path + ".exact", "The passage's words cannot be empty.");
			return null;
		}
		return exact;
	}

	/** TextPositionSelector (Data Model §4.2.5): start and end are non-negative integers. */
	private static @Nullable Integer position(@Nullable Integer value, String member, String path,
			Map<String, String> errors) {
		if (value == null || value < 0) {
			errors.putIfAbsent(path + "." + member, "The " + member
					+ " is a whole number from 0: a position in the paragraph's text, in Unicode code points.");
			return null;
		}
		return value;
	}

	/**
	 * What the client that first wrote the note sent, kept through an export and an import: its selector, which of
	 * them decided, and the annotation's {@code canonical} and {@code via}.
	 * @return null when there is none of them
	 */
	static @Nullable TargetAsSent asSent(ManagedJson.@Nullable Target target, @Nullable String canonical,
			@Nullable String via, Map<String, String> errors) {
		String selector = null;
		String anchoredBy = null;
		if (target != null) {
			JsonNode sent = target.selectorAsSent();
			selector = sent == null || sent.isNull() || sent.toString().length() > TargetAsSent.MAX_SELECTOR ? null
					: sent.toString();
			anchoredBy = target.anchoredBy();
			if (anchoredBy != null && anchoredBy.length() > MAX_ANCHORED_BY) {
				errors.put("target." + Vocabulary.ANCHORED_BY, "At most " + MAX_ANCHORED_BY + " characters.");
			}
		}
		return selector == null && anchoredBy == null && canonical == null && via == null ? null
				: new TargetAsSent(selector, anchoredBy, canonical, via);
	}

	/**
	 * What an import keeps beyond what a client writes: {@code created} (an xsd:dateTime with its time zone),
	 * {@code marginalia:deleted}, and on the target {@code marginalia:orphaned} and {@code marginalia:writtenOn}.
	 */
	static Imported imported(ManagedJson managed, @Nullable TargetAsSent asSent, Map<String, String> errors) {
		OffsetDateTime created = null;
		if (managed.created() != null) {
			try {
				created = OffsetDateTime.parse(managed.created());
			}
			catch (DateTimeParseException ex) {
				errors.put("created", ManagedJson.CREATED);
			}
		}
		ManagedJson.Target target = managed.oneTarget();
		boolean orphaned = target != null && Boolean.TRUE.equals(target.orphaned());
		WrittenOn writtenOn = target == null || target.writtenOn() == null ? null
				: writtenOn(target.writtenOn(), "target." + Vocabulary.WRITTEN_ON, errors);
		return new Imported(created, writtenOn, orphaned, Boolean.TRUE.equals(managed.deleted()), asSent);
	}

	/** The selector a note was written with, and the paragraph's text then. */
	private static @Nullable WrittenOn writtenOn(ManagedJson.WrittenOn value, String path,
			Map<String, String> errors) {
		String blockId = null;
		if (!Vocabulary.FRAGMENT_SELECTOR.equals(value.type())) {
			errors.putIfAbsent(path + ".type", ManagedJson.WrittenOn.FRAGMENT);
		}
		else {
			blockId = paragraph(value.conformsTo(), value.value(), path, errors);
		}
		String text = value.paragraphText();
		String textPath = path + "." + Vocabulary.PARAGRAPH_TEXT;
		if (text == null || text.isBlank()) {
			errors.putIfAbsent(textPath, "The paragraph's text, a string.");
			return null;
		}
		if (text.length() > NoteImports.MAX_BLOCK_TEXT) {
			errors.put(textPath, "A paragraph's text has at most " + NoteImports.MAX_BLOCK_TEXT + " characters.");
			return null;
		}
		Passage passage = passage(writtenPassage(value, path + ".refinedBy", errors), path + ".refinedBy", errors);
		return blockId == null ? null : new WrittenOn(blockId, text, passage, path);
	}

	/**
	 * The passage's selectors of {@code marginalia:writtenOn}: its {@code refinedBy}, and with it, when both are
	 * objects, the TextPositionSelector in {@code marginalia:position} (the two alternatives they are).
	 */
	private static @Nullable Selectors writtenPassage(ManagedJson.WrittenOn value, String path,
			Map<String, String> errors) {
		JsonNode refinedBy = value.refinedBy();
		JsonNode position = value.position();
		if (refinedBy == null || refinedBy.isNull()) {
			return null;
		}
		if (refinedBy.isObject() && position != null && position.isObject()) {
			List<Selectors> both = new ArrayList<>();
			both.add(Selectors.one(JsonBinding.bind(refinedBy, SelectorJson.class, path + "[0]", errors)));
			both.add(Selectors.one(JsonBinding.bind(position, SelectorJson.class, path + "[1]", errors)));
			return Selectors.many(both);
		}
		return JsonBinding.bind(refinedBy, Selectors.class, path, errors);
	}

}
