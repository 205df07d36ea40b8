package dev.marginalia.moderation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import dev.marginalia.notes.AuthorSecrets;
import dev.marginalia.notes.ModeratorCheck;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * The moderator's sign-ins: at each sign-in a new random token (256 bits, made as author secrets are) in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie ({@code Secure} over TLS); the database keeps only its SHA-256, when it expires,
 * and a hash of the password hash it was signed in with. Any instance checks a token with one query; nothing
 * a browser held before signing in is ever accepted (a token exists only once the server has made it), signing
 * out deletes it, and a new password ends every sign-in.
 */
@Component
class ModeratorSessions implements ModeratorCheck {

	static final String COOKIE = "marginalia_moderator";

	private final JdbcClient jdbc;

	private final ModerationProperties properties;

	private final ModeratorCredentials credentials;

	private final Clock clock;

	ModeratorSessions(JdbcClient jdbc, ModerationProperties properties, ModeratorCredentials credentials, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.credentials = credentials;
		this.clock = clock;
	}

	/** Signs the moderator in: a new token, stored and set as the cookie (replacing whatever the browser had). */
	void start(HttpServletRequest request, HttpServletResponse response) {
		String token = AuthorSecrets.newSecret();
		OffsetDateTime now = now();
		jdbc.sql("DELETE FROM moderator_sessions WHERE expires_at < :now").param("now", now).update();
		jdbc.sql("INSERT INTO moderator_sessions (token_hash, credential, created_at, expires_at) "
				+ "VALUES (:token, :credential, :now, :expires)")
			.param("token", sha256(token))
			.param("credential", credential())
			.param("now", now)
			.param("expires", now.plus(properties.signInLifetime()))
			.update();
		setCookie(request, response, token, properties.signInLifetime().toSeconds());
	}

	/** Signs out: the token is deleted (on every instance at once) and the cookie cleared. */
	void end(HttpServletRequest request, HttpServletResponse response) {
		token(request).ifPresent(token -> jdbc.sql("DELETE FROM moderator_sessions WHERE token_hash = :token")
			.param("token", sha256(token))
			.update());
		setCookie(request, response, "", 0);
	}

	@Override
	public boolean isModerator(HttpServletRequest request) {
		Optional<String> token = token(request);
		if (token.isEmpty() || !credentials.isOn()) {
			return false;
		}
		return jdbc.sql("SELECT COUNT(*) FROM moderator_sessions WHERE token_hash = :token AND credential = :credential "
				+ "AND expires_at > :now")
			.param("token", sha256(token.get()))
			.param("credential", credential())
			.param("now", now())
			.query(Integer.class)
			.single() > 0;
	}

	private static Optional<String> token(HttpServletRequest request) {
		return Optional.ofNullable(WebUtils.getCookie(request, COOKIE))
			.map(Cookie::getValue)
			.filter(AuthorSecrets::isWellFormed);
	}

	private static void setCookie(HttpServletRequest request, HttpServletResponse response, String value, long maxAge) {
		ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Strict")
			.path("/")
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private String credential() {
		return sha256(credentials.storedHash());
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	/** SHA-256, hex: tokens have 256 random bits, so no salt or slow hash is needed (as for author secrets). */
	private static String sha256(String text) {
		return AuthorSecrets.hash(text);
	}

}
