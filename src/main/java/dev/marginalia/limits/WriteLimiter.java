package dev.marginalia.limits;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client (Bucket4j). On PostgreSQL, where several instances may serve one site, the
 * buckets live in the {@code rate_limit_buckets} table (a row lock per client and write), so that the limit
 * holds across every instance. On the embedded database there is one instance, and the buckets live in its
 * memory (a Caffeine cache that forgets a client idle for a day).
 */
@Component
class WriteLimiter {

	private final Function<String, Bucket> buckets;

	private final Runnable forget;

	WriteLimiter(DataSource dataSource, LimitsProperties properties) {
		BucketConfiguration limits = BucketConfiguration.builder()
			.addLimit(limit -> limit.capacity(properties.writesPerMinute())
				.refillGreedy(properties.writesPerMinute(), Duration.ofMinutes(1)))
			.addLimit(limit -> limit.capacity(properties.writesPerDay())
				.refillGreedy(properties.writesPerDay(), Duration.ofDays(1)))
			.build();
		if (isPostgres(dataSource)) {
			ProxyManager<String> shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_buckets")
				.idColumn("id")
				.stateColumn("state")
				.expiresAtColumn("expires_at")
				.build();
			this.buckets = client -> shared.builder().build(client, () -> limits);
			this.forget = () -> new JdbcTemplate(dataSource).update("DELETE FROM rate_limit_buckets");
		}
		else {
			LoadingCache<String, Bucket> local = Caffeine.newBuilder()
				.expireAfterAccess(Duration.ofDays(1))
				.maximumSize(1_000_000)
				.build(client -> Bucket.builder().addLimit(limits.getBandwidths()[0]).addLimit(limits.getBandwidths()[1]).build());
			this.buckets = local::get;
			this.forget = local::invalidateAll;
		}
	}

	/**
	 * Takes one write from the client's allowance.
	 * @return zero when allowed, else how long to wait before the next write is
	 */
	Duration take(String client) {
		ConsumptionProbe probe = buckets.apply("writes:" + client).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	/** Gives every client its full allowance again. */
	void forget() {
		forget.run();
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
