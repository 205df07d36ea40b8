package dev.marginalia.notes;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request carries the moderator's sign-in (the moderation package answers). */
public interface ModeratorCheck {

	boolean isModerator(HttpServletRequest request);

}
