package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.CONTAINER;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging over a container of 45 annotations (43 public notes, a reply, a private note): pages of 20, walked by
 * their next links. Its own application context, so its own empty database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=paging")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnotationPagingTests {

	static final String IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";

	@LocalServerPort
	int port;

	ApiClient api;

	String author;

	String someoneElse;

	/** Every annotation the author sees, oldest first. */
	final List<String> created = new ArrayList<>();

	String privateNote;

	@BeforeAll
	void createFortyFiveAnnotations() {
		api = new ApiClient(port);
		ApiClient.Created other = api.note(null, "Someone else's note");
		someoneElse = other.secret();
		created.add(other.iri());
		ApiClient.Created first = api.note(null, "Note 1");
		author = first.secret();
		created.add(first.iri());
		for (int i = 2; i <= 41; i++) {
			created.add(api.note(author, "Note " + i).iri());
		}
		created.add(api.create(author, api.reply(first.iri(), "A reply", "")).iri());
		privateNote = api.create(author, api.note(ApiClient.PARAGRAPH, "Private",
				", \"marginalia:visibility\": \"private\"")).iri();
		created.add(privateNote);
		created.add(api.note(author, "Note 44").iri());
	}

	@Test
	void theContainerEmbedsTheFirstPageAndLinksTheLast() {
		JsonNode container = json(api.get(CONTAINER, "Authorization", "Bearer " + author));
		assertThat(container.get("total").intValue()).isEqualTo(45);
		JsonNode first = container.get("first");
		assertThat(first.get("items")).hasSize(20);
		assertThat(first.get("startIndex").intValue()).isZero();
		assertThat(first.has("prev")).isFalse();
		assertThat(first.get("next").stringValue()).isEqualTo(api.containerIri() + "?iris=0&page=1");
		assertThat(container.get("last").stringValue()).isEqualTo(api.containerIri() + "?iris=0&page=2");
	}

	@Test
	void walkingTheNextLinksGivesEveryAnnotationOnceInOrder() {
		List<String> seen = new ArrayList<>();
		String next = api.containerIri() + "?iris=0&page=0";
		int number = 0;
		while (next != null) {
			HttpResponse<String> response = api.get(next, "Authorization", "Bearer " + author);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(header(response, "Content-Location")).isEqualTo(next);
			assertThat(response.headers().allValues("Link")).as("a page is not a container").isEmpty();
			assertThat(header(response, "Allow")).isEqualTo("GET,HEAD,OPTIONS");
			JsonNode page = json(response);
			assertThat(page.get("type").stringValue()).isEqualTo("AnnotationPage");
			assertThat(page.get("id").stringValue()).isEqualTo(next);
			assertThat(page.get("@context").get(0).stringValue()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
			assertThat(page.get("partOf").get("id").stringValue()).isEqualTo(api.containerIri() + "?iris=0");
			assertThat(page.get("partOf").get("total").intValue()).isEqualTo(45);
			assertThat(page.get("startIndex").intValue()).isEqualTo(number * 20);
			assertThat(page.has("prev")).isEqualTo(number > 0);
			if (number > 0) {
				assertThat(page.get("prev").stringValue()).isEqualTo(api.containerIri() + "?iris=0&page=" + (number - 1));
			}
			page.get("items").forEach(item -> seen.add(item.get("id").stringValue()));
			next = page.has("next") ? page.get("next").stringValue() : null;
			number++;
		}
		assertThat(number).isEqualTo(3);
		assertThat(seen).hasSize(45).doesNotHaveDuplicates().containsExactlyElementsOf(created);
	}

	@Test
	void thePagesOfIrisListIrisOnly() {
		HttpResponse<String> container = api.get(CONTAINER, "Authorization", "Bearer " + author, "Prefer",
				"return=representation;include=\"" + IRIS + "\"");
		List<String> seen = new ArrayList<>();
		JsonNode page = json(container).get("first");
		while (true) {
			page.get("items").forEach(item -> seen.add(item.stringValue()));
			if (!page.has("next")) {
				break;
			}
			assertThat(page.get("next").stringValue()).contains("?iris=1&page=");
			page = json(api.get(page.get("next").stringValue(), "Authorization", "Bearer " + author));
		}
		assertThat(seen).containsExactlyElementsOf(created);
	}

	@Test
	void somebodyElseSeesTheSamePagesWithoutThePrivateNote() {
		assertThat(json(api.get(CONTAINER, "Authorization", "Bearer " + someoneElse)).get("total").intValue())
			.isEqualTo(44);
		assertThat(json(api.get(CONTAINER)).get("total").intValue()).isEqualTo(44);
		Set<String> seen = new LinkedHashSet<>();
		for (int number = 0; number <= 2; number++) {
			json(api.get(CONTAINER + "?iris=1&page=" + number)).get("items").forEach(item -> seen.add(item.stringValue()));
		}
		assertThat(seen).hasSize(44).doesNotContain(privateNote);
		assertThat(api.get(CONTAINER + "?page=3").statusCode()).isEqualTo(404);
	}

	@Test
	void aPageAsksForNoPreference() {
		JsonNode page = json(api.get(CONTAINER + "?page=2"));
		assertThat(page.get("id").stringValue()).isEqualTo(api.containerIri() + "?iris=0&page=2");
		assertThat(page.get("items")).hasSize(4);
		assertThat(page.has("next")).isFalse();
		assertThat(page.get("partOf").get("last").stringValue()).isEqualTo(api.containerIri() + "?iris=0&page=2");
	}

}
