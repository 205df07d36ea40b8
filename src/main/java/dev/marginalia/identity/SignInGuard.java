package dev.marginalia.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import dev.marginalia.limits.TokenBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Protection against guessing the moderator's password: each username, and each network address, may fail
 * {@code failures-before-lockout} times; then sign-ins for it are refused, right password or not, until the
 * lock-out has passed ({@link ModeratorPasswordCheck} asks before it checks a password). A failure is what Spring
 * Security reports as one, an {@link AuthenticationFailureBadCredentialsEvent}: a wrong password or an unknown
 * username. Bucket4j token buckets (one token per failure), in the database on PostgreSQL so that every instance
 * counts the same failures. Usernames are counted whether they exist or not, so that the answers never tell which
 * one does.
 */
@Component
@DependsOnDatabaseInitialization
public class SignInGuard {

	private final TokenBuckets buckets;

	SignInGuard(DataSource dataSource, ModerationProperties properties) {
		int failures = Math.max(1, properties.failuresBeforeLockout());
		this.buckets = new TokenBuckets(dataSource, BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(failures).refillIntervally(failures, properties.lockout()))
			.build());
	}

	/** @return zero when the username and address may try to sign in, else how long until they may */
	Duration wait(String username, String address) {
		return max(waitOf(byUser(username)), waitOf(byAddress(address)));
	}

	/** Counts a failed sign-in against the username and the address it came from. */
	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent failure) {
		byUser(failure.getAuthentication().getName()).tryConsume(1);
		byAddress(ModeratorPasswordCheck.address(failure.getAuthentication())).tryConsume(1);
	}

	/** Forgets every failure (for tests). */
	public void forget() {
		buckets.forget();
	}

	private Bucket byUser(String username) {
		// hashed: any text may be typed as a username, and the key has a bounded length
		String key = DigestUtils.md5DigestAsHex(username.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		return buckets.bucket("sign-in:user:" + key);
	}

	private Bucket byAddress(String address) {
		return buckets.bucket("sign-in:address:" + address);
	}

	private static Duration waitOf(Bucket bucket) {
		EstimationProbe probe = bucket.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

}
