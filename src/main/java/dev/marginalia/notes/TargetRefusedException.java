package dev.marginalia.notes;

import dev.marginalia.anchoring.Resolution;

/** A note's target names nothing in the article, or more than one place: nothing is stored, nothing guessed. */
public class TargetRefusedException extends RuntimeException {

	private final Resolution.Refused refusal;

	public TargetRefusedException(Resolution.Refused refusal) {
		super(refusal.message(), null, false, false);
		this.refusal = refusal;
	}

	public Resolution.Refused refusal() {
		return refusal;
	}

}
