package dev.marginalia.annotations;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.CONTAINER;
import static dev.marginalia.annotations.ApiClient.PARAGRAPH;
import static dev.marginalia.annotations.ApiClient.SLUG;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** With {@code marginalia.public-url} set, every IRI starts with it, whatever the request's Host says. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.public-url=https://read.example/")
class PublicUrlTests {

	static final String ARTICLE = "https://read.example/articles/" + SLUG;

	static final String CONTAINER_IRI = "https://read.example/api/articles/" + SLUG + "/annotations/";

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void annotationsAndTheirTargetsUseThePublicAddress() {
		String note = api.note(PARAGRAPH, "Public address", "").replace(api.articleUrl(), ARTICLE);
		HttpResponse<String> created = api.post(note);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode annotation = json(created);
		assertThat(annotation.get("id").stringValue()).startsWith(CONTAINER_IRI);
		assertThat(header(created, "Location")).isEqualTo(annotation.get("id").stringValue());
		assertThat(annotation.get("target").get("source").stringValue()).isEqualTo(ARTICLE);

		HttpResponse<String> reply = api.post(api.reply(annotation.get("id").stringValue(), "Public reply", ""));
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
		assertThat(json(reply).get("target").stringValue()).isEqualTo(annotation.get("id").stringValue());
	}

	@Test
	void theRequestsOwnAddressIsStillUnderstoodInTargets() {
		HttpResponse<String> created = api.post(api.note("Local address"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(json(created).get("target").get("source").stringValue()).isEqualTo(ARTICLE);
	}

	@Test
	void theContainerAndItsPagesUseThePublicAddress() {
		api.note(null, "Listed");
		JsonNode container = json(api.get(CONTAINER)); // asked of localhost
		assertThat(container.get("id").stringValue()).isEqualTo(CONTAINER_IRI + "?iris=0");
		assertThat(container.get("first").get("id").stringValue()).isEqualTo(CONTAINER_IRI + "?iris=0&page=0");
		assertThat(container.get("last").stringValue()).startsWith(CONTAINER_IRI);
	}

}
