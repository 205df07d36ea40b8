package dev.marginalia.limits;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client (Bucket4j through {@link TokenBuckets}): shared by every instance on PostgreSQL, in
 * memory on the embedded database.
 */
@Component
@DependsOnDatabaseInitialization
class WriteLimiter {

	private final TokenBuckets buckets;

	WriteLimiter(DataSource dataSource, LimitsProperties properties) {
		this.buckets = new TokenBuckets(dataSource, BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(properties.writesPerMinute())
				.refillGreedy(properties.writesPerMinute(), Duration.ofMinutes(1)))
			.addLimit(limit -> limit.capacity(properties.writesPerDay())
				.refillGreedy(properties.writesPerDay(), Duration.ofDays(1)))
			.build());
	}

	/**
	 * Takes one write from the client's allowance.
	 * @return zero when allowed, else how long to wait before the next write is
	 */
	Duration take(String client) {
		ConsumptionProbe probe = buckets.bucket("writes:" + client).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** Gives every client its full allowance again. */
	void forget() {
		buckets.forget();
	}

}
