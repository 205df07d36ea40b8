package dev.marginalia.identity;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.Cookie;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The moderator's sign-ins as Spring Security's persistent remember-me, on one database that several instances
 * (here: several {@link ModeratorSignIns}) share: what a sign-in leaves in the cookie and in the table, and what
 * ends it.
 */
class ModeratorSignInsTests {

	static final String HASH = "{bcrypt}" + ModeratorPasswordTests.HASH;

	/** Another password's hash: "another password", bcrypt cost 4 */
	static final String OTHER_HASH = "{bcrypt}$2a$04$BuXUduTGLeuMz2cOs2fiHuOiBJ8I1c0zfm6oWa2OjM/WTEYGIjVue";

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-03-01T10:00:00Z"));

	JdbcDataSource database;

	@BeforeEach
	void migrate() {
		database = new JdbcDataSource();
		database.setURL("jdbc:h2:mem:sign-ins-" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
	}

	ModeratorSignIns instance(String passwordHash) {
		ModerationProperties properties = ModeratorPasswordTests.properties("editor", passwordHash);
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
		SignInTokens tokens = new SignInTokens(database);
		ModeratorSignIns signIns = new ModeratorSignIns(tokens, new ModeratorAccount(properties), properties, clock);
		signIns.afterPropertiesSet();
		return signIns;
	}

	/** Signs in on one instance: @return the cookie it set */
	static Cookie signIn(ModeratorSignIns instance) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		instance.loginSuccess(new MockHttpServletRequest("POST", "/moderation/sign-in"), response,
				UsernamePasswordAuthenticationToken.authenticated("editor", null, List.of()));
		Cookie cookie = response.getCookie(ModeratorSignIns.COOKIE);
		assertThat(cookie).isNotNull();
		return cookie;
	}

	static MockHttpServletRequest with(Cookie cookie) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/moderation");
		request.setCookies(cookie);
		return request;
	}

	int signIns() {
		return JdbcClient.create(database).sql("SELECT COUNT(*) FROM persistent_logins").query(Integer.class).single();
	}

	@Test
	void aSignInOnOneInstanceIsTheModeratorOnAnotherAgainAndAgain() {
		Cookie cookie = signIn(instance(HASH));

		assertThat(cookie.getMaxAge()).isEqualTo(8 * 3600);
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
		ModeratorSignIns other = instance(HASH);
		for (int i = 0; i < 3; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			Authentication moderator = other.autoLogin(with(cookie), response);
			assertThat(moderator).isNotNull();
			assertThat(moderator.getName()).isEqualTo("editor");
			assertThat(moderator.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MODERATOR");
			assertThat(response.getCookies()).as("the same cookie, not renewed at each request").isEmpty();
		}
	}

	@Test
	void theTableKeepsNoTokenThatSignsIn() {
		Cookie cookie = signIn(instance(HASH));
		Map<String, Object> row = JdbcClient.create(database).sql("SELECT series, token FROM persistent_logins").query()
			.singleRow();
		String series = (String) row.get("series");
		String stored = (String) row.get("token");
		String sent = URLDecoder.decode(new String(Base64.getDecoder().decode(cookie.getValue()), US_ASCII), US_ASCII);

		assertThat(sent).as("the series and a token").startsWith(series + ":").doesNotContain(stored);
		assertThat(stored).hasSize(64);
		Cookie forged = new Cookie(ModeratorSignIns.COOKIE, Base64.getEncoder().encodeToString(
				(URLEncoder.encode(series, US_ASCII) + ":" + stored).getBytes(US_ASCII)));
		assertThat(instance(HASH).autoLogin(with(forged), new MockHttpServletResponse())).as("the stored value as a token")
			.isNull();
	}

	@Test
	void aNewPasswordEndsEverySignIn() {
		Cookie cookie = signIn(instance(HASH));

		assertThat(instance(OTHER_HASH).autoLogin(with(cookie), new MockHttpServletResponse())).isNull();
	}

	@Test
	void aSignInEndsAfterItsLifetime() {
		Cookie cookie = signIn(instance(HASH));
		now.set(now.get().plus(Duration.ofHours(8)).minusSeconds(1));
		assertThat(instance(HASH).autoLogin(with(cookie), new MockHttpServletResponse())).isNotNull();

		now.set(now.get().plusSeconds(2));

		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(instance(HASH).autoLogin(with(cookie), response)).isNull();
		assertThat(response.getCookie(ModeratorSignIns.COOKIE).getMaxAge()).as("the cookie cleared").isZero();
	}

	@Test
	void signingOutOnOneInstanceEndsThatSignInEverywhereAndNoOther() {
		Cookie mine = signIn(instance(HASH));
		Cookie elsewhere = signIn(instance(HASH));
		assertThat(signIns()).isEqualTo(2);

		instance(HASH).logout(with(mine), new MockHttpServletResponse(), null);

		assertThat(signIns()).isEqualTo(1);
		assertThat(instance(HASH).autoLogin(with(mine), new MockHttpServletResponse())).isNull();
		assertThat(instance(HASH).autoLogin(with(elsewhere), new MockHttpServletResponse())).isNotNull();
	}

	@Test
	void aFailedSignInSetsNoCookie() {
		MockHttpServletResponse response = new MockHttpServletResponse();

		instance(HASH).loginFail(new MockHttpServletRequest("POST", "/moderation/sign-in"), response);

		assertThat(response.getCookies()).isEmpty();
	}

}
