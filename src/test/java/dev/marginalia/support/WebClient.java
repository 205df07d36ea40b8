package dev.marginalia.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Plain HTTP against a running server of the tests (on this JVM or another), with pages parsed by jsoup: the one
 * {@link HttpClient} of the tests, so that every request goes out the same way (no redirects followed, a connect
 * timeout, I/O failures unchecked). {@link FormClient} keeps cookies and CSRF tokens on top of it, the annotation
 * tests' {@code ApiClient} JSON, the hostile suite's {@code Wire} raw sockets for what it cannot send.
 */
public final class WebClient {

	private final HttpClient http;

	private final int port;

	private final String base;

	/** A client of the server on this port, in the JDK's default version (HTTP/2 where the server upgrades). */
	public WebClient(int port) {
		this(port, HttpClient.Version.HTTP_2);
	}

	private WebClient(int port, HttpClient.Version version) {
		this.http = HttpClient.newBuilder()
			.version(version)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		this.port = port;
		this.base = "http://localhost:" + port;
	}

	/**
	 * @return a client of the server on this port over HTTP/1.1: a connection for each request in flight (a flood
	 * of concurrent requests, a load of writers), as browsers' many connections, not streams of one
	 */
	public static WebClient overHttp11(int port) {
		return new WebClient(port, HttpClient.Version.HTTP_1_1);
	}

	public int port() {
		return port;
	}

	public String base() {
		return base;
	}

	/**
	 * @param pathOrUrl a path of this server, or a whole URL (the server at another address)
	 * @param headers name, value, name, value...
	 * @return a request, to add to and send
	 */
	public HttpRequest.Builder request(String pathOrUrl, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl
				: base + pathOrUrl));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	/**
	 * @param headers name, value, name, value...
	 * @return the response to a GET, its body as bytes, as it came (compressed bodies stay compressed)
	 */
	public HttpResponse<byte[]> getBytes(String pathOrUrl, String... headers) {
		return sendForBytes(request(pathOrUrl, headers).GET());
	}

	/** @return the response, its body as text */
	public HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** @return the response, its body as bytes, as it came (compressed bodies stay compressed) */
	public HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
		return send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * @return the response, its body as the handler takes it
	 * @throws UncheckedIOException where the server cannot be reached or the exchange breaks off
	 */
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return http.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** @return the response when it comes (its body as the handler takes it, as it arrives for a stream) */
	public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		return http.sendAsync(request, body);
	}

	/** Gets a page as a browser would ask for it. */
	public Page page(String path) {
		HttpResponse<String> response = send(request(path)
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
