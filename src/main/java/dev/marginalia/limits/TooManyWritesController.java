package dev.marginalia.limits;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page a reader sees when they write faster than the limits allow (forwarded to by the filter). */
@Controller
class TooManyWritesController {

	static final String PATH = "/limits/too-many-writes";

	@RequestMapping(PATH)
	String tooMany(HttpServletRequest request, Model model) {
		Object seconds = request.getAttribute(WriteLimitFilter.RETRY_AFTER);
		model.addAttribute("seconds", seconds == null ? 60 : seconds);
		return "limits/too-many-writes";
	}

}
