package dev.marginalia.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application behaves while its database is away (the pool's own timeouts are
 * {@code spring.datasource.hikari.*}).
 * @param startupWait {@code marginalia.database.startup-wait}: how long a start waits for a database that does not
 * answer yet (retrying, and saying so in the log) before it gives up; default 60 seconds
 * @param maxConcurrentRequests {@code marginalia.database.max-concurrent-requests}: how many requests may use (or
 * wait for) the database at once; more are answered 503 at once, so that waiting for it never takes every request
 * thread. Default 100, half of Tomcat's 200 threads
 */
@ConfigurationProperties("marginalia.database")
public record DatabaseProperties(@DefaultValue("60s") Duration startupWait, @DefaultValue("100") int maxConcurrentRequests) {
}
