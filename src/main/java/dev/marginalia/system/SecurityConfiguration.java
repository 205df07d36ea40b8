package dev.marginalia.system;

import java.time.Duration;
import java.util.List;

import dev.marginalia.identity.AuthorCookie;
import dev.marginalia.identity.IdentityConfigurer;
import dev.marginalia.identity.ReaderAuthenticationFilter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Spring Security, set deliberately: no sessions (any instance serves any request), CSRF tokens on every
 * write that a browser's cookies authorise, none on writes that carry no cookie or a bearer token (nothing
 * ambient to forge there), and CORS on the API only, never with credentials. Who is who (a reader's author secret,
 * the moderator's sign-in, the moderator's pages for the moderator alone) is the identity package's
 * ({@link IdentityConfigurer}).
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

	/** What a page on another origin may send to the API: the protocol's methods. */
	static final List<String> API_METHODS = List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE");

	/** ... and the request headers the API reads (Last-Event-ID: a reconnecting event stream). */
	static final List<String> API_REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
			HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Prefer", HttpHeaders.ACCEPT, "Last-Event-ID");

	/** The response headers of the API such a page may read, beyond the CORS-safelisted ones. */
	static final List<String> API_RESPONSE_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LINK, HttpHeaders.LOCATION,
			HttpHeaders.ALLOW, "Accept-Post", HttpHeaders.CONTENT_LOCATION, HttpHeaders.VARY, "Preference-Applied",
			HttpHeaders.RETRY_AFTER, AuthorCookie.SECRET_HEADER, HttpHeaders.WWW_AUTHENTICATE);

	/**
	 * No observation of Spring Security's filters, authentications or authorizations: disabling them by name
	 * ({@code management.observations.enable.spring.security=false}, as before) only made them no-ops, and every
	 * request through the chain still had each filter wrapped in one (seen in a profile of note writes). Requests are
	 * still timed as a whole ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * CORS for the annotation API ({@code /api/**}) and nothing else: any origin may call it, with
	 * {@code Access-Control-Allow-Origin: *} and never {@code Access-Control-Allow-Credentials}, so a browser
	 * never attaches the reader's cookies to such a request (nor lets the page read a response it attached them
	 * to). A page on another origin reads public notes only, and writes only as the author whose bearer token it
	 * holds. The site's pages get no CORS headers.
	 */
	@Bean
	UrlBasedCorsConfigurationSource apiCors() {
		CorsConfiguration api = new CorsConfiguration();
		api.setAllowedOrigins(List.of(CorsConfiguration.ALL));
		api.setAllowedMethods(API_METHODS);
		api.setAllowedHeaders(API_REQUEST_HEADERS);
		api.setExposedHeaders(API_RESPONSE_HEADERS);
		api.setAllowCredentials(false);
		api.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", api);
		return source;
	}

	/**
	 * Static files: the same headers, and nobody recognised. Asked for with the page's cookies, they must not look
	 * up a moderator's sign-in in the database: while it is away that failed them with a 500, and when it is there it
	 * cost a query for each script and style sheet.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain staticFiles(HttpSecurity http, StaticAssets assets) throws Exception {
		http.securityMatcher(request -> assets.serves(request.getRequestURI()))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// nothing here is written: a POST gets the resource handler's 405
			.csrf(csrf -> csrf.disable())
			.headers(SecurityConfiguration::headers)
			.requestCache(cache -> cache.disable())
			.httpBasic(basic -> basic.disable());
		return http.build();
	}

	@Bean
	SecurityFilterChain security(HttpSecurity http, UrlBasedCorsConfigurationSource apiCors,
			IdentityConfigurer identity) throws Exception {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).sameSite("Lax"));
		// the plain handler: the token in a page is the cookie's value, so pages can be cached per reader
		CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
		// a new token when the moderator signs in with the form (nothing from before it survives), not on every
		// request that a sign-in or a secret is recognised in: without sessions Spring would, and a page's forms
		// would fail after its first
		CsrfAuthenticationStrategy newTokenAtSignIn = new CsrfAuthenticationStrategy(tokens);
		newTokenAtSignIn.setRequestHandler(handler);
		// Spring Security's CorsFilter, ahead of the CSRF check: it answers a preflight itself, and adds the
		// headers to every other cross-origin request of the API
		http.cors(cors -> cors.configurationSource(apiCors))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(IdentityConfigurer.SIGN_IN, IdentityConfigurer.SIGN_IN_FAILED).permitAll()
				.requestMatchers(IdentityConfigurer.PAGES).access(identity.moderatorPages())
				.anyRequest().permitAll())
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.csrfTokenRepository(tokens)
				.csrfTokenRequestHandler(handler)
				.requireCsrfProtectionMatcher(SecurityConfiguration::isCookieAuthorisedWrite)
				.sessionAuthenticationStrategy((who, request, response) -> {
					if (who instanceof UsernamePasswordAuthenticationToken) {
						newTokenAtSignIn.onAuthentication(who, request, response);
					}
				}))
			.headers(SecurityConfiguration::headers)
			.requestCache(cache -> cache.disable())
			.with(identity, Customizer.withDefaults())
			.httpBasic(basic -> basic.disable());
		return http.build();
	}

	private static void headers(HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.frameOptions(frames -> frames.deny());
	}

	/**
	 * A write that a browser could be tricked into sending with the reader's cookies attached, and every form
	 * of the moderator's pages, the sign-in included (a forged sign-in could sign a browser in unawares). Only a
	 * bearer token exempts a write that carries cookies: with any other Authorization the author is still the
	 * cookie's.
	 */
	static boolean isCookieAuthorisedWrite(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "GET", "HEAD", "OPTIONS", "TRACE" -> false;
			default -> request.getRequestURI().startsWith("/moderation/")
					|| request.getHeader(HttpHeaders.COOKIE) != null
							&& !ReaderAuthenticationFilter.hasBearerToken(request);
		};
	}

}
