package dev.marginalia.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Plain HTTP against the running test server, with pages parsed by jsoup. */
public final class WebClient {

	private final HttpClient http = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String base;

	public WebClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public String base() {
		return base;
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Gets a page as a browser would ask for it. */
	public Page page(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
			.GET()
			.build());
		return new Page(response, Jsoup.parse(response.body(), base + path));
	}

	/** A response with its HTML parsed. */
	public record Page(HttpResponse<String> response, Document html) {

		public int status() {
			return response.statusCode();
		}

		public String meta(String property) {
			var element = html.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
			return element == null ? null : element.attr("content");
		}

	}

}
