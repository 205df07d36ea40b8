package dev.marginalia.reading;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;

/**
 * Renders a Thymeleaf view into a String, exactly as it would be rendered into a response, but with the
 * request's CSRF token replaced: by a placeholder (filled in per request when the page is served) or by none
 * at all (a page for readers without cookies carries no token). Nothing of the request's own token can end up
 * in a page that is kept.
 */
@Component
class ViewToText {

	private final ThymeleafViewResolver views;

	ViewToText(ThymeleafViewResolver views) {
		this.views = views;
	}

	/**
	 * @param tokenPlaceholder what stands where the CSRF token goes; null: no token, no token fields in forms
	 */
	String render(String viewName, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
			@Nullable String tokenPlaceholder) {
		try {
			View view = views.resolveViewName(viewName, Locale.ENGLISH);
			if (view == null) {
				throw new IllegalStateException("No view " + viewName);
			}
			Capture capture = new Capture(response);
			view.render(model, new TokenReplaced(request, tokenPlaceholder), capture);
			capture.writer.flush();
			return capture.text.toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot render " + viewName, ex);
		}
	}

	/** The request, with the CSRF token replaced. Attributes set while rendering stay on this wrapper. */
	private static final class TokenReplaced extends HttpServletRequestWrapper {

		private final @Nullable CsrfToken token;

		private final Map<String, Object> attributes = new java.util.HashMap<>();

		TokenReplaced(HttpServletRequest request, @Nullable String placeholder) {
			super(request);
			this.token = placeholder == null ? null : new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", placeholder);
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			if (name.equals("_csrf") || name.equals(CsrfToken.class.getName())) {
				return token;
			}
			return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			attributes.put(name, null);
		}

	}

	/** A response whose body goes to a String; nothing reaches the real response. */
	private static final class Capture extends HttpServletResponseWrapper {

		private final StringWriter text = new StringWriter(32 * 1024);

		private final PrintWriter writer = new PrintWriter(text);

		Capture(HttpServletResponse response) {
			super(response);
		}

		@Override
		public PrintWriter getWriter() {
			return writer;
		}

		@Override
		public void setContentType(String type) {
		}

		@Override
		public void setCharacterEncoding(String charset) {
		}

		@Override
		public void setLocale(Locale locale) {
		}

		@Override
		public String getCharacterEncoding() {
			return "UTF-8";
		}

		@Override
		public void setHeader(String name, String value) {
		}

		@Override
		public void addHeader(String name, String value) {
		}

		@Override
		public void flushBuffer() {
		}

		@Override
		public boolean isCommitted() {
			return false;
		}

	}

}
