package dev.marginalia.annotations;

import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A selector as a client sent it (Data Model §4.2), bound by its {@code type} (with or without the {@code oa:}
 * prefix); a type we do not know is {@link Unfamiliar}, not an error, for a list of alternatives may hold one.
 * Each selector may be {@code refinedBy} another, or by a list of them. The constraints are those of a target's
 * selectors (checked by {@link SelectorReader}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type", visible = true,
		defaultImpl = SelectorJson.Unfamiliar.class)
@JsonSubTypes({
		@JsonSubTypes.Type(value = SelectorJson.Fragment.class, names = { "FragmentSelector", "oa:FragmentSelector" }),
		@JsonSubTypes.Type(value = SelectorJson.TextQuote.class,
				names = { "TextQuoteSelector", "oa:TextQuoteSelector" }),
		@JsonSubTypes.Type(value = SelectorJson.TextPosition.class,
				names = { "TextPositionSelector", "oa:TextPositionSelector" }),
		@JsonSubTypes.Type(value = SelectorJson.Range.class, names = { "RangeSelector", "oa:RangeSelector" }),
		@JsonSubTypes.Type(value = SelectorJson.XPath.class, names = { "XPathSelector", "oa:XPathSelector" }),
		@JsonSubTypes.Type(value = SelectorJson.Css.class, names = { "CssSelector", "oa:CssSelector" }) })
@WrongType(SelectorJson.NOT_A_SELECTOR)
sealed interface SelectorJson {

	String NOT_A_SELECTOR = "A selector is an object with a type (or a list of them).";

	/** The longest quote, prefix or suffix, and the longest XPath or CSS selector, taken. */
	int MAX_TEXT = 20_000;

	@Nullable Selectors refinedBy();

	/** A FragmentSelector (§4.2.1): the id of a paragraph. */
	record Fragment(@WrongType(value = CONFORMS_TO, nullToo = true) @Nullable String conformsTo,
			@WrongType("The value is a string.") @NotNull(message = "The value is a string.")
			@Size(max = MAX_TEXT, message = "The value has at most {max} characters.")
			@NotBlank(message = "The value cannot be empty.") @Nullable String value,
			@Nullable Selectors refinedBy) implements SelectorJson {

		static final String CONFORMS_TO = "A paragraph id is an HTML fragment: " + Vocabulary.HTML_FRAGMENTS + ".";

	}

	/** A TextQuoteSelector (§4.2.4). */
	record TextQuote(@WrongType("The exact is a string.") @NotNull(message = "The exact is a string.")
	@Size(max = MAX_TEXT, message = "The exact has at most {max} characters.")
	@NotBlank(message = "The exact cannot be empty.") @Nullable String exact,
			@WrongType("The prefix is a string.")
			@Size(max = MAX_TEXT, message = "The prefix has at most {max} characters.") @Nullable String prefix,
			@WrongType("The suffix is a string.")
			@Size(max = MAX_TEXT, message = "The suffix has at most {max} characters.") @Nullable String suffix,
			@Nullable Selectors refinedBy) implements SelectorJson {
	}

	/** A TextPositionSelector (§4.2.5): code points, the end exclusive. */
	record TextPosition(@WrongType(START) @NotNull(message = START) @PositiveOrZero(message = START) @Nullable Integer start,
			@WrongType(END) @NotNull(message = END) @PositiveOrZero(message = END) @Nullable Integer end,
			@Nullable Selectors refinedBy) implements SelectorJson {

		static final String START = "The start is a whole number from 0 (Unicode code points).";

		static final String END = "The end is a whole number from 0 (Unicode code points).";

	}

	/**
	 * A RangeSelector (§4.2.8): from a start selector to an end selector; or, as Hypothesis sends it, from an
	 * offset in the text of one element (an XPath from the page's body) to an offset in another's (its
	 * constraints are in the group {@link Containers}).
	 */
	record Range(@WrongType(value = NOT_A_SELECTOR, nullToo = true) @Nullable Selectors startSelector,
			@WrongType(value = NOT_A_SELECTOR, nullToo = true) @Nullable Selectors endSelector,
			@WrongType("The startContainer is a string.")
			@NotNull(groups = Containers.class, message = "The startContainer is a string.")
			@Size(groups = Containers.class, max = MAX_TEXT, message = "The startContainer has at most {max} characters.")
			@NotBlank(groups = Containers.class, message = "The startContainer cannot be empty.")
			@Nullable String startContainer,
			@WrongType(START_OFFSET) @NotNull(groups = Containers.class, message = START_OFFSET)
			@PositiveOrZero(groups = Containers.class, message = START_OFFSET) @Nullable Integer startOffset,
			@WrongType("The endContainer is a string.")
			@NotNull(groups = Containers.class, message = "The endContainer is a string.")
			@Size(groups = Containers.class, max = MAX_TEXT, message = "The endContainer has at most {max} characters.")
			@NotBlank(groups = Containers.class, message = "The endContainer cannot be empty.")
			@Nullable String endContainer,
			@WrongType(END_OFFSET) @NotNull(groups = Containers.class, message = END_OFFSET)
			@PositiveOrZero(groups = Containers.class, message = END_OFFSET) @Nullable Integer endOffset,
			@Nullable Selectors refinedBy) implements SelectorJson {

		static final String START_OFFSET = "The startOffset is a whole number from 0 (Unicode code points).";

		static final String END_OFFSET = "The endOffset is a whole number from 0 (Unicode code points).";

		/** The constraints of Hypothesis's shape. */
		interface Containers {
		}

		/** Whether it is Hypothesis's shape. */
		boolean byContainers() {
			return startContainer != null || endContainer != null;
		}

	}

	/** An XPathSelector (§4.2.3). */
	record XPath(@WrongType("The value is a string.") @NotNull(message = "The value is a string.")
	@Size(max = MAX_TEXT, message = "The value has at most {max} characters.")
	@NotBlank(message = "The value cannot be empty.") @Nullable String value,
			@Nullable Selectors refinedBy) implements SelectorJson {
	}

	/** A CssSelector (§4.2.2). */
	record Css(@WrongType("The value is a string.") @NotNull(message = "The value is a string.")
	@Size(max = MAX_TEXT, message = "The value has at most {max} characters.")
	@NotBlank(message = "The value cannot be empty.") @Nullable String value,
			@Nullable Selectors refinedBy) implements SelectorJson {
	}

	/**
	 * A selector of a type this server does not read, or without a type.
	 * @param type its {@code type} as sent (any JSON), or null
	 */
	record Unfamiliar(@Nullable Object type) implements SelectorJson {

		@Override
		public @Nullable Selectors refinedBy() {
			return null;
		}

		/** @return the type's name without the {@code oa:} prefix, or "" when it is not a string */
		String name() {
			return type instanceof String name ? name.startsWith("oa:") ? name.substring(3) : name : "";
		}

	}

	/**
	 * One selector, or a list of them: alternatives that select the same thing (Data Model §4.2); an item of a list
	 * may be a list again.
	 * @param selector the one selector; null for a list, a JSON null, or a value that was not a selector (already
	 * reported)
	 * @param selectors the list's items, null where a value was not a selector; empty for one selector
	 * @param list whether they came as a JSON array
	 */
	record Selectors(@Nullable SelectorJson selector, List<@Nullable Selectors> selectors, boolean list) {

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Selectors one(@Nullable SelectorJson selector) {
			return new Selectors(selector, List.of(), false);
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Selectors many(List<@Nullable Selectors> selectors) {
			return new Selectors(null, Collections.unmodifiableList(selectors), true);
		}

		/** Whether it is one selector of a type we do not know. */
		boolean unfamiliar() {
			return selector instanceof Unfamiliar;
		}

	}

}
