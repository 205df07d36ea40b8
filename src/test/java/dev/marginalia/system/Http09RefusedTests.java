package dev.marginalia.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A request line without a version (HTTP/0.9) gets nothing back, over a raw socket; HTTP/1.x is served as ever. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class Http09RefusedTests {

	static final String ARTICLE = "/articles/stability-a-rare-strategic-resource";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", ARTICLE })
	void anHttp09RequestGetsNoBytesAtAll(String path) {
		// the shared article page is rendered and kept first, so that the filter that sends it could answer too
		assertThat(exchange("GET " + ARTICLE + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 200 ");

		String answer = exchange("GET " + path + "\r\n");

		assertThat(answer).as("no bare body, no status line: nothing").isEmpty();
	}

	@Test
	void http11AndHttp10RequestsAreServedAsBefore() {
		String http11 = exchange("GET " + ARTICLE + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		String http10 = exchange("GET " + ARTICLE + " HTTP/1.0\r\n\r\n");

		assertThat(http11).startsWith("HTTP/1.1 200 ").contains("Content-Security-Policy:", "<article");
		assertThat(http10).startsWith("HTTP/1.1 200 ").contains("<article");
	}

	/** Writes the bytes on a new connection and reads everything until the server closes it. */
	private String exchange(String request) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			try (InputStream in = socket.getInputStream()) {
				in.transferTo(answer);
			}
			return answer.toString(StandardCharsets.ISO_8859_1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
