package dev.marginalia.notes;

import org.jspecify.annotations.Nullable;

/**
 * What a client that is not a form sent as a note's target, kept so that a round trip loses nothing.
 * @param selector the target's selector as the client wrote it (JSON), or null
 * @param anchoredBy which of its selectors decided where the note went (a chain of types, such as
 * {@code FragmentSelector/TextQuoteSelector}), or null
 * @param canonical the annotation's {@code canonical} IRI, or null
 * @param via the annotation's {@code via} IRI, or null
 */
public record TargetAsSent(@Nullable String selector, @Nullable String anchoredBy, @Nullable String canonical,
		@Nullable String via) {

	/** The longest selector kept (the size of its column). */
	public static final int MAX_SELECTOR = 65_536;

	public static final int MAX_IRI = 2_000;

	/** @return the same, with the selector that decided */
	public TargetAsSent anchoredBy(String decided) {
		return new TargetAsSent(selector, decided, canonical, via);
	}

	public boolean isEmpty() {
		return selector == null && anchoredBy == null && canonical == null && via == null;
	}

}
