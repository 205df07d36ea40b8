package dev.marginalia.annotations;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.annotations.AnnotationProtocolTests.header;
import static dev.marginalia.annotations.ApiClient.JSON_LD;
import static dev.marginalia.annotations.ApiClient.SLUG;
import static dev.marginalia.annotations.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI description: every path and method it documents exists and answers as documented. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OpenApiTests {

	/** The order that keeps every request meaningful: the annotation is deleted last. */
	private static final List<String> METHODS = List.of("options", "head", "get", "post", "put", "delete");

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
	}

	@Test
	void theDescriptionIsServedAsOpenApi31() {
		HttpResponse<String> response = api.get("/api/openapi.json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(header(response, "Content-Type")).startsWith("application/json");
		JsonNode openApi = json(response);
		assertThat(openApi.get("openapi").stringValue()).startsWith("3.1.");
		assertThat(openApi.get("paths").propertyNames()).isNotEmpty();
		assertThat(api.get("/api/problems.html").statusCode()).isEqualTo(200);
	}

	@Test
	void everyDocumentedOperationAnswersWithADocumentedStatus() {
		JsonNode openApi = json(api.get("/api/openapi.json"));
		ApiClient.Created note = api.note(null, "Described");
		// a reader's reactions are to someone else's note
		String reader = api.note(null, "By another reader").secret();
		Map<String, String> parameters = Map.of("{slug}", SLUG, "{id}", note.path().replaceAll(".*/", ""));
		List<String> checked = new ArrayList<>();
		for (String path : openApi.get("paths").propertyNames()) {
			String concrete = path;
			for (var parameter : parameters.entrySet()) {
				concrete = concrete.replace(parameter.getKey(), parameter.getValue());
			}
			assertThat(concrete).as("every parameter of " + path + " is known").doesNotContain("{");
			JsonNode item = openApi.get("paths").get(path);
			for (String method : METHODS) {
				if (!item.has(method)) {
					continue;
				}
				HttpResponse<String> response = call(method, concrete, note, reader);
				assertThat(item.get(method).get("responses").has(String.valueOf(response.statusCode())))
					.as("%s %s answered %d, which is documented", method, path, response.statusCode())
					.isTrue();
				assertThat(response.statusCode()).as("%s %s", method, path).isLessThan(400);
				checked.add(method + " " + path);
			}
		}
		assertThat(checked).contains("get /api/articles/{slug}/annotations/", "post /api/articles/{slug}/annotations/",
				"put /api/articles/{slug}/annotations/{id}", "delete /api/articles/{slug}/annotations/{id}",
				"post /api/articles/{slug}/annotations/import", "get /articles/{slug}/notes.jsonld",
				"get /api/my/annotations", "get /my/notes.jsonld",
				"put /api/articles/{slug}/annotations/{id}/reactions/useful",
				"delete /api/articles/{slug}/annotations/{id}/reactions/useful");
	}

	/** A valid request for the operation, as the author of the note (a reaction: as another reader). */
	private HttpResponse<String> call(String method, String path, ApiClient.Created note, String reader) {
		if (path.contains("/reactions/")) {
			return api.send(method.toUpperCase(java.util.Locale.ROOT), path, new byte[0], "Authorization", "Bearer " + reader);
		}
		String bearer = "Bearer " + note.secret();
		return switch (method) {
			case "post" -> path.endsWith("/import")
					? api.send("POST", path, "[" + api.note("Imported") + "]",
							api.asModerator("Content-Type", JSON_LD, "Authorization", bearer))
					: api.send("POST", path, api.note("Another"), "Content-Type", JSON_LD, "Authorization", bearer);
			case "put" -> api.send("PUT", path, api.note("Changed"), "Content-Type", JSON_LD, "Authorization", bearer,
					"If-Match", header(api.get(path), "ETag"));
			default -> api.send(method.toUpperCase(java.util.Locale.ROOT), path, new byte[0], "Authorization", bearer);
		};
	}

}
