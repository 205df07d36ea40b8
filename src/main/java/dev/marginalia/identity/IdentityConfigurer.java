package dev.marginalia.identity;

import java.util.LinkedHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.DelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.ForwardAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Who is who, in Spring Security's chain ({@code system.SecurityConfiguration} applies this): a reader is known by
 * their author secret ({@link ReaderAuthenticationFilter}); the moderator signs in with a form login at {@value #SIGN_IN} (checked by {@link ModeratorPasswordCheck}, the failures counted by
 * {@link SignInGuard}), stays signed in through {@link ModeratorSignIns} (a remember-me that any instance
 * recognises) and signs out at {@value #SIGN_OUT}. Every answer is a 303 (POST-redirect-GET), as the site's forms
 * get. A failed sign-in is forwarded to {@value #SIGN_IN_FAILED}, where the moderation package shows the form again
 * with what went wrong.
 */
@Component
public final class IdentityConfigurer extends AbstractHttpConfigurer<IdentityConfigurer, HttpSecurity> {

	public static final String SIGN_IN = "/moderation/sign-in";

	public static final String SIGN_IN_FAILED = "/moderation/sign-in/failed";

	public static final String SIGN_OUT = "/moderation/sign-out";

	/** Where a sign-in leads: the moderation queue. */
	public static final String QUEUE = "/moderation";

	/** The moderator's pages (the sign-in pages excepted). */
	public static final String PAGES = "/moderation/**";

	private final ModeratorAccount account;

	private final ModeratorSignIns signIns;

	private final ProviderManager authentication;

	IdentityConfigurer(ModeratorAccount account, ModeratorSignIns signIns, SignInGuard guard,
			AuthenticationEventPublisher events) {
		this.account = account;
		this.signIns = signIns;
		this.authentication = new ProviderManager(
				new ModeratorPasswordCheck(account, guard, PasswordEncoderFactories.createDelegatingPasswordEncoder()),
				new RememberMeAuthenticationProvider(signIns.getKey()));
		this.authentication.setAuthenticationEventPublisher(events);
	}

	@Override
	public void init(HttpSecurity http) {
		DefaultRedirectStrategy seeOther = new DefaultRedirectStrategy();
		seeOther.setStatusCode(HttpStatus.SEE_OTHER);
		SimpleUrlAuthenticationSuccessHandler toQueue = new SimpleUrlAuthenticationSuccessHandler(QUEUE);
		toQueue.setAlwaysUseDefaultTargetUrl(true);
		toQueue.setRedirectStrategy(seeOther);
		SimpleUrlLogoutSuccessHandler home = new SimpleUrlLogoutSuccessHandler();
		home.setAlwaysUseDefaultTargetUrl(true);
		home.setRedirectStrategy(seeOther);
		// a visitor of the moderator's pages goes to the sign-in; a refused CSRF token stays a 403
		LinkedHashMap<Class<? extends AccessDeniedException>, AccessDeniedHandler> csrf = new LinkedHashMap<>();
		csrf.put(CsrfException.class, new AccessDeniedHandlerImpl());
		http.authenticationManager(authentication)
			.formLogin(form -> form.loginPage(SIGN_IN)
				.loginProcessingUrl(SIGN_IN)
				.successHandler(toQueue)
				.failureHandler(new ForwardAuthenticationFailureHandler(SIGN_IN_FAILED)))
			.rememberMe(remember -> remember.rememberMeServices(signIns).key(signIns.getKey()))
			.logout(logout -> logout.logoutUrl(SIGN_OUT).logoutSuccessHandler(home))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, failure) -> seeOther.sendRedirect(request, response, SIGN_IN))
				.accessDeniedHandler(new DelegatingAccessDeniedHandler(csrf,
						(request, response, denied) -> seeOther.sendRedirect(request, response, SIGN_IN))));
	}

	/** The reader's author secret, after the moderator's sign-in (whose authorities a reader's request keeps). */
	@Override
	public void configure(HttpSecurity http) {
		http.addFilterAfter(new ReaderAuthenticationFilter(), RememberMeAuthenticationFilter.class);
	}

	/**
	 * @return who may use the moderator's pages: the signed-in moderator; while moderation is off, anyone (the
	 * pages then answer that it is off)
	 */
	public AuthorizationManager<RequestAuthorizationContext> moderatorPages() {
		AuthorizationManager<RequestAuthorizationContext> moderator = AuthorityAuthorizationManager
			.hasRole(ModeratorAccount.ROLE);
		return (who, request) -> account.isOn() ? moderator.authorize(who, request) : new AuthorizationDecision(true);
	}

}
