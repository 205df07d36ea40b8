package dev.marginalia.reading;

import dev.marginalia.notes.Viewer;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Which article pages may be served from what was rendered before: the one place that decides it.
 */
@Component
class PageCacheability {

	/**
	 * A reader who sends no cookie and no credentials is nobody in particular: they get the page everyone
	 * without cookies shares, with no token in it (a write without cookies needs none).
	 */
	boolean isFirstTime(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.COOKIE) == null && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
	}

	/**
	 * Whether this reader's page may be kept and served to them again until the article or its notes change.
	 * Anyone who sees more than their own notes and the public ones (a moderator) must not be served a kept page:
	 * return false for them here.
	 */
	boolean mayKeep(HttpServletRequest request, Viewer viewer) {
		return !viewer.isModerator();
	}

}
