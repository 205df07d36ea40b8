package dev.marginalia.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The check of the moderator's credentials: the same work for an unknown user as for a wrong password. */
class ModeratorCredentialsTests {

	/** "correct horse battery staple", bcrypt cost 4 */
	static final String HASH = "$2a$04$7JPPEYrfRQrbNunZ.Bqjjep2NaVHbiTL88Pr4IvdcCJriFwpb3aj2";

	static ModerationProperties properties(String username, String hash) {
		return new ModerationProperties(username, hash, Duration.ofHours(8), 5, Duration.ofMinutes(15));
	}

	/** The real encoder, recording what it is asked to check. */
	static final class Recording implements PasswordEncoder {

		final PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();

		final List<String> checkedAgainst = new ArrayList<>();

		@Override
		public String encode(CharSequence raw) {
			return real.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			checkedAgainst.add(encoded);
			return real.matches(raw, encoded);
		}

	}

	@Test
	void onlyTheRightUsernameAndPasswordMatch() {
		Recording encoder = new Recording();
		ModeratorCredentials credentials = new ModeratorCredentials(properties("editor", "{bcrypt}" + HASH), encoder);

		assertThat(credentials.matches("editor", "correct horse battery staple")).isTrue();
		assertThat(credentials.matches("editor", "wrong")).isFalse();
		assertThat(credentials.matches("someone", "correct horse battery staple")).isFalse();
		assertThat(credentials.matches("Editor", "correct horse battery staple")).isFalse();
		assertThat(encoder.checkedAgainst).as("the configured hash is checked every time, known user or not")
			.containsExactly("{bcrypt}" + HASH, "{bcrypt}" + HASH, "{bcrypt}" + HASH, "{bcrypt}" + HASH);
	}

	@Test
	void htpasswdHashesWithoutAnIdAreBcrypt() {
		String htpasswd = HASH.replace("$2a$", "$2y$");
		ModeratorCredentials credentials = new ModeratorCredentials(properties("editor", htpasswd));

		assertThat(credentials.isOn()).isTrue();
		assertThat(credentials.matches("editor", "correct horse battery staple")).isTrue();
	}

	@Test
	void withoutAUsableHashModerationIsOff() {
		assertThat(new ModeratorCredentials(properties("editor", "secret")).isOn()).as("a plain password").isFalse();
		assertThat(new ModeratorCredentials(properties("editor", "{noop}secret")).isOn()).isFalse();
		assertThat(new ModeratorCredentials(properties("", "{bcrypt}" + HASH)).isOn()).isFalse();
		assertThat(new ModeratorCredentials(properties(null, null)).isOn()).isFalse();
		assertThat(new ModeratorCredentials(properties(null, null)).matches("", "")).isFalse();
	}

	@Test
	void theHashPasswordCommandPrintsAHashThatSignsIn() throws Exception {
		java.io.InputStream stdin = System.in;
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
		int status;
		try {
			System.setIn(new java.io.ByteArrayInputStream("a new password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
			status = PasswordHashCommand.run(new java.io.PrintStream(out, true, "UTF-8"), new java.io.PrintStream(err, true, "UTF-8"));
		}
		finally {
			System.setIn(stdin);
		}

		assertThat(status).isZero();
		String hash = out.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
		assertThat(hash).startsWith("{bcrypt}$2a$12$");
		ModeratorCredentials credentials = new ModeratorCredentials(properties("editor", hash));
		assertThat(credentials.isOn()).isTrue();
		assertThat(credentials.matches("editor", "a new password")).isTrue();
	}

}
