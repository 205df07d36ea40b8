package dev.marginalia.moderation;

/** A moderator page asked for while no moderator is configured. */
class ModerationOffException extends RuntimeException {

	ModerationOffException() {
		super("Moderation is off", null, false, false);
	}

}
