package dev.marginalia.identity;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/** A sign-in while its username or address is locked out ({@link SignInGuard}): refused, right password or not. */
public final class SignInLockedException extends LockedException {

	private final Duration wait;

	SignInLockedException(Duration wait) {
		super("Too many failed sign-ins");
		this.wait = wait;
	}

	/** @return how long until the username and address may try again */
	public Duration waitFor() {
		return wait;
	}

}
