package dev.marginalia.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Gives each {@link OnPostgres} test class's application context a fresh PostgreSQL schema. */
public final class PostgresSchemas implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
		if (!MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).isPresent(OnPostgres.class)) {
			return null;
		}
		return new FreshSchema(testClass);
	}

	/** One per test class, so that classes never share a schema (and never share a context). */
	private record FreshSchema(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
			Map.Entry<String, Map<String, Object>> schema = PostgresDatabase.freshSchema();
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-schema", schema.getValue()));
			context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> PostgresDatabase.drop(schema.getKey()));
		}

	}

}
