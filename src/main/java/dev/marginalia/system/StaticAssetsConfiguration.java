package dev.marginalia.system;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The files under {@code static/}, in place of Spring Boot's own handler ({@code spring.web.resources.add-mappings
 * =false}). Each top-level folder is served twice: under its content-hashed URL ({@code /css/<version>/site.css},
 * {@code Cache-Control: max-age=31536000, public, immutable}) and under its plain one ({@code /css/site.css},
 * {@code no-cache}: revalidated on every use). The files at the top ({@code /favicon.svg}) have plain URLs only.
 *
 * <p>Pages link the versioned URLs without saying so: {@code th:href="@{/css/site.css}"} goes through
 * {@link ResourceUrlEncodingFilter}, which asks the handler of {@code /css/**} for the URL. Only links under a
 * static folder or at the top level match a handler, so the other links of a page cost no lookup.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssetsConfiguration implements WebMvcConfigurer {

	static final Duration IMMUTABLE_FOR = Duration.ofDays(365);

	private final StaticAssets assets;

	StaticAssetsConfiguration(StaticAssets assets) {
		this.assets = assets;
	}

	/** The files, scanned once: for their URLs here, and for {@link DatabaseBulkhead}, which lets them pass. */
	@Bean
	static StaticAssets staticAssets(ResourcePatternResolver resolver) {
		return StaticAssets.scan(resolver);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : assets.folders()) {
			String location = StaticAssets.LOCATION + folder + "/";
			registry.addResourceHandler("/" + folder + "/" + assets.version() + "/**")
				.addResourceLocations(location)
				.setCacheControl(CacheControl.maxAge(IMMUTABLE_FOR).cachePublic().immutable());
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations(location)
				.setCacheControl(CacheControl.noCache())
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addFixedVersionStrategy(assets.version(), "/**"));
		}
		registry.addResourceHandler("/*")
			.addResourceLocations(StaticAssets.LOCATION)
			.setCacheControl(CacheControl.noCache());
	}

	/** Rewrites the URLs templates give to {@code encodeURL}, error pages included. */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD);
		return registration;
	}

}
