package dev.marginalia.bare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bare reference of {@code src/bench/run}: Spring Boot with webmvc and Thymeleaf on the classpath and nothing
 * else, serving bytes read once at start from {@code bare.page} (the article page as the app sends it without
 * compression) and, to a client that accepts gzip, from {@code bare.page-gzip} (the same page as the app sends it
 * gzipped), when given. What it costs beside nginx is the framework's and Tomcat's share of a kept page.
 */
@SpringBootApplication
public class BareApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareApplication.class, args);
	}

	@RestController
	static class PageController {

		private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

		private final byte[] page;

		private final byte[] gzipped;

		PageController(@Value("${bare.page}") Path page, @Value("${bare.page-gzip:}") String gzipped)
				throws IOException {
			this.page = Files.readAllBytes(page);
			this.gzipped = gzipped.isEmpty() ? null : Files.readAllBytes(Path.of(gzipped));
		}

		@GetMapping({ "/", "/page" })
		ResponseEntity<byte[]> page(@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String accept) {
			ResponseEntity.BodyBuilder response = ResponseEntity.ok()
				.contentType(HTML)
				.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
			if (this.gzipped != null && accept != null && accept.contains("gzip")) {
				return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(this.gzipped);
			}
			return response.body(this.page);
		}

	}

}
