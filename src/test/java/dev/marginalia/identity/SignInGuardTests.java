package dev.marginalia.identity;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock-out counts what Spring Security reports as a failed sign-in, the events of its authentication manager,
 * in the application's context: wrong passwords and unknown usernames, per username and per address.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.moderation.failures-before-lockout=5")
class SignInGuardTests {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	SignInGuard guard;

	@BeforeEach
	void forget() {
		guard.forget();
	}

	static UsernamePasswordAuthenticationToken attempt(String username, String address) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, "guess");
		attempt.setDetails(new WebAuthenticationDetails(address, null));
		return attempt;
	}

	@Test
	void fiveBadCredentialsLockTheUsernameFromAnywhereAndTheAddressForAnyUsername() {
		for (int i = 0; i < 4; i++) {
			events.publishEvent(new AuthenticationFailureBadCredentialsEvent(attempt("editor", "10.0.0.1"),
					new BadCredentialsException("That username and password do not match.")));
		}
		assertThat(guard.wait("editor", "10.0.0.1")).as("after four").isZero();

		events.publishEvent(new AuthenticationFailureBadCredentialsEvent(attempt("editor", "10.0.0.1"),
				new BadCredentialsException("That username and password do not match.")));

		assertThat(guard.wait("editor", "10.0.0.2")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
		assertThat(guard.wait(" EDITOR", "10.0.0.2")).as("the username as typed").isPositive();
		assertThat(guard.wait("someone", "10.0.0.1")).isPositive();
		assertThat(guard.wait("someone", "10.0.0.2")).isZero();
	}

	@Test
	void otherFailuresAreNotGuesses() {
		for (int i = 0; i < 5; i++) {
			events.publishEvent(new AuthenticationFailureLockedEvent(attempt("editor", "10.0.0.1"),
					new LockedException("Too many failed sign-ins")));
			events.publishEvent(new AuthenticationFailureDisabledEvent(attempt("editor", "10.0.0.1"),
					new DisabledException("Moderation is off")));
		}

		assertThat(guard.wait("editor", "10.0.0.1")).isZero();
	}

}
