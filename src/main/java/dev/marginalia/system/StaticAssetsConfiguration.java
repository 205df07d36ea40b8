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
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The files under {@code static/}, in place of Spring Boot's own handler ({@code spring.web.resources.add-mappings
 * =false}), versioned by Spring's resource chain: the MD5 of each file's content in its name. Each top-level folder
 * is served twice: under content-versioned names ({@code /css/site-<md5>.css},
 * {@code Cache-Control: max-age=31536000, public, immutable}) and under the plain ones ({@code /css/site.css},
 * {@code no-cache}: revalidated on every use, by an ETag of the content). The files at the top ({@code /favicon.svg})
 * have plain URLs only.
 *
 * <p>Pages link the versioned URLs without saying so: {@code th:href="@{/css/site.css}"} goes through
 * {@link ResourceUrlEncodingFilter}, which asks the handler of {@code /css/**} for the URL. Only links under a
 * static folder or at the top level match a handler, so the other links of a page cost no lookup. The ES modules
 * that {@code site.js} imports ({@code ./notes.js}) are fetched at their plain URLs, next to the versioned script,
 * and revalidated: a changed module changes its ETag, not the version of the script that imports it (the resource
 * chain versions each file by its own bytes).
 */
@Configuration(proxyBeanMethods = false)
class StaticAssetsConfiguration implements WebMvcConfigurer {

	static final Duration IMMUTABLE_FOR = Duration.ofDays(365);

	/**
	 * A file name as the resource chain versions it: the MD5 of the content (32 hex digits) before the extension (a
	 * regular expression of a path pattern, within one segment, may not count with braces).
	 */
	private static final String VERSIONED_NAME = "{file:.+-" + "[0-9a-f]".repeat(32) + "\\.[a-z]+}";

	private static final ContentVersionStrategy CONTENT = new ContentVersionStrategy();

	private final StaticAssets assets;

	StaticAssetsConfiguration(StaticAssets assets) {
		this.assets = assets;
	}

	/** The files, listed once: for the folders here, and for {@link DatabaseBulkhead}, which lets them pass. */
	@Bean
	static StaticAssets staticAssets(ResourcePatternResolver resolver) {
		return StaticAssets.scan(resolver);
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		VersionResourceResolver byContent = new VersionResourceResolver().addContentVersionStrategy("/**");
		for (String folder : assets.folders()) {
			String location = StaticAssets.LOCATION + folder + "/";
			registry.addResourceHandler("/" + folder + "/" + VERSIONED_NAME)
				.addResourceLocations(location)
				.setCacheControl(CacheControl.maxAge(IMMUTABLE_FOR).cachePublic().immutable())
				.resourceChain(true)
				.addResolver(byContent);
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations(location)
				.setCacheControl(CacheControl.noCache())
				.setEtagGenerator(CONTENT::getResourceVersion)
				.resourceChain(true)
				.addResolver(byContent);
		}
		registry.addResourceHandler("/*")
			.addResourceLocations(StaticAssets.LOCATION)
			.setCacheControl(CacheControl.noCache())
			.setEtagGenerator(CONTENT::getResourceVersion);
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
