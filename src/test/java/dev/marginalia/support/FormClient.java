package dev.marginalia.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript, over real HTTP: a cookie jar, pages parsed by jsoup, forms sent with the CSRF
 * token of the last page loaded. Signs in as the tests' moderator ({@code config/application.properties}).
 */
public final class FormClient {

	public static final String MODERATOR = "moderator";

	public static final String PASSWORD = "correct horse battery staple";

	public final Map<String, String> cookies = new LinkedHashMap<>();

	private final WebClient web;

	private String csrf = "";

	public FormClient(int port) {
		this.web = new WebClient(port);
	}

	public String base() {
		return web.base();
	}

	public String csrf() {
		return csrf;
	}

	/** Loads a page (keeping its CSRF token for the next form). */
	public Document page(String path) {
		HttpResponse<String> response = get(path);
		Document html = Jsoup.parse(response.body(), web.base() + path);
		Element meta = html.selectFirst("meta[name=_csrf]");
		if (meta != null) {
			csrf = meta.attr("content");
		}
		return html;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(web.base() + path)).GET());
	}

	/** Sends a form with the CSRF token of the last page. */
	public HttpResponse<String> post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		return postRaw(path, all);
	}

	/** Sends a form as given (no CSRF token added). */
	public HttpResponse<String> postRaw(String path, Map<String, String> fields) {
		String form = fields.entrySet().stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(web.base() + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		request.header("Accept", "text/html");
		String jar = cookieHeader();
		if (!jar.isEmpty()) {
			request.header("Cookie", jar);
		}
		HttpResponse<String> response = web.send(request.build());
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";", 2)[0];
			String name = pair.substring(0, pair.indexOf('='));
			String value = pair.substring(pair.indexOf('=') + 1);
			if (value.isEmpty() || header.contains("Max-Age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		return response;
	}

	public String cookieHeader() {
		return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
	}

	/** Signs in through the sign-in form. */
	public HttpResponse<String> signIn(String username, String password) {
		page("/moderation/sign-in");
		return post("/moderation/sign-in", Map.of("username", username, "password", password));
	}

	/** Signs in as the tests' moderator and loads the queue (for its CSRF token). */
	public FormClient signInAsModerator() {
		HttpResponse<String> response = signIn(MODERATOR, PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		page("/moderation");
		return this;
	}

	/** Writes a public note on a paragraph through the form, as a reader does; returns its id. */
	public String write(String article, String block, String body) {
		page(article + "/p/" + block + "/notes");
		HttpResponse<String> response = post(article + "/p/" + block + "/notes",
				Map.of("body", body, "authorName", "Writer", "visibility", "public"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		return location.substring(location.indexOf("#note-") + 6);
	}

}
