package dev.marginalia.identity;

import java.util.Date;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentRememberMeToken;
import org.springframework.stereotype.Component;

/**
 * The moderator's sign-ins in Spring Security's {@code persistent_logins} table (created by Flyway, V13), with
 * two more statements: one sign-in ended, and the expired ones dropped. A series is looked up as Spring does, but
 * a database that does not answer is a failure (503, see {@code system.DatabaseBulkhead}), not "no such sign-in":
 * that would end the moderator's sign-in whenever the database blinked.
 */
@Component
final class SignInTokens extends JdbcTokenRepositoryImpl {

	SignInTokens(DataSource dataSource) {
		setDataSource(dataSource);
	}

	@Override
	public @Nullable PersistentRememberMeToken getTokenForSeries(String series) {
		return jdbc().query(DEF_TOKEN_BY_SERIES_SQL, (row, n) -> new PersistentRememberMeToken(row.getString(1),
				row.getString(2), row.getString(3), row.getTimestamp(4)), series).stream().findFirst().orElse(null);
	}

	void removeSeries(String series) {
		jdbc().update("DELETE FROM persistent_logins WHERE series = ?", series);
	}

	void removeSignedInBefore(Date time) {
		jdbc().update("DELETE FROM persistent_logins WHERE last_used < ?", time);
	}

	private JdbcTemplate jdbc() {
		JdbcTemplate jdbc = getJdbcTemplate();
		if (jdbc == null) {
			throw new IllegalStateException("No data source");
		}
		return jdbc;
	}

}
