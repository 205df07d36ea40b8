package dev.marginalia.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * Runs a Spring test class on a real PostgreSQL server, in a schema of its own that is dropped when its
 * application context closes; skipped with the reason (or failed, where required) when there is no server.
 * Put it on a subclass of a suite to run the same tests on PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresDatabase.class)
@ContextCustomizerFactories(PostgresSchemas.class)
// each class has a context (and a schema) of its own: close it after the class, so its connections go back
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface OnPostgres {
}
