package dev.marginalia.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP for the hostile suite: the tests' {@link WebClient} (java.net.http) for what it can send, a raw socket for
 * what it refuses to send (a Host header, bytes that are not a valid URI, CR/LF in values, oversized lines).
 */
final class Wire {

	static final Pattern DANGEROUS_URL = Pattern.compile("^\\s*(javascript|data|vbscript|livescript|file)\\s*:",
			Pattern.CASE_INSENSITIVE);

	/** What java.net.http can send. */
	final WebClient web;

	final int port;

	final String base;

	Wire(int port) {
		this.port = port;
		this.web = new WebClient(port);
		this.base = web.base();
	}

	Resp send(HttpRequest.Builder request) {
		request.timeout(Duration.ofSeconds(20));
		HttpResponse<byte[]> response = web.sendForBytes(request);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
		return new Resp(response.statusCode(), headers, new String(response.body(), StandardCharsets.UTF_8));
	}

	HttpRequest.Builder request(String path) {
		return web.request(path);
	}

	/** @param headers name, value, name, value... */
	Resp get(String path, String... headers) {
		HttpRequest.Builder request = request(path).GET();
		boolean accept = false;
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			accept |= headers[i].equalsIgnoreCase("Accept");
		}
		if (!accept) {
			request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		}
		return send(request);
	}

	Resp method(String method, String path, byte[] body, String... headers) {
		HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/**
	 * Sends exactly these bytes (a request line, headers and a body); "Connection: close" is expected among the
	 * headers so that the answer ends with the connection.
	 * @return the answer, or status 0 when the server closed the connection without one
	 */
	Resp raw(byte[] request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// the server may answer (400, 413) and hang up before it has read everything
			}
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			try (InputStream in = socket.getInputStream()) {
				in.transferTo(all);
			}
			catch (IOException ex) {
				// a reset after a complete answer
			}
			return parse(all.toByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A raw GET with Host and Connection: close first, then these header lines. */
	Resp rawGet(String target, String... headerLines) {
		return rawGetWithHost(target, "localhost:" + port, headerLines);
	}

	Resp rawGetWithHost(String target, String host, String... headerLines) {
		StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n");
		if (host != null) {
			request.append("Host: ").append(host).append("\r\n");
		}
		request.append("Accept: text/html,*/*;q=0.8\r\nConnection: close\r\n");
		for (String line : headerLines) {
			request.append(line).append("\r\n");
		}
		request.append("\r\n");
		return raw(request.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static Resp parse(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (!text.startsWith("HTTP/1.1 ") || end < 0) {
			return new Resp(0, Map.of(), text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].substring(9, 12));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						key -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
		if (encoding.stream().anyMatch(value -> value.equalsIgnoreCase("chunked"))) {
			body = dechunk(body);
		}
		return new Resp(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = indexOfCrlf(body, at);
			if (lineEnd < 0) {
				break;
			}
			String sizeLine = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int size;
			try {
				size = Integer.parseInt(sizeLine, 16);
			}
			catch (NumberFormatException ex) {
				break;
			}
			if (size == 0) {
				break;
			}
			int from = lineEnd + 2;
			out.write(body, from, Math.min(size, body.length - from));
			at = from + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/** Percent-encodes a whole path segment (every byte outside the unreserved set). */
	static String segment(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
					|| c == '.' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%').append(String.format("%02X", c));
			}
		}
		return out.toString();
	}

	static String query(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * The page cannot run anything a reader wrote: scripts only from this host and never inline, no element that
	 * loads or runs content, no event handler attribute, no script URL, and no inline style inside notes.
	 */
	static void assertInert(Document html) {
		for (Element script : html.select("script")) {
			assertThat(script.attr("src")).as("a script from this host only: %s", script).startsWith("/");
			assertThat(script.data()).as("no inline script: %s", script).isBlank();
		}
		// Tomcat's own error report (a request refused before it reaches the application) carries a fixed style
		boolean tomcatReport = html.title().startsWith("HTTP Status ") && html.select("style").size() == 1
				&& html.select("style").first().data().startsWith("body {font-family:Tahoma,Arial,sans-serif;}");
		// the article page's own density strip (drawn by the server) is one SVG of links, titles and rectangles only
		assertThat(html.select("svg.density-strip")).as("at most the page's own density strip").hasSizeLessThan(2);
		assertThat(html.select("svg.density-strip *:not(a, title, rect)")).as("nothing but links, titles and rectangles "
				+ "in the density strip").isEmpty();
		assertThat(html.select("iframe, frame, frameset, object, embed, applet, svg:not(.density-strip), math, img, base, "
				+ "link[rel~=(?i)import], portal, video, audio, source, meta[http-equiv]:not([http-equiv=refresh])"
				+ (tomcatReport ? "" : ", style")))
			.as("no active or loading element in the page").isEmpty();
		for (Element refresh : html.select("meta[http-equiv=refresh]")) {
			assertThat(refresh.attr("content")).as("the page's own refresh goes to a web address")
				.matches("\\d+; url=(https?://|/)[^\\s\"'<>]*");
		}
		for (Element element : html.getAllElements()) {
			for (Attribute attribute : element.attributes()) {
				String name = attribute.getKey().toLowerCase(Locale.ROOT);
				assertThat(name).as("no event handler on %s", element.tagName()).doesNotStartWith("on");
				if (name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction")
						|| name.endsWith(":href") || name.equals("srcset") || name.equals("content") && element.tagName().equals("meta") && "refresh".equalsIgnoreCase(element.attr("http-equiv"))) {
					String value = attribute.getValue().replaceAll("[\\s\\u0000-\\u001f]", "");
					assertThat(DANGEROUS_URL.matcher(value).find()).as("no script URL: %s=%s", name, value).isFalse();
				}
			}
		}
		assertThat(html.select("article.note [style], article.note [class*=script], .note-body form, .note-body input, "
				+ ".note-body button, .note-body textarea, .note-body select"))
			.as("nothing styled or interactive inside notes").isEmpty();
	}

	static Document html(Resp response, String url) {
		return Jsoup.parse(response.body(), url);
	}

}
