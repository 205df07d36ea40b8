package dev.marginalia.database;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/** The page a reader sees while the database cannot serve their request (forwarded to by the bulkhead). */
@Controller
class DatabaseUnavailableController {

	static final String PATH = "/system/database-unavailable";

	@RequestMapping(PATH)
	String unavailable(Model model) {
		model.addAttribute("seconds", DatabaseUnavailableAnswer.RETRY_AFTER_SECONDS);
		return "system/database-unavailable";
	}

}
