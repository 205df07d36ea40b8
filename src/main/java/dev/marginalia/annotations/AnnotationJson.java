package dev.marginalia.annotations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Web Annotation as a client writes it (Data Model §3, compacted JSON-LD or plain JSON): what {@link JsonBinding}
 * binds before {@link AnnotationReader} applies this server's rules. Properties the model lets be one value or an
 * array are lists here; where the rules tell an explicit null from a property left out, null is of the wrong type
 * ({@link WrongType#nullToo}). The properties
 * the server manages (created, modified, generator, ...) are not here: a client cannot set them.
 * @param context the {@code @context}: the Web Annotation context must be one of them
 * @param type must include {@code Annotation} when given
 * @param motivation {@code commenting} or {@code replying}
 * @param body the TextualBody (a string is the IRI of a body elsewhere), and a TextualBody with the purpose
 * {@code tagging} per tag
 * @param bodyValue the body's text, instead of {@code body} (Data Model §3.2.5)
 * @param target the paragraph (or passage) of the article, or the annotation replied to
 */
record AnnotationJson(
		@JsonProperty("@context") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		@WrongType(value = AnnotationJson.NOT_ANNOTATION_CONTEXT, nullToo = true) @Nullable List<@Nullable Object> context,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		@WrongType(value = AnnotationJson.NOT_AN_ANNOTATION, nullToo = true) @Nullable List<@Nullable Object> type,
		@WrongType("The id is a string.") @Nullable String id,
		@WrongType("The canonical is a string.") @Nullable String canonical,
		@WrongType("The via is a string.") @Nullable String via,
		@WrongType(AnnotationJson.NOT_A_MOTIVATION)
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<@Nullable String> motivation,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<@Nullable Body> body,
		@WrongType(value = "The bodyValue is a string.", nullToo = true) @Nullable String bodyValue,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<@Nullable Target> target,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<@Nullable Creator> creator,
		@JsonProperty(Vocabulary.VISIBILITY) @WrongType("The " + Vocabulary.VISIBILITY + " is a string.")
		@Nullable String visibility) {

	static final String NOT_ANNOTATION_CONTEXT = "The @context must include " + Vocabulary.ANNO_CONTEXT + ".";

	static final String NOT_AN_ANNOTATION = "The type of an annotation is Annotation.";

	static final String NOT_A_MOTIVATION = "The motivation is a string: commenting or replying.";

	static final String NOT_A_BODY = "The body is a TextualBody object.";

	static final String NOT_A_TARGET = "The target is an object with a source and a selector, or an IRI.";

	static final String NOT_A_CREATOR = "The creator is an object: {\"type\": \"Person\", \"name\": \"...\"}.";

	/**
	 * A TextualBody (Data Model §3.2.4), or the IRI of a body elsewhere (a JSON string).
	 * @param type {@code TextualBody} when given
	 * @param format {@code text/markdown} or {@code text/plain} when given
	 * @param value the Markdown, or the tag
	 * @param purpose {@code tagging} for a tag (Data Model §3.3.5); any other purpose, or none, for the note's text
	 * @param iri the IRI, when the body was a string
	 */
	@WrongType(NOT_A_BODY)
	record Body(@WrongType(value = TEXTUAL, nullToo = true) @Nullable String type,
			@WrongType(value = FORMAT, nullToo = true) @Nullable String format,
			@WrongType("The body.value is a string.") @Nullable String value,
			@WrongType(PURPOSE) @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			@Nullable List<@Nullable String> purpose, @Nullable String iri) {

		static final String TEXTUAL = "The body is a TextualBody.";

		static final String FORMAT = "The body's format is text/markdown (or text/plain).";

		static final String PURPOSE = "The body's purpose is a string: tagging for a tag.";

		static final String TAGGING = "tagging";

		@JsonCreator
		Body(@JsonProperty("type") @Nullable String type, @JsonProperty("format") @Nullable String format,
				@JsonProperty("value") @Nullable String value,
				@JsonProperty("purpose") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
				@Nullable List<@Nullable String> purpose) {
			this(type, format, value, purpose, null);
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Body ofIri(String iri) {
			return new Body(null, null, null, null, iri);
		}

		/** @return whether this body is a tag: its purpose is {@code tagging} (or {@code oa:tagging}) */
		boolean isTag() {
			return purpose != null && (purpose.contains(TAGGING) || purpose.contains("oa:" + TAGGING));
		}

	}

	/**
	 * A target (Data Model §3.2): an IRI (a JSON string), or a SpecificResource with its {@code source} and
	 * {@code selector}.
	 * @param iri the IRI, when the target was a string
	 * @param id the SpecificResource's {@code id}, read as its IRI when it has no source (any JSON: not otherwise used)
	 * @param source the IRI of the article
	 * @param selector the selectors as sent, kept as they are with the note
	 * @param styleClass the passage's highlight class (Data Model §4.3.1), one of the highlights' stylesheet
	 */
	@WrongType(NOT_A_TARGET)
	record Target(@Nullable String iri, @Nullable Object id,
			@WrongType(value = "The source must be this article.", nullToo = true) @Nullable String source,
			@Nullable JsonNode selector, @WrongType(NOT_A_STYLE_CLASS) @Nullable String styleClass) {

		static final String NOT_A_STYLE_CLASS = "The styleClass is a string: one class of the highlights' stylesheet.";

		@JsonCreator
		Target(@JsonProperty("id") @Nullable Object id, @JsonProperty("source") @Nullable String source,
				@JsonProperty("selector") @Nullable JsonNode selector,
				@JsonProperty("styleClass") @Nullable String styleClass) {
			this(null, id, source, selector, styleClass);
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Target ofIri(String iri) {
			return new Target(iri, null, null, null, null);
		}

		/** @return the selector as sent, or null without one */
		@Nullable JsonNode selectorSent() {
			return selector == null || selector.isNull() ? null : selector;
		}

	}

	/** The creator (Data Model §3.3.1): a Person with a name. */
	@WrongType(NOT_A_CREATOR)
	record Creator(@WrongType(value = PERSON, nullToo = true) @Nullable String type,
			@WrongType("The creator.name is a string.") @Nullable String name) {

		static final String PERSON = "The creator is a Person.";

	}

}
