package dev.marginalia.durability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a reader sees after the restart: the notes listed on each paragraph's notes page, by id. */
final class StoredNotes {

	private StoredNotes() {
	}

	/** @return the text of each note on these paragraphs, by note id */
	static Map<String, String> read(String base, List<String> blockIds) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();
		Map<String, String> notes = new HashMap<>();
		for (String blockId : blockIds) {
			// the notes page shows a paragraph's notes a page at a time; a page past the last shows the last again
			for (int number = 1;; number++) {
				String path = "/articles/" + NoteLoad.SLUG + "/p/" + blockId + "/notes?page=" + number;
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
					.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET().build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 200) {
					throw new AssertionError("GET " + path + " answered " + response.statusCode());
				}
				Document page = Jsoup.parse(response.body(), base + path);
				int before = notes.size();
				for (Element note : page.select("article.note[id^=note-]")) {
					notes.put(note.id().substring("note-".length()), note.select(".note-body").text());
				}
				if (notes.size() == before) {
					break;
				}
			}
		}
		return notes;
	}

	/** @return the ids of the first {@code count} paragraphs of the article page (elements {@code [id^=p-]}) */
	static List<String> paragraphIds(String base, int count) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String path = "/articles/" + NoteLoad.SLUG;
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode());
		}
		Document page = Jsoup.parse(response.body(), base + path);
		List<String> ids = page.select("article p[id^=p-]").stream().map(Element::id).distinct().limit(count).toList();
		if (ids.size() < count) {
			throw new AssertionError("Fewer than " + count + " paragraphs with ids on " + path + ": " + ids);
		}
		return ids;
	}

}
