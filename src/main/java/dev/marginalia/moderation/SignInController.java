package dev.marginalia.moderation;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.marginalia.identity.IdentityConfigurer;
import dev.marginalia.identity.IncompleteSignInException;
import dev.marginalia.identity.ModeratorAccount;
import dev.marginalia.identity.SignInLockedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * {@code /moderation/sign-in}: a plain form (CSRF token, errors beside their field). Spring Security's form login
 * takes what it sends (see {@link IdentityConfigurer}); a sign-in that fails comes back here to be answered: a
 * wrong password and an unknown username get the same answer, after the same work; after too many failures for
 * the username or the address, sign-ins are refused for a while (429, the wait in the page). A successful sign-in
 * gets a new sign-in cookie and a new CSRF token: nothing from before it survives.
 */
@Controller
class SignInController {

	static final String VIEW = "moderation/sign-in";

	static final int MAX_FIELD = IncompleteSignInException.MAX_FIELD;

	private final ModeratorAccount account;

	SignInController(ModeratorAccount account) {
		this.account = account;
	}

	/** Every page of this controller: 404, "Moderation is off", while no moderator is configured. */
	@ModelAttribute
	void requireOn() {
		if (!account.isOn()) {
			throw new ModerationOffException();
		}
	}

	@GetMapping(IdentityConfigurer.SIGN_IN)
	Object form(HttpServletRequest request, Model model) {
		if (ModeratorAccount.isSignedIn(request)) {
			return redirect(ModerationController.QUEUE);
		}
		return page("", Map.of(), model);
	}

	/** A sign-in that failed, forwarded by Spring Security with why: the form again, with what went wrong. */
	@RequestMapping(IdentityConfigurer.SIGN_IN_FAILED)
	Object failed(HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!(request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException failure)) {
			return redirect(IdentityConfigurer.SIGN_IN);
		}
		String username = request.getParameter("username") == null ? "" : request.getParameter("username").strip();
		if (failure instanceof IncompleteSignInException incomplete) {
			Map<String, String> errors = new LinkedHashMap<>();
			if (incomplete.fields().contains("username")) {
				errors.put("username", "Enter the moderator's username (at most " + MAX_FIELD + " characters).");
			}
			if (incomplete.fields().contains("password")) {
				errors.put("password", "Enter the password (at most " + MAX_FIELD + " characters).");
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(username, errors, model);
		}
		if (failure instanceof SignInLockedException locked) {
			long seconds = Math.max(1, locked.waitFor().toSeconds());
			long minutes = (seconds + 59) / 60;
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			return page(username, Map.of("password", "Too many failed sign-ins: sign-in is locked for this username and "
					+ "address. Try again in " + minutes + (minutes == 1 ? " minute." : " minutes.")), model);
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return page(username, Map.of("password", "That username and password do not match."), model);
	}

	private static String page(String username, Map<String, String> errors, Model model) {
		model.addAttribute("username", username);
		model.addAttribute("errors", errors);
		return VIEW;
	}

	static ModelAndView redirect(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		return new ModelAndView(view);
	}

}
