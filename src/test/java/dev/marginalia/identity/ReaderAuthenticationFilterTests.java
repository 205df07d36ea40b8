package dev.marginalia.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

import dev.marginalia.hashing.Digests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's author secret as Spring Security's authentication: what the filter makes of a request, alone, as a
 * unit (the chain's part is tested over HTTP by the notes, annotations, moderation and hostile suites).
 */
class ReaderAuthenticationFilterTests {

	static final String SECRET = AuthorSecrets.newSecret();

	static final String OTHER = AuthorSecrets.newSecret();

	final MockHttpServletResponse response = new MockHttpServletResponse();

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	/** @return what the rest of the chain sees, the filter having run */
	Authentication after(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		new ReaderAuthenticationFilter().doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("the chain goes on").isSameAs(request);
		return SecurityContextHolder.getContext().getAuthentication();
	}

	static MockHttpServletRequest request(String authorization, Cookie... cookies) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/articles/a/annotations/");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		if (cookies.length > 0) {
			request.setCookies(cookies);
		}
		return request;
	}

	static Cookie cookie(String value) {
		return new Cookie(AuthorCookie.NAME, value);
	}

	@Test
	void aBearerTokenIsAReaderKnownByTheHashOfTheSecret() throws Exception {
		Authentication reader = after(request("Bearer " + SECRET));

		assertThat(reader).isInstanceOf(ReaderAuthentication.class);
		assertThat(reader.isAuthenticated()).isTrue();
		assertThat(reader.getPrincipal()).isEqualTo(new Reader(AuthorSecrets.hash(SECRET)));
		assertThat(reader.getCredentials()).as("the secret is not kept").isNull();
		assertThat(reader.getAuthorities()).isEmpty();
		assertThat(reader.toString()).doesNotContain(SECRET);
	}

	@Test
	void theCookieIsTheReaderWhenThereIsNoBearerToken() throws Exception {
		MockHttpServletRequest request = request(null, new Cookie("other", OTHER), cookie(SECRET));

		assertThat(after(request).getPrincipal()).isEqualTo(new Reader(AuthorSecrets.hash(SECRET)));
		assertThat(new RequestAttributeSecurityContextRepository().loadDeferredContext(request).get().getAuthentication()
			.getPrincipal()).as("kept for the request's later dispatches").isEqualTo(new Reader(AuthorSecrets.hash(SECRET)));
	}

	@Test
	void aSecretIssuedBeforeSecretsBeganWithTheirTimeStillNamesItsAuthorByItsPlainDigest() throws Exception {
		String issuedBefore = AuthorSecrets.newToken(); // 43 random characters, as every secret was
		String plainDigest = Digests.sha256Hex(issuedBefore.getBytes(StandardCharsets.US_ASCII));

		assertThat(after(request("Bearer " + issuedBefore)).getPrincipal()).isEqualTo(new Reader(plainDigest));
		assertThat(after(request(null, cookie(issuedBefore))).getPrincipal()).isEqualTo(new Reader(plainDigest));
	}

	@Test
	void aBearerTokenWinsOverTheCookieWhateverItsCase() throws Exception {
		assertThat(after(request("bEaReR  " + OTHER, cookie(SECRET))).getPrincipal())
			.isEqualTo(new Reader(AuthorSecrets.hash(OTHER)));
	}

	@Test
	void aBearerTokenThatIsNoSecretNamesNobodyEvenWithACookie() throws Exception {
		for (String authorization : List.of("Bearer " + SECRET + "x", "Bearer ", "Bearer ' OR '1'='1", "Bearer a b")) {
			assertThat(after(request(authorization, cookie(SECRET)))).as(authorization).isNull();
		}
	}

	@Test
	void aCookieThatIsNoSecretOrAnotherAuthorizationNamesNobody() throws Exception {
		assertThat(after(request(null, cookie(SECRET.substring(2))))).isNull();
		assertThat(after(request(null, cookie(SECRET + "=")))).isNull();
		assertThat(after(request(null))).isNull();
		assertThat(after(request("Basic YWRtaW46YWRtaW4=", cookie(SECRET))).getPrincipal())
			.as("only a bearer token outranks the cookie").isEqualTo(new Reader(AuthorSecrets.hash(SECRET)));
	}

	@Test
	void theSignedInModeratorIsStillTheModeratorAsAReader() throws Exception {
		User moderator = new User("editor", "", AuthorityUtils.createAuthorityList("ROLE_MODERATOR"));
		SecurityContextHolder.getContext().setAuthentication(
				new RememberMeAuthenticationToken("key", moderator, moderator.getAuthorities()));

		Authentication both = after(request(null, cookie(SECRET)));

		assertThat(both.getPrincipal()).isEqualTo(new Reader(AuthorSecrets.hash(SECRET)));
		assertThat(both.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_MODERATOR");
	}

	@Test
	void anAnonymousRequestGivesNoAuthorities() throws Exception {
		SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		assertThat(after(request(null, cookie(SECRET))).getAuthorities()).isEmpty();
	}

	@Test
	void withoutASecretNothingChanges() throws Exception {
		User moderator = new User("editor", "", AuthorityUtils.createAuthorityList("ROLE_MODERATOR"));
		RememberMeAuthenticationToken signedIn = new RememberMeAuthenticationToken("key", moderator,
				moderator.getAuthorities());
		SecurityContextHolder.getContext().setAuthentication(signedIn);

		assertThat(after(request(null))).isSameAs(signedIn);
		assertThat(response.getCookies()).isEmpty();
	}

}
