package dev.marginalia.database;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Has the database migrated (and waited for, see {@link DatabaseStartupWait}) before the web server is made, instead
 * of from inside its start, where the first filter that needs the database asks for it. A start that gives up on
 * the database then ends with the explanation of {@link DatabaseUnreachableFailureAnalyzer} alone, not with an
 * error naming that filter, nor with warnings about the pool's threads left behind by the web application. It
 * changes nothing in the web server: it is here only to be made, after the migration, before the server.
 */
@Component
@DependsOnDatabaseInitialization
class DatabaseBeforeWebServer implements WebServerFactoryCustomizer<WebServerFactory> {

	@Override
	public void customize(WebServerFactory factory) {
		// nothing: see above
	}

}
