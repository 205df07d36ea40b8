package dev.marginalia.annotations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The properties of an exported annotation that the server manages, which a client cannot write but an import
 * reads back: when it was written, whether it is a deleted note kept for its replies, and on its target whether it
 * is orphaned, the paragraph it was written on, and what the client that wrote it sent.
 * @param created an xsd:dateTime with its time zone
 * @param deleted {@code marginalia:deleted}
 */
record ManagedJson(@WrongType(CREATED) @Nullable String created,
		@JsonProperty(Vocabulary.DELETED) @WrongType("The " + Vocabulary.DELETED + " flag is true or false.")
		@Nullable Boolean deleted,
		@JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Nullable List<@Nullable Target> target) {

	static final String CREATED = "The created time is an xsd:dateTime with its time zone, such as "
			+ "2026-01-31T12:00:00Z.";

	/** @return the target's managed properties, when there is one target and it is an object */
	@Nullable Target oneTarget() {
		return target == null || target.size() != 1 ? null : target.get(0);
	}

	/**
	 * @param orphaned {@code marginalia:orphaned}
	 * @param writtenOn {@code marginalia:writtenOn}
	 * @param selectorAsSent {@code marginalia:selectorAsSent}, kept as it is
	 * @param anchoredBy {@code marginalia:anchoredBy}
	 */
	@WrongType(AnnotationJson.NOT_A_TARGET)
	record Target(
			@JsonProperty(Vocabulary.ORPHANED) @WrongType("The " + Vocabulary.ORPHANED + " flag is true or false.")
			@Nullable Boolean orphaned,
			@JsonProperty(Vocabulary.WRITTEN_ON) @Nullable WrittenOn writtenOn,
			@JsonProperty(Vocabulary.SELECTOR_AS_SENT) @Nullable JsonNode selectorAsSent,
			@JsonProperty(Vocabulary.ANCHORED_BY) @WrongType("The target." + Vocabulary.ANCHORED_BY + " is a string.")
			@Nullable String anchoredBy) {

		/** A target that is an IRI has none of them. */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static Target ofIri(String iri) {
			return new Target(null, null, null, null);
		}

	}

	/**
	 * The paragraph a note was written on: a FragmentSelector with the paragraph's text, refined by the passage's
	 * TextQuoteSelector, and its TextPositionSelector in {@code marginalia:position} (kept as sent, to be read as
	 * the two alternatives they are).
	 */
	@WrongType("Where a note was written is a FragmentSelector with the paragraph's text.")
	record WrittenOn(@WrongType(value = FRAGMENT, nullToo = true) @Nullable String type,
			@WrongType(value = SelectorJson.Fragment.CONFORMS_TO, nullToo = true) @Nullable String conformsTo,
			@WrongType(PARAGRAPH_ID) @Nullable String value,
			@JsonProperty(Vocabulary.PARAGRAPH_TEXT) @WrongType("The paragraph's text, a string.")
			@Nullable String paragraphText,
			@Nullable JsonNode refinedBy,
			@JsonProperty(Vocabulary.WRITTEN_POSITION) @Nullable JsonNode position) {

		static final String FRAGMENT = "The selector is a FragmentSelector naming the paragraph's id.";

		static final String PARAGRAPH_ID = "The selector's value is the paragraph's id, a string.";

	}

}
