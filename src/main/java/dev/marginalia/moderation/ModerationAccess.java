package dev.marginalia.moderation;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/** The gate of every moderator page and action: moderation on, and the request signed in as the moderator. */
@Component
class ModerationAccess {

	private final ModeratorCredentials credentials;

	private final ModeratorSessions sessions;

	ModerationAccess(ModeratorCredentials credentials, ModeratorSessions sessions) {
		this.credentials = credentials;
		this.sessions = sessions;
	}

	/** @throws ModerationOffException when no moderator is configured */
	void requireOn() {
		if (!credentials.isOn()) {
			throw new ModerationOffException();
		}
	}

	/**
	 * @throws ModerationOffException when no moderator is configured
	 * @throws SignInRequiredException when the request is not the signed-in moderator's
	 */
	void requireModerator(HttpServletRequest request) {
		requireOn();
		if (!sessions.isModerator(request)) {
			throw new SignInRequiredException();
		}
	}

}
