package dev.marginalia.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /moderation/sign-in}: a plain form (CSRF token, errors beside their field). A wrong password and an
 * unknown username get the same answer in the same time; after too many failures for the username or the
 * address, sign-ins are refused for a while (429, the wait in the page). A successful sign-in gets a new token
 * (see {@link ModeratorSessions}) and a new CSRF token: nothing from before it survives.
 */
@Controller
class SignInController {

	static final String PATH = "/moderation/sign-in";

	static final String VIEW = "moderation/sign-in";

	static final int MAX_FIELD = 200;

	/** bcrypt reads at most 72 bytes of a password; Spring Security refuses longer ones. */
	private static final int BCRYPT_MAX_BYTES = 72;

	private final ModerationAccess access;

	private final ModeratorCredentials credentials;

	private final ModeratorSessions sessions;

	private final SignInGuard guard;

	SignInController(ModerationAccess access, ModeratorCredentials credentials, ModeratorSessions sessions,
			SignInGuard guard) {
		this.access = access;
		this.credentials = credentials;
		this.sessions = sessions;
		this.guard = guard;
	}

	@GetMapping(PATH)
	Object form(HttpServletRequest request, Model model) {
		access.requireOn();
		if (sessions.isModerator(request)) {
			return redirect(ModerationController.QUEUE);
		}
		return page("", Map.of(), model);
	}

	@PostMapping(PATH)
	Object signIn(@RequestParam(required = false) @Nullable String username,
			@RequestParam(required = false) @Nullable String password, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		access.requireOn();
		String name = username == null ? "" : username.strip();
		String secret = password == null ? "" : password;
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isEmpty() || name.length() > MAX_FIELD) {
			errors.put("username", "Enter the moderator's username (at most " + MAX_FIELD + " characters).");
		}
		if (secret.isEmpty() || secret.length() > MAX_FIELD) {
			errors.put("password", "Enter the password (at most " + MAX_FIELD + " characters).");
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(name, errors, model);
		}
		Duration wait = guard.wait(name, request.getRemoteAddr());
		if (!wait.isZero()) {
			long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
			return page(name, Map.of("password", "Too many failed sign-ins: sign-in is locked for this username and "
					+ "address. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")), model);
		}
		boolean tooLong = secret.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES;
		// an over-long password is checked as an empty one: the same work, and no match
		if (!credentials.matches(name, tooLong ? "" : secret) || tooLong) {
			guard.failed(name, request.getRemoteAddr());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(name, Map.of("password", "That username and password do not match."), model);
		}
		sessions.start(request, response);
		clearCsrfToken(request, response);
		return redirect(ModerationController.QUEUE);
	}

	@PostMapping("/moderation/sign-out")
	ModelAndView signOut(HttpServletRequest request, HttpServletResponse response) {
		sessions.end(request, response);
		clearCsrfToken(request, response);
		return redirect("/");
	}

	private static String page(String username, Map<String, String> errors, Model model) {
		model.addAttribute("username", username);
		model.addAttribute("errors", errors);
		return VIEW;
	}

	/** The CSRF token of before the sign-in (or sign-out) is dropped: the next page gets a new one. */
	private static void clearCsrfToken(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from("XSRF-TOKEN", "")
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path("/")
			.maxAge(0)
			.build()
			.toString());
	}

	static ModelAndView redirect(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(view);
	}

}
