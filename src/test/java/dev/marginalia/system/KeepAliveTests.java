package dev.marginalia.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One kept-alive connection serves up to 1,000 requests, as nginx's does (Tomcat's own limit, 100, closed it after
 * the hundredth, and the client had to connect again).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeepAliveTests {

	private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 200 ");

	@LocalServerPort
	int port;

	@Test
	void aConnectionServesMoreThanTomcatsHundredRequestsAndCloses() throws IOException {
		assertThat(answersOnOneConnection(150)).isEqualTo(150);
	}

	@Test
	void aConnectionIsClosedAfterAThousandRequests() throws IOException {
		assertThat(answersOnOneConnection(1_050)).isEqualTo(1_000);
	}

	/**
	 * Sends that many requests on one connection, pipelined, the last one asking to close it, reads until the server
	 * closes it and counts the answers.
	 */
	private int answersOnOneConnection(int requests) throws IOException {
		StringBuilder pipelined = new StringBuilder();
		for (int i = 1; i <= requests; i++) {
			pipelined.append("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n")
				.append(i == requests ? "Connection: close\r\n" : "")
				.append("\r\n");
		}
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(pipelined.toString().getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			ByteArrayOutputStream answers = new ByteArrayOutputStream();
			try (InputStream in = socket.getInputStream()) {
				in.transferTo(answers);
			}
			return (int) STATUS_LINE.matcher(answers.toString(StandardCharsets.ISO_8859_1)).results().count();
		}
	}

}
