package dev.marginalia.reading;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

/** Gives templates {@link PageTimes} as {@code #times} (Spring Boot adds every dialect bean to Thymeleaf). */
@Component
class PageTimesDialect extends AbstractDialect implements IExpressionObjectDialect {

	private static final String NAME = "times";

	private final PageTimes times = new PageTimes();

	PageTimesDialect() {
		super("marginalia-times");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public @Nullable Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? times : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

}
