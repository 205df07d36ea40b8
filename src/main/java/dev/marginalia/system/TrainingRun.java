package dev.marginalia.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLibrary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The training run of the fast start ({@code marginalia.training-run=true}, with the JVM writing its class-data
 * archive or AOT cache at exit): once started, the application loads its own pages over loopback, as the first
 * readers will (every article page, plain and gzip, the annotation container's first page), then stops. The
 * archive then also holds the classes of the first requests (Thymeleaf, the Markdown parser, the JSON writer),
 * which {@code spring.context.exit=onRefresh} stops before. Without the setting nothing happens here.
 */
@Component
class TrainingRun {

	private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

	private final boolean enabled;

	private final ArticleLibrary library;

	TrainingRun(@Value("${marginalia.training-run:false}") boolean enabled, ArticleLibrary library) {
		this.enabled = enabled;
		this.library = library;
	}

	@EventListener(ApplicationReadyEvent.class)
	void run(ApplicationReadyEvent ready) {
		if (!enabled || !(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		int port = web.getWebServer().getPort();
		List<String> statuses = new ArrayList<>();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		for (Article article : library.list()) {
			String page = "http://127.0.0.1:" + port + "/articles/" + article.slug();
			statuses.add(load(http, page, "Accept-Encoding", "identity"));
			statuses.add(load(http, page, "Accept-Encoding", "gzip"));
			statuses.add(load(http, "http://127.0.0.1:" + port + "/api/articles/" + article.slug()
					+ "/annotations/?page=0", "Accept", "application/ld+json"));
		}
		log.info("Training run: loaded {} pages ({}); stopping", statuses.size(), String.join(", ", statuses));
		((ConfigurableApplicationContext) ready.getApplicationContext()).close();
	}

	private static String load(HttpClient http, String url, String header, String value) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header(header, value)
				.timeout(Duration.ofSeconds(60)).build();
			return String.valueOf(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		catch (IOException ex) {
			return ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
