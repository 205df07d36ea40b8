package dev.marginalia.system;

import dev.marginalia.system.StaticAssets;
import dev.marginalia.database.DatabaseFailures;
import dev.marginalia.database.DatabaseUnavailableAnswer;
import dev.marginalia.database.DatabaseProperties;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a database that is away (or slow) from taking every request thread. While it does not answer, each
 * request that needs it waits up to the pool's connection timeout ({@code spring.datasource.hikari.connection-timeout});
 * at most {@code marginalia.database.max-concurrent-requests} requests may be inside at once, and any more is
 * answered 503 at once, so that health checks, static files and the article page kept in memory (sent by the
 * shared page filter, ahead of this one) keep their threads. A request that failed because the database is not
 * answering (see {@link DatabaseFailures}) gets the same 503 with {@code Retry-After} instead of a 500, whichever
 * filter or controller it failed in.
 *
 * <p>Static files and {@code /actuator/**} pass by: they need no database (readiness asks the database itself, and
 * answers DOWN when it does not answer).
 */
@Component
@Order(DatabaseBulkhead.ORDER)
class DatabaseBulkhead extends OncePerRequestFilter {

	/** After the shared page (served from memory), before the write limits (kept in the database on PostgreSQL). */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	private static final Logger log = LoggerFactory.getLogger(DatabaseBulkhead.class);

	/** At most one warning per this interval: an outage answers many requests. */
	private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final Semaphore permits;

	private final int maxConcurrent;

	private final StaticAssets assets;

	private final DatabaseUnavailableAnswer answer;

	private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

	DatabaseBulkhead(DatabaseProperties properties, StaticAssets assets, DatabaseUnavailableAnswer answer) {
		this.maxConcurrent = properties.maxConcurrentRequests();
		this.permits = new Semaphore(maxConcurrent);
		this.assets = assets;
		this.answer = answer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/actuator/") || assets.serves(path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!permits.tryAcquire()) {
			warn("{} requests are using or waiting for the database (marginalia.database.max-concurrent-requests): "
					+ "more are answered 503 until some finish", maxConcurrent);
			answer.send(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || !DatabaseFailures.isUnavailable(ex)) {
				throw ex;
			}
			warn("The database is not answering ({}): requests that need it are answered 503 with Retry-After "
					+ "until it is back", DatabaseFailures.reason(ex));
			response.reset();
			answer.send(request, response);
		}
		finally {
			permits.release();
		}
	}

	/** @return how many requests are using or waiting for the database now */
	int inside() {
		return maxConcurrent - permits.availablePermits();
	}

	private void warn(String format, Object argument) {
		long now = System.nanoTime();
		long next = nextWarning.get();
		if (now - next >= 0 && nextWarning.compareAndSet(next, now + WARNING_INTERVAL_NANOS)) {
			log.warn(format, argument);
		}
	}

}
