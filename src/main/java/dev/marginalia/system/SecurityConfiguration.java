package dev.marginalia.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * Spring Security, set deliberately: no sessions (any instance serves any request), CSRF tokens on every
 * write that a browser's cookies authorise, none on writes that carry no cookie or a bearer token (nothing
 * ambient to forge there).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Everything from this host, nothing inline: no script or style attribute or element runs, no plugin, no
	 * other site may frame the pages or receive their forms.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The browser features the site never uses, switched off. */
	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	@Bean
	SecurityFilterChain security(HttpSecurity http) throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
		// the plain handler: the token in a page is the cookie's value, so pages can be cached per reader
		CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
		http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.csrfTokenRepository(tokens)
				.csrfTokenRequestHandler(handler)
				.requireCsrfProtectionMatcher(SecurityConfiguration::isCookieAuthorisedWrite))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
				.frameOptions(frames -> frames.deny()))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	/**
	 * A write that a browser could be tricked into sending with the reader's cookies attached, and every form
	 * of the moderator's pages, the sign-in included (a forged sign-in could sign a browser in unawares).
	 */
	static boolean isCookieAuthorisedWrite(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
			default -> request.getRequestURI().startsWith("/moderation/")
					|| request.getHeader(HttpHeaders.COOKIE) != null && request.getHeader(HttpHeaders.AUTHORIZATION) == null;
		};
	}

	/** No Spring Security accounts: the moderator signs in through dev.marginalia.moderation. */
	@Bean
	UserDetailsService noUsers() {
		return username -> {
			throw new UsernameNotFoundException("No accounts");
		};
	}


}
