package dev.marginalia.annotations;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;

import org.springframework.core.annotation.AnnotationUtils;

/**
 * Binds the JSON a client sent to our records (Jackson) and checks their rules (Bean Validation), every problem by
 * the JSON path of its value ({@code target.selector.refinedBy[1].start}; {@code $} for the value itself).
 *
 * <p>Binding is strict about JSON types (no number read as a string, no string or fraction read as a whole
 * number, no string read as true or false) and goes on after a value of the wrong type: that value is left null
 * and the problem recorded with the {@link WrongType} message of its property or type, so that a client hears of
 * every problem at once, as it would from a person reading its JSON. Properties we do not know are ignored (Data
 * Model §6: implementations MUST ignore unfamiliar properties).
 */
final class JsonBinding {

	/** Where the problems of one binding go: an attribute of that one read. */
	private static final Object PROBLEMS = new Object();

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.withCoercionConfigDefaults(config -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
			.setAcceptBlankAsEmpty(false))
		.withCoercionConfig(LogicalType.Textual, config -> config.setCoercion(CoercionInputShape.Integer,
				CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
		.addModule(new SimpleModule("problems").setDeserializerModifier(new Recording.Modifier()))
		.build();

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	private JsonBinding() {
	}

	/**
	 * @param json the value, as parsed
	 * @param path the value's JSON path in what the client sent ({@code $} or empty for the whole of it)
	 * @param errors where every problem goes, by JSON path (a problem already there stays)
	 * @return the value bound, with null wherever a value had the wrong type; null when the value itself had it
	 */
	static <T> @Nullable T bind(JsonNode json, Class<T> type, String path, Map<String, String> errors) {
		Map<String, String> problems = new LinkedHashMap<>();
		T value = MAPPER.readerFor(type).withAttribute(PROBLEMS, problems).treeToValue(json, type);
		problems.forEach((at, message) -> errors.putIfAbsent(join(path, at), message));
		return value;
	}

	/**
	 * Checks the Bean Validation constraints of one record (not of the records in it), each problem at the path of
	 * its property; for a property that breaks several, the one a person should hear first (null, then too long).
	 */
	static void validate(Object value, String path, Map<String, String> errors, Class<?>... groups) {
		VALIDATOR.validate(value, groups)
			.stream()
			.sorted(Comparator.<ConstraintViolation<Object>, String>comparing(v -> v.getPropertyPath().toString())
				.thenComparingInt(JsonBinding::rank))
			.forEach(v -> errors.putIfAbsent(join(path, v.getPropertyPath().toString()), v.getMessage()));
	}

	private static int rank(ConstraintViolation<?> violation) {
		Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
		return constraint == NotNull.class ? 0 : constraint == Size.class ? 1 : 2;
	}

	/** Whether there is a problem with the value at this path, or with anything in it. */
	static boolean hasProblems(Map<String, String> errors, String path) {
		return errors.keySet().stream().anyMatch(at -> isUnder(at, path));
	}

	/** Whether the first path is the second, or a path inside it. */
	static boolean isUnder(String path, String container) {
		return path.startsWith(container) && (path.length() == container.length()
				|| path.charAt(container.length()) == '.' || path.charAt(container.length()) == '[');
	}

	/** @return the path of a value inside the value at {@code path} ({@code $}: the value itself) */
	static String join(String path, String inner) {
		if (path.isEmpty() || path.equals("$")) {
			return inner.isEmpty() ? "$" : inner;
		}
		return inner.isEmpty() || inner.equals("$") ? path : path + (inner.startsWith("[") ? "" : ".") + inner;
	}

	/**
	 * Wraps every deserializer of the binding: a value it cannot read (of the wrong JSON type, or a number out of
	 * range) is recorded with its path and message, skipped, and read as null.
	 */
	private static final class Recording extends DelegatingDeserializer {

		private final String message;

		/** Whether a JSON null for this value is a problem too. */
		private final boolean nullToo;

		Recording(ValueDeserializer<?> delegate, String message, boolean nullToo) {
			super(delegate);
			this.message = message;
			this.nullToo = nullToo;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Recording(delegate, message, nullToo);
		}

		@Override
		public ValueDeserializer<?> createContextual(DeserializationContext ctxt, @Nullable BeanProperty property) {
			ValueDeserializer<?> delegate = ctxt.handleSecondaryContextualization(_delegatee, property,
					ctxt.constructType(_delegatee.handledType()));
			WrongType wrong = property == null ? null : property.getAnnotation(WrongType.class);
			boolean ofProperty = wrong != null;
			if (wrong == null && _delegatee.handledType() != null) {
				wrong = AnnotationUtils.findAnnotation(_delegatee.handledType(), WrongType.class);
			}
			String name = property == null ? "" : " for " + property.getName();
			return new Recording(delegate, wrong != null ? wrong.value() : "This value has the wrong JSON type" + name
					+ ".", ofProperty && wrong.nullToo()
							&& property.getType().getRawClass().isAssignableFrom(_delegatee.handledType()));
		}

		@Override
		public @Nullable Object getNullValue(DeserializationContext ctxt) {
			if (nullToo) {
				problems(ctxt).putIfAbsent(path(ctxt.getParser().streamReadContext()), message);
				return null;
			}
			return super.getNullValue(ctxt);
		}

		@Override
		public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt) {
			TokenStreamContext at = p.streamReadContext();
			JsonToken start = p.currentToken();
			try {
				return super.deserialize(p, ctxt);
			}
			catch (JacksonException ex) {
				return recorded(p, ctxt, at, start);
			}
		}

		@Override
		public @Nullable Object deserializeWithType(JsonParser p, DeserializationContext ctxt,
				TypeDeserializer typeDeserializer) {
			TokenStreamContext at = p.streamReadContext();
			JsonToken start = p.currentToken();
			try {
				return super.deserializeWithType(p, ctxt, typeDeserializer);
			}
			catch (JacksonException ex) {
				return recorded(p, ctxt, at, start);
			}
		}

		/** Records the problem and leaves the parser after the value that could not be read. */
		private @Nullable Object recorded(JsonParser p, DeserializationContext ctxt, TokenStreamContext at,
				JsonToken start) {
			problems(ctxt).putIfAbsent(path(at), message);
			if (start == JsonToken.START_OBJECT || start == JsonToken.START_ARRAY) {
				TokenStreamContext parent = at.getParent();
				while (p.streamReadContext() != parent && p.nextToken() != null) {
					// past the end of the object or array
				}
			}
			return null;
		}

		@SuppressWarnings("unchecked")
		private static Map<String, String> problems(DeserializationContext ctxt) {
			return (Map<String, String>) ctxt.getAttribute(PROBLEMS);
		}

		/** The path of the value being read, in the style of our errors: {@code first.items[3].body}. */
		private static String path(TokenStreamContext context) {
			Deque<String> parts = new ArrayDeque<>();
			for (TokenStreamContext at = context; at != null; at = at.getParent()) {
				if (at.inObject() && at.hasCurrentName()) {
					parts.push("." + at.currentName());
				}
				else if (at.inArray() && at.hasCurrentIndex()) {
					parts.push("[" + at.getCurrentIndex() + "]");
				}
			}
			String path = String.join("", parts);
			return path.startsWith(".") ? path.substring(1) : path;
		}

		/** Puts a {@link Recording} around every deserializer the binding makes. */
		static final class Modifier extends ValueDeserializerModifier {

			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return new Recording(deserializer, "", false);
			}

			@Override
			public ValueDeserializer<?> modifyCollectionDeserializer(DeserializationConfig config, CollectionType type,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return new Recording(deserializer, "", false);
			}

		}

	}

}
