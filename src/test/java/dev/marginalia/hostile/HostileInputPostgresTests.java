package dev.marginalia.hostile;

import java.util.stream.Stream;

import dev.marginalia.support.OnPostgres;

/**
 * The inputs that reach the database (SQL strings, sizes, control characters and encodings, JSON, imports, the
 * cross-author and CSRF cases; script injection is rendered the same whatever the database) again on a real PostgreSQL server, which is stricter than H2 about what a text
 * column takes.
 */
@OnPostgres
class HostileInputPostgresTests extends HostileInputTests {

	@Override
	Stream<Case> cases() {
		return super.cases().filter(hostile -> hostile.category().startsWith("SQL")
				|| hostile.category().startsWith("size") || hostile.category().startsWith("JSON")
				|| hostile.category().startsWith("import") || hostile.category().startsWith("cross-author")
				|| hostile.category().startsWith("moderation"))
			.map(hostile -> new Case(hostile.category() + " (PostgreSQL)", hostile.name(), hostile.probe()));
	}

}
