package dev.marginalia.durability;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.support.WebClient;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a reader sees after the restart: the notes listed on each paragraph's notes page, by id. */
final class StoredNotes {

	private StoredNotes() {
	}

	/** @return the text of each note on these paragraphs, by note id */
	static Map<String, String> read(WebClient web, List<String> blockIds) {
		Map<String, String> notes = new HashMap<>();
		for (String blockId : blockIds) {
			// the notes page shows a paragraph's notes a page at a time; a page past the last shows the last again
			for (int number = 1;; number++) {
				String path = "/articles/" + NoteLoad.SLUG + "/p/" + blockId + "/notes?page=" + number;
				HttpResponse<String> response = web.send(web.request(path)
					.timeout(Duration.ofSeconds(60)).header("Accept", "text/html").GET().build());
				if (response.statusCode() != 200) {
					throw new AssertionError("GET " + path + " answered " + response.statusCode());
				}
				Document page = Jsoup.parse(response.body(), web.base() + path);
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
	static List<String> paragraphIds(WebClient web, int count) {
		String path = "/articles/" + NoteLoad.SLUG;
		HttpResponse<String> response = web.get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode());
		}
		Document page = Jsoup.parse(response.body(), web.base() + path);
		List<String> ids = page.select("article p[id^=p-]").stream().map(Element::id).distinct().limit(count).toList();
		if (ids.size() < count) {
			throw new AssertionError("Fewer than " + count + " paragraphs with ids on " + path + ": " + ids);
		}
		return ids;
	}

}
