package dev.marginalia.identity;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The moderator's account. There is no default: without a username and a password hash, moderation is off.
 * @param username {@code marginalia.moderation.username} (env {@code MARGINALIA_MODERATION_USERNAME})
 * @param passwordHash {@code marginalia.moderation.password-hash} (env {@code MARGINALIA_MODERATION_PASSWORD_HASH}):
 * a bcrypt hash, {@code {bcrypt}$2a$...} or as {@code htpasswd -B} prints it ({@code $2y$...})
 * @param signInLifetime how long a sign-in lasts, default 8 hours
 * @param failuresBeforeLockout wrong passwords allowed per username and per address before the lock-out, default 5
 * @param lockout how long the lock-out lasts, default 15 minutes
 */
@ConfigurationProperties("marginalia.moderation")
public record ModerationProperties(@Nullable String username, @Nullable String passwordHash,
		@DefaultValue("8h") Duration signInLifetime, @DefaultValue("5") int failuresBeforeLockout,
		@DefaultValue("15m") Duration lockout) {

	/** @return whether a moderator is configured */
	public boolean enabled() {
		return username != null && !username.isBlank() && passwordHash != null && !passwordHash.isBlank();
	}

}
