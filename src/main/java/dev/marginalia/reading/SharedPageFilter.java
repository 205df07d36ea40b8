package dev.marginalia.reading;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import dev.marginalia.web.Compressed;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Sends the article page of readers without cookies ahead of Spring Security and Spring MVC, when it is already
 * rendered for the current state of the article's notes: the bytes are the same for all of those readers, and
 * the security and MVC chain was most of the cost of sending them (measured: p99 at 64 connections).
 *
 * <p>The headers are not written here from a second definition that could drift: the first time a page goes out
 * the usual way (through the controller and Spring Security's header writers), the filter keeps the headers it
 * went out with, and sends exactly those again, with the variant's ETag and Content-Encoding. Anything it is not
 * sure of (another method, a query, a cookie, credentials, a path that is not exactly an article's, a page not yet
 * rendered) goes the usual way.
 *
 * <p>It comes right after the observation filter (which times the request), ahead of everything that may use or
 * wait for the database (the bulkhead of package {@code system}, the write limits): the page is in memory, so
 * readers without cookies keep getting it while the database is away.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class SharedPageFilter extends OncePerRequestFilter {

	static final String PATTERN = "/articles/{slug}";

	/** Set by the controller on the request when it sends the shared page: these headers may be kept. */
	static final String SENT_SHARED_PAGE = SharedPageFilter.class.getName() + ".sent";

	private static final Pattern PATH = Pattern.compile("/articles/([a-z0-9]+(?:-[a-z0-9]+)*)");

	/** Per response: what the variant and the moment decide, not kept. */
	private static final Set<String> NOT_KEPT = Set.of("date", "content-length", "content-encoding", "etag",
			"transfer-encoding", "connection", "keep-alive", "set-cookie", "link");

	private final ArticleLibrary library;

	private final ArticlePages pages;

	private final PageCacheability cacheability;

	private final PublicLinks links;

	/** The headers the page last went out with, per article and scheme (HSTS is sent over TLS only). */
	private final ConcurrentMap<HeadersKey, List<Header>> kept = new ConcurrentHashMap<>();

	private final AtomicLong served = new AtomicLong();

	SharedPageFilter(ArticleLibrary library, ArticlePages pages, PageCacheability cacheability, PublicLinks links) {
		this.library = library;
		this.pages = pages;
		this.cacheability = cacheability;
		this.links = links;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> slug = slug(request);
		if (slug.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		HeadersKey key = new HeadersKey(slug.get(), request.isSecure());
		List<Header> headers = kept.get(key);
		Optional<Article> article = headers == null ? Optional.empty() : library.find(slug.get());
		Optional<ArticlePages.SharedPage> page = article.flatMap(pages::ready);
		if (page.isPresent()) {
			send(article.get(), page.get(), headers, request, response);
			return;
		}
		chain.doFilter(request, response);
		if (request.getAttribute(SENT_SHARED_PAGE) != null && response.getStatus() == HttpServletResponse.SC_OK) {
			kept.put(key, headersOf(response));
		}
	}

	private void send(Article article, ArticlePages.SharedPage page, List<Header> headers, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATTERN));
		Compressed.Variant sent = page.body().variant(request);
		for (Header header : headers) {
			header.values().forEach(value -> response.addHeader(header.name(), value));
		}
		response.setHeader(HttpHeaders.LINK, links.annotationService(article, request));
		response.setHeader(HttpHeaders.ETAG, sent.entityTag());
		if (sent.contentEncoding() != null) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, sent.contentEncoding());
		}
		served.incrementAndGet();
		// Spring's own check, as for the page sent by the controller: 304 when If-None-Match names the tag
		if (new ServletWebRequest(request, response).checkNotModified(sent.entityTag())) {
			return;
		}
		response.setContentLength(sent.body().length);
		if (!request.getMethod().equals("HEAD")) {
			response.getOutputStream().write(sent.body());
		}
	}

	/** @return the article's slug when this request may be given the shared page, if it is rendered */
	private Optional<String> slug(HttpServletRequest request) {
		String method = request.getMethod();
		if (!method.equals("GET") && !method.equals("HEAD") || request.getQueryString() != null
				|| !cacheability.isFirstTime(request) || !request.getContextPath().isEmpty()) {
			return Optional.empty();
		}
		Matcher path = PATH.matcher(request.getRequestURI());
		return path.matches() ? Optional.of(path.group(1)) : Optional.empty();
	}

	private static List<Header> headersOf(HttpServletResponse response) {
		List<Header> headers = new ArrayList<>();
		for (String name : Set.copyOf(response.getHeaderNames())) {
			if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
				headers.add(new Header(name, List.copyOf(response.getHeaders(name))));
			}
		}
		return List.copyOf(headers);
	}

	/** @return how many pages this filter sent itself (for tests: which way a response went) */
	long served() {
		return served.get();
	}

	private record HeadersKey(String slug, boolean secure) {
	}

	private record Header(String name, List<String> values) {
	}

}
