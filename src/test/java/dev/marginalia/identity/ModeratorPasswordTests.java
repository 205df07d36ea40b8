package dev.marginalia.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The check of the moderator's sign-in form: the same work for an unknown user as for a wrong password, the
 * configured hash in any of its documented forms, and the moderator as a principal with a role.
 */
class ModeratorPasswordTests {

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

	static ModeratorPasswordCheck check(ModerationProperties properties, PasswordEncoder encoder) {
		JdbcDataSource memory = new JdbcDataSource();
		memory.setURL("jdbc:h2:mem:sign-in-guard");
		return new ModeratorPasswordCheck(new ModeratorAccount(properties), new SignInGuard(memory, properties), encoder);
	}

	static ModeratorPasswordCheck check(ModerationProperties properties) {
		return check(properties, PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

	static Authentication form(String username, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
	}

	@Test
	void onlyTheRightUsernameAndPasswordMatch() {
		Recording encoder = new Recording();
		ModeratorPasswordCheck check = check(properties("editor", "{bcrypt}" + HASH), encoder);

		assertThat(check.matches("editor", "correct horse battery staple")).isTrue();
		assertThat(check.matches("editor", "wrong")).isFalse();
		assertThat(check.matches("someone", "correct horse battery staple")).isFalse();
		assertThat(check.matches("Editor", "correct horse battery staple")).isFalse();
		assertThat(encoder.checkedAgainst).as("the configured hash is checked every time, known user or not")
			.containsExactly("{bcrypt}" + HASH, "{bcrypt}" + HASH, "{bcrypt}" + HASH, "{bcrypt}" + HASH);
	}

	@Test
	void theModeratorIsAPrincipalWithTheModeratorRole() {
		Authentication moderator = check(properties("editor", "{bcrypt}" + HASH))
			.authenticate(form("editor", "correct horse battery staple"));

		assertThat(moderator.isAuthenticated()).isTrue();
		assertThat(moderator.getPrincipal()).isInstanceOf(UserDetails.class);
		assertThat(moderator.getName()).isEqualTo("editor");
		assertThat(moderator.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MODERATOR");
		assertThat(moderator.getCredentials()).as("the password is not kept").isNull();
	}

	@Test
	void aWrongPasswordAndAnUnknownUserAreTheSameBadCredentials() {
		ModeratorPasswordCheck check = check(properties("editor", "{bcrypt}" + HASH));

		assertThatThrownBy(() -> check.authenticate(form("editor", "wrong"))).isExactlyInstanceOf(BadCredentialsException.class)
			.hasMessage("That username and password do not match.");
		assertThatThrownBy(() -> check.authenticate(form("someone", "correct horse battery staple")))
			.isExactlyInstanceOf(BadCredentialsException.class).hasMessage("That username and password do not match.");
		assertThatThrownBy(() -> check.authenticate(form("editor", "correct horse battery staple" + "!".repeat(60))))
			.as("over bcrypt's 72 bytes").isExactlyInstanceOf(BadCredentialsException.class);
	}

	@Test
	void anIncompleteFormIsRefusedBeforeAnyPasswordIsChecked() {
		Recording encoder = new Recording();
		ModeratorPasswordCheck check = check(properties("editor", "{bcrypt}" + HASH), encoder);

		assertThatThrownBy(() -> check.authenticate(form("", "")))
			.isInstanceOfSatisfying(IncompleteSignInException.class,
					incomplete -> assertThat(incomplete.fields()).containsExactly("username", "password"));
		assertThatThrownBy(() -> check.authenticate(form("editor", "x".repeat(201))))
			.isInstanceOfSatisfying(IncompleteSignInException.class,
					incomplete -> assertThat(incomplete.fields()).containsExactly("password"));
		assertThat(encoder.checkedAgainst).isEmpty();
	}

	@Test
	void htpasswdHashesWithoutAnIdAreBcrypt() {
		String htpasswd = HASH.replace("$2a$", "$2y$");

		assertThat(new ModeratorAccount(properties("editor", htpasswd)).isOn()).isTrue();
		assertThat(check(properties("editor", htpasswd)).matches("editor", "correct horse battery staple")).isTrue();
	}

	@Test
	void withoutAUsableHashModerationIsOff() {
		assertThat(new ModeratorAccount(properties("editor", "secret")).isOn()).as("a plain password").isFalse();
		assertThat(new ModeratorAccount(properties("editor", "{noop}secret")).isOn()).isFalse();
		assertThat(new ModeratorAccount(properties("", "{bcrypt}" + HASH)).isOn()).isFalse();
		assertThat(new ModeratorAccount(properties(null, null)).isOn()).isFalse();
		assertThatThrownBy(() -> check(properties(null, null)).authenticate(form("", "")))
			.isInstanceOf(DisabledException.class);
		assertThatThrownBy(() -> check(properties("editor", "{noop}secret")).authenticate(form("editor", "secret")))
			.isInstanceOf(DisabledException.class);
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
		assertThat(new ModeratorAccount(properties("editor", hash)).isOn()).isTrue();
		assertThat(check(properties("editor", hash)).authenticate(form("editor", "a new password")).isAuthenticated())
			.isTrue();
	}

}
