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
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Token buckets by key (Bucket4j), one configuration for all. On PostgreSQL, where several instances may serve
 * one site, the buckets live in the {@code rate_limit_buckets} table (a row lock per key and use), so that a
 * limit holds across every instance. On the embedded database there is one instance, and the buckets live in
 * its memory (a Caffeine cache that forgets a key idle for a day). Each user of this class prefixes its keys. Which
 * database it is, is asked once, here: its users are made after the database is migrated
 * ({@code @DependsOnDatabaseInitialization}), so that a database that comes up after the application still counts.
 */
public final class TokenBuckets {

	private final Function<String, Bucket> buckets;

	private final Runnable forget;

	public TokenBuckets(DataSource dataSource, BucketConfiguration limits) {
		if (isPostgres(dataSource)) {
			ProxyManager<String> shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_buckets")
				.idColumn("id")
				.stateColumn("state")
				.expiresAtColumn("expires_at")
				.build();
			this.buckets = key -> shared.builder().build(key, () -> limits);
			this.forget = () -> new JdbcTemplate(dataSource).update("DELETE FROM rate_limit_buckets");
		}
		else {
			LoadingCache<String, Bucket> local = Caffeine.newBuilder()
				.expireAfterAccess(Duration.ofDays(1))
				.maximumSize(1_000_000)
				.build(key -> {
					var builder = Bucket.builder();
					for (var bandwidth : limits.getBandwidths()) {
						builder.addLimit(bandwidth);
					}
					return builder.build();
				});
			this.buckets = local::get;
			this.forget = local::invalidateAll;
		}
	}

	/** @return the bucket of one key */
	public Bucket bucket(String key) {
		return buckets.apply(key);
	}

	/** Fills every bucket again (on PostgreSQL: every bucket of the table, whoever made it). */
	public void forget() {
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
