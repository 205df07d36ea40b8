package dev.marginalia.moderation;

import java.util.Arrays;
import java.util.Optional;

/** Why a reader flags a note: a short list (the form's choices), stored by {@link #value()}. */
public enum FlagReason {

	SPAM("spam", "Spam or advertising"),

	ABUSE("abuse", "Harassment, hate or abuse"),

	PERSONAL("personal", "Someone's personal information"),

	OFF_TOPIC("off-topic", "Off-topic"),

	OTHER("other", "Something else");

	private final String value;

	private final String label;

	FlagReason(String value, String label) {
		this.value = value;
		this.label = label;
	}

	public String value() {
		return value;
	}

	public String label() {
		return label;
	}

	static Optional<FlagReason> parse(String value) {
		return Arrays.stream(values()).filter(reason -> reason.value.equals(value)).findFirst();
	}

}
