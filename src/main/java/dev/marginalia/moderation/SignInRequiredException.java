package dev.marginalia.moderation;

/** A moderator page or action asked for without the moderator's sign-in. */
class SignInRequiredException extends RuntimeException {

	SignInRequiredException() {
		super("Sign in as the moderator", null, false, false);
	}

}
