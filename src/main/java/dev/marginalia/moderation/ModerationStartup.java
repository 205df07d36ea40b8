package dev.marginalia.moderation;

import dev.marginalia.identity.ModerationProperties;
import dev.marginalia.identity.ModeratorAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says at start-up whether moderation is on, and if not, how to turn it on. */
@Component
class ModerationStartup {

	private static final Logger log = LoggerFactory.getLogger(ModerationStartup.class);

	private final ModerationProperties properties;

	private final ModeratorAccount account;

	ModerationStartup(ModerationProperties properties, ModeratorAccount account) {
		this.properties = properties;
		this.account = account;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		if (account.isOn()) {
			log.info("Moderation is on: the moderator signs in at /moderation/sign-in");
			return;
		}
		if (properties.enabled()) {
			log.error("Moderation is OFF: marginalia.moderation.password-hash is not a bcrypt hash "
					+ "(expected {bcrypt}$2a$... or $2y$... as htpasswd -B prints it)");
		}
		else {
			log.warn("Moderation is off: no moderator is configured. To turn it on, set "
					+ "MARGINALIA_MODERATION_USERNAME and MARGINALIA_MODERATION_PASSWORD_HASH "
					+ "(or marginalia.moderation.username and marginalia.moderation.password-hash) to a username and "
					+ "a bcrypt hash of the password. Make the hash with: java -jar marginalia.jar hash-password "
					+ "(reads the password, prints the hash), or: htpasswd -bnBC 12 \"\" 'the password' | tr -d ':\\n'");
		}
	}

}
