package dev.marginalia.hostile;

import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.marginalia.support.TestNotes;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input against every input the application takes (issue 6, item 5): each crafted input is its own test.
 * Every answer is a 4xx, or the input is accepted as the legitimate text it is and shown inert; never a 5xx;
 * nothing is stored by a refused request, and the notes of other readers are never changed. Counts by category
 * are printed at the end ("HOSTILE: ...").
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	static final String BLOCK = "p-AarAar";

	static final String PARAGRAPH_NOTES = ARTICLE + "/p/" + BLOCK + "/notes";

	static final String CONTAINER = "/api/articles/" + SLUG + "/annotations/";

	static final String JSON_LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";

	static final String SENTINEL = "HOSTILE-SENTINEL-7f3a";

	static final String NEVER_ISSUED = "NeverIssuedNeverIssuedNeverIssuedNeverIssue";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Wire wire;

	/** The victim: her notes must come out of every case unchanged. */
	Reader ada;

	/** The attacker, with his own cookie, token and notes (which he may change). */
	Reader mallory;

	/** The signed-in moderator, whose actions get crafted ids (and who imports the crafted files). */
	Reader moderator;

	String adaNote;

	String adaPrivate;

	String adaApiNote;

	String adaSecret;

	String malloryNote;

	/** The last event in the log before the fixtures were written. */
	long eventsBefore;

	String malloryApiNote;

	String mallorySecret;

	Map<String, String> adaSnapshot;

	/**
	 * Whether an accepted note is also looked for on the whole article (script and HTML injection); elsewhere its
	 * paragraph's page, which renders notes with the same fragment, is enough.
	 */
	boolean articleToo;

	List<String> fixtures;

	// ---------------------------------------------------------------- the harness

	/** One crafted input: what it is, and how to send it (with any checks of its own). */
	record Case(String category, String name, Probe probe) {

		@Override
		public String toString() {
			return "[" + category + "] " + name;
		}

	}

	@FunctionalInterface
	interface Probe {

		Resp send(HostileInputTests t) throws Exception;

	}

	@BeforeAll
	void fixtures() {
		wire = new Wire(port);
		TestNotes.deleteAll(jdbc);
		ada = new Reader();
		mallory = new Reader();
		// where the event log stands before the fixtures (other classes in this JVM may have written hundreds of
		// events, more than one replay sends)
		eventsBefore = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM note_events").query(Long.class).single();
		adaNote = ada.write("Ada's fixture note", "Ada", "public");
		adaPrivate = ada.write("Ada's private fixture, for her eyes only", "Ada", "private");
		malloryNote = mallory.write("Mallory's own note", "Mallory", "public");
		Resp created = api("POST", CONTAINER, noteJson(quote("Ada's API fixture"), ""), "Content-Type", JSON_LD);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		adaSecret = created.header("Marginalia-Author-Secret");
		adaApiNote = idOf(created);
		Resp mine = api("POST", CONTAINER, noteJson(quote("Mallory's API note"), ""), "Content-Type", JSON_LD);
		mallorySecret = mine.header("Marginalia-Author-Secret");
		malloryApiNote = idOf(mine);
		fixtures = List.of(adaNote, adaPrivate, adaApiNote, malloryNote, malloryApiNote);
		adaSnapshot = adaNotes();
		moderator = new Reader();
		moderator.page("/moderation/sign-in");
		assertThat(moderator.post("/moderation/sign-in", Map.of("username", "moderator", "password",
				"correct horse battery staple")).status()).isEqualTo(303);
		moderator.page("/moderation");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void hostileInput(Case hostile) throws Exception {
		try {
			check(hostile);
		}
		catch (AssertionError ex) {
			String message = String.valueOf(ex.getMessage());
			throw new AssertionError(hostile + ": " + (message.length() > 2_000 ? message.substring(0, 2_000) + "…"
					: message), ex);
		}
	}

	private void check(Case hostile) throws Exception {
		articleToo = hostile.category().startsWith("script") || hostile.category().startsWith("import");
		int before = stored();
		Resp response;
		try {
			response = hostile.probe().send(this);
		}
		catch (AssertionError | RuntimeException ex) {
			throw ex;
		}
		Tally.record(hostile.category(), response.status());
		if (response.status() == 0) {
			System.out.println("HOSTILE: no answer (connection closed) to " + hostile);
		}
		assertThat(response.status()).as("never a server error: %s", response).isLessThan(500);
		assertThat(response.body()).as("nothing from outside the content folder").doesNotContain(SENTINEL)
			.doesNotContain("root:x:0:0");
		if (response.isHtml()) {
			Wire.assertInert(Wire.html(response, wire.base));
		}
		String location = response.header("location");
		if (location != null) {
			assertThat(location).as("redirects stay on this site").matches("(/[^/\\\\].*|/|" + wire.base + "/.*)");
		}
		int after = stored();
		if (response.status() >= 400 || response.status() == 0) {
			assertThat(after).as("a refused request stores nothing").isEqualTo(before);
		}
		else {
			assertThat(after - before).as("at most the one note written").isBetween(0, 1);
		}
		assertThat(adaNotes()).as("the victim's notes are unchanged").isEqualTo(adaSnapshot);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE id IN (:ids)").param("ids", fixtures)
			.query(Integer.class).single()).as("no fixture was deleted").isEqualTo(fixtures.size());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notes WHERE hidden = TRUE").query(Integer.class).single())
			.as("no note was hidden").isZero();
	}

	@AfterEach
	void removeWhatTheCaseWrote() {
		jdbc.sql("DELETE FROM notes WHERE parent_id IS NOT NULL AND id NOT IN (:ids)").param("ids", fixtures).update();
		jdbc.sql("DELETE FROM notes WHERE id NOT IN (:ids)").param("ids", fixtures).update();
	}

	@AfterAll
	void summary() {
		System.out.print(Tally.table());
	}

	int stored() {
		return jdbc.sql("SELECT COUNT(*) FROM notes").query(Integer.class).single();
	}

	Map<String, String> adaNotes() {
		Map<String, String> notes = new LinkedHashMap<>();
		jdbc.sql("SELECT id, body, author_name, visibility, version, deleted FROM notes WHERE id IN (:ids) ORDER BY id")
			.param("ids", List.of(adaNote, adaPrivate, adaApiNote))
			.query((rs, row) -> notes.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3) + "|"
					+ rs.getString(4) + "|" + rs.getInt(5) + "|" + rs.getBoolean(6)))
			.list();
		return notes;
	}

	// ---------------------------------------------------------------- clients

	/** A reader with a cookie jar, who loads pages and sends forms with the page's CSRF token. */
	final class Reader {

		final Map<String, String> cookies = new LinkedHashMap<>();

		String csrf = "";

		Document page(String path) {
			Resp response = send(wire.request(path).GET());
			Document html = Jsoup.parse(response.body(), wire.base + path);
			Element meta = html.selectFirst("meta[name=_csrf]");
			if (meta != null) {
				csrf = meta.attr("content");
			}
			return html;
		}

		Resp post(String path, Map<String, String> fields) {
			if (csrf.isEmpty()) {
				page(PARAGRAPH_NOTES);
			}
			Map<String, String> all = new LinkedHashMap<>(fields);
			all.put("_csrf", csrf);
			return postRaw(path, Wire.form(all).getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
		}

		Resp postRaw(String path, byte[] body, String contentType) {
			HttpRequest.Builder request = wire.request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			return send(request);
		}

		Resp send(HttpRequest.Builder request) {
			request.header("Accept", "text/html");
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookieHeader());
			}
			Resp response = wire.send(request);
			for (String header : response.headers().getOrDefault("set-cookie", List.of())) {
				String pair = header.split(";", 2)[0];
				cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
			return response;
		}

		String cookieHeader() {
			return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; "));
		}

		String write(String body, String name, String visibility) {
			Resp response = post(PARAGRAPH_NOTES, Map.of("body", body, "authorName", name, "visibility", visibility));
			assertThat(response.status()).as(response.toString()).isEqualTo(303);
			return noteIdIn(response.header("location"));
		}

	}

	Resp api(String method, String path, String json, String... headers) {
		return api(method, path, json.getBytes(StandardCharsets.UTF_8), headers);
	}

	Resp api(String method, String path, byte[] body, String... headers) {
		List<String> all = new ArrayList<>(List.of(headers));
		if (!all.contains("Accept")) {
			all.add("Accept");
			all.add(JSON_LD);
		}
		return wire.method(method, path, body, all.toArray(String[]::new));
	}

	Resp asMallory(String method, String path, String json, String... headers) {
		List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + mallorySecret));
		if (path.endsWith("/import")) {
			// the import is the moderator's alone: the crafted files come with the moderator's cookie
			all.addAll(List.of("Cookie", moderator.cookieHeader()));
		}
		all.addAll(List.of(headers));
		return api(method, path, json, all.toArray(String[]::new));
	}

	/** A note on the paragraph, as a Web Annotation. @param body the JSON value of the TextualBody's value */
	String noteJson(String body, String extra) {
		return noteJsonOn(quote(BLOCK), body, extra);
	}

	String noteJsonOn(String selectorValue, String body, String extra) {
		return """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting",
				 "body": {"type": "TextualBody", "value": %s, "format": "text/markdown"},
				 "target": {"source": %s, "selector": {"type": "FragmentSelector", "value": %s}}%s}
				""".formatted(body, quote(wire.base + ARTICLE), selectorValue, extra);
	}

	/** A note on a passage of the paragraph. @param refinedBy the JSON of the refining selector(s) */
	String passageJson(String refinedBy) {
		return """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "motivation": "commenting",
				 "body": {"type": "TextualBody", "value": "on a passage"},
				 "target": {"source": %s, "selector": {"type": "FragmentSelector", "value": %s, "refinedBy": %s}}}
				""".formatted(quote(wire.base + ARTICLE), quote(BLOCK), refinedBy);
	}

	static String quote(String text) {
		return JSON.writeValueAsString(text);
	}

	static String idOf(Resp created) {
		JsonNode json = JSON.readTree(created.body());
		String iri = json.get("id").stringValue();
		return iri.substring(iri.lastIndexOf('/') + 1);
	}

	static String noteIdIn(String location) {
		assertThat(location).contains("#note-");
		return location.substring(location.indexOf("#note-") + 6);
	}

	String etagOf(String id, String secret) {
		Resp current = api("GET", CONTAINER + id, new byte[0], "Authorization", "Bearer " + secret);
		assertThat(current.status()).isEqualTo(200);
		return current.header("etag");
	}

	/**
	 * The note the write made, as readers see it: present on the article and its paragraph page (to its author),
	 * the whole page inert, the name shown as the text it was given.
	 */
	void assertShownInert(String id, String name) {
		boolean found = false;
		for (String path : articleToo ? new String[] { ARTICLE, PARAGRAPH_NOTES } : new String[] { PARAGRAPH_NOTES }) {
			Document page = mallory.page(path);
			Wire.assertInert(page);
			Element note = page.getElementById("note-" + id);
			// a reply on the article page may sit in an earlier thread; an orphan is on the article page alone
			if (note != null) {
				found = true;
				if (name != null) {
					assertThat(note.selectFirst(".note-author").text()).isEqualTo(normalise(name));
				}
			}
		}
		assertThat(found).as("note %s is shown", id).isTrue();
	}

	static String normalise(String text) {
		return Jsoup.parse("<p>" + org.jsoup.nodes.Entities.escape(text) + "</p>").text();
	}

	/** After a form write: on a 303 the note is shown inert. */
	Resp formWrite(Resp response, String name) {
		if (response.status() == 303) {
			assertShownInert(noteIdIn(response.header("location")), name);
		}
		return response;
	}

	/** After an API write: on a 2xx the annotation is shown inert. */
	Resp apiWrite(Resp response, String name) {
		if (response.status() == 201 || response.status() == 200) {
			assertShownInert(idOf(response), name);
		}
		return response;
	}

	// ---------------------------------------------------------------- the inputs

	static final List<String> SCRIPTS = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"<svg/onload=alert(1)>", "\"><script>alert(document.cookie)</script>", "'><img src=x onerror=alert(1)>",
			"<iframe src=\"javascript:alert(1)\"></iframe>", "[click](javascript:alert(1))",
			"[click](JaVaScRiPt:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
			"[x](vbscript:msgbox(1))", "![i](javascript:alert(1))", "![i](x\" onerror=\"alert(1))",
			"<a href=\"javascript:alert(1)\">x</a>", "<style>body{display:none}</style>",
			"<object data=x.swf></object><embed src=x.swf>",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
			"[x](java&#x09;script:alert(1))", "<details open ontoggle=alert(1)>", "<javascript:alert(1)>",
			"[[${7*7}]] {{7*7}} ${T(java.lang.Runtime).getRuntime()}", "<base href=\"//evil.example/\">",
			"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">");

	static final List<String> SQL = List.of("' OR '1'='1", "'; DROP TABLE notes; --",
			"1' UNION SELECT secret_hash, NULL FROM authors--", "\" OR \"\"=\"", "1; SELECT pg_sleep(5)--",
			"') OR 1=1 --", "admin'/*", "1 OR 1=1");

	static final List<String> TRAVERSALS = List.of("../../../../etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd",
			"%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%252e%252e%252fetc%252fpasswd", "..\\..\\..\\etc\\passwd",
			"..%5c..%5c..%5cetc%5cpasswd", "/etc/passwd", "%2fetc%2fpasswd", "....//....//etc/passwd",
			"..;/..;/etc/passwd", "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "..%00/etc/passwd",
			"../src/test/resources/hostile/outside", "..%2fsrc%2ftest%2fresources%2fhostile%2foutside",
			"C:\\Windows\\win.ini", "file:///etc/passwd");

	Stream<Case> cases() {
		List<Case> all = new ArrayList<>();
		scriptCases(all);
		sqlCases(all);
		traversalCases(all);
		sizeAndEncodingCases(all);
		jsonCases(all);
		headerCases(all);
		importCases(all);
		behaviourCases(all);
		moderationCases(all);
		return all.stream();
	}

	static String label(String input) {
		String shown = input.length() > 60 ? input.substring(0, 60) + "…(" + input.length() + ")" : input;
		StringBuilder out = new StringBuilder();
		shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
				|| Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.SURROGATE
						? String.format("\\u%04X", c) : Character.toString(c)));
		return out.toString();
	}

	void scriptCases(List<Case> all) {
		String cat = "script/HTML injection";
		for (String p : SCRIPTS) {
			String name = p.length() > 80 ? p.substring(0, 80) : p;
			all.add(new Case(cat, "form note body: " + label(p),
					t -> t.formWrite(t.mallory.post(PARAGRAPH_NOTES, Map.of("body", p)), null)));
			all.add(new Case(cat, "form display name: " + label(p),
					t -> t.formWrite(t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "named", "authorName", name)), name)));
			all.add(new Case(cat, "form passage quote: " + label(p),
					t -> t.formWrite(t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "on a passage", "quote", p)), null)));
			all.add(new Case(cat, "form reply body: " + label(p), t -> t.formWrite(
					t.mallory.post(ARTICLE + "/notes/" + t.adaNote + "/replies", Map.of("body", p)), null)));
			all.add(new Case(cat, "form edit body: " + label(p), t -> t.formWrite(
					t.mallory.post(ARTICLE + "/notes/" + t.malloryNote, Map.of("body", p, "authorName", "Mallory")),
					"Mallory")));
			all.add(new Case(cat, "API note body: " + label(p),
					t -> t.apiWrite(t.asMallory("POST", CONTAINER, t.noteJson(quote(p), ""), "Content-Type", JSON_LD), null)));
			all.add(new Case(cat, "API creator name: " + label(p), t -> t.apiWrite(t.asMallory("POST", CONTAINER,
					t.noteJson(quote("named"), ", \"creator\": {\"type\": \"Person\", \"name\": " + quote(name) + "}"),
					"Content-Type", JSON_LD), name)));
			all.add(new Case(cat, "API TextQuoteSelector exact: " + label(p), t -> t.apiWrite(t.asMallory("POST",
					CONTAINER, t.passageJson("{\"type\": \"TextQuoteSelector\", \"exact\": " + quote(p) + "}"),
					"Content-Type", JSON_LD), null)));
			all.add(new Case(cat, "form highlight colour: " + label(p), t -> t.formWrite(t.mallory.post(PARAGRAPH_NOTES,
					Map.of("body", "coloured", "quote", "lost its legitimacy", "colour", p)), null)));
			all.add(new Case(cat, "API styleClass: " + label(p), t -> t.apiWrite(t.asMallory("POST", CONTAINER,
					t.passageJson("{\"type\": \"TextQuoteSelector\", \"exact\": \"lost its legitimacy\"}")
						.replace("\"target\": {", "\"target\": {\"styleClass\": " + quote(p) + ", "),
					"Content-Type", JSON_LD), null)));
			all.add(new Case(cat, "API PUT body: " + label(p), t -> t.apiWrite(t.asMallory("PUT",
					CONTAINER + t.malloryApiNote, t.noteJson(quote(p), ""), "Content-Type", JSON_LD, "If-Match",
					t.etagOf(t.malloryApiNote, t.mallorySecret)), null)));
		}
		for (String p : SCRIPTS) {
			// the feed: Atom whose entries' HTML is the note rendered safely, each entry's HTML inert
			all.add(new Case(cat, "feed of a note body: " + label(p), t -> {
				t.formWrite(t.mallory.post(PARAGRAPH_NOTES, Map.of("body", p, "authorName", p.length() > 80
						? p.substring(0, 80) : p)), null);
				Resp feed = t.wire.get(ARTICLE + "/notes.atom");
				assertThat(feed.status()).isEqualTo(200);
				Feed atom = (Feed) new WireFeedInput().build(new StringReader(feed.body()));
				for (Entry entry : atom.getEntries()) {
					Wire.assertInert(Jsoup.parse(entry.getContents().get(0).getValue(), t.wire.base));
				}
				return feed;
			}));
			all.add(new Case(cat, "feed form action: " + label(p),
					t -> t.mallory.post("/my/replies-feed", Map.of("action", p))));
		}
		all.add(new Case(cat, "paragraph form with a reflected quote parameter", t -> t.wire
			.get(PARAGRAPH_NOTES + "?quote=" + Wire.query("</textarea><script>alert(1)</script>") + "&quoteStart=3")));
		all.add(new Case(cat, "article with a reflected done parameter",
				t -> t.wire.get(ARTICLE + "?done=" + Wire.query("\"><script>alert(1)</script>"))));
	}

	void sqlCases(List<Case> all) {
		String cat = "SQL injection";
		for (String s : SQL) {
			String e = Wire.segment(s);
			String q = Wire.query(s);
			all.add(new Case(cat, "form note body: " + s, t -> {
				Resp r = t.formWrite(t.mallory.post(PARAGRAPH_NOTES, Map.of("body", s)), null);
				if (r.status() == 303) {
					String id = noteIdIn(r.header("location"));
					assertThat(t.jdbc.sql("SELECT body FROM notes WHERE id = ?").param(id).query(String.class).single())
						.as("stored as the text it is").isEqualTo(s.strip());
				}
				return r;
			}));
			all.add(new Case(cat, "form display name: " + s, t -> t.formWrite(
					t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "named", "authorName", s)), s)));
			all.add(new Case(cat, "API note body: " + s, t -> t.apiWrite(
					t.asMallory("POST", CONTAINER, t.noteJson(quote(s), ""), "Content-Type", JSON_LD), null)));
			all.add(new Case(cat, "API paragraph id: " + s, t -> t.asMallory("POST", CONTAINER,
					t.noteJsonOn(quote(s), quote("x"), ""), "Content-Type", JSON_LD)));
			all.add(new Case(cat, "slug in /articles/{slug}: " + s, t -> t.wire.get("/articles/" + e)));
			all.add(new Case(cat, "paragraph id in /articles/{slug}/p/{id}: " + s, t -> t.wire.get(ARTICLE + "/p/" + e)));
			all.add(new Case(cat, "paragraph id in a note form POST: " + s,
					t -> t.mallory.post(ARTICLE + "/p/" + e + "/notes", Map.of("body", "x"))));
			all.add(new Case(cat, "note id in reply form: " + s, t -> t.mallory.send(
					t.wire.request(ARTICLE + "/notes/" + e + "/reply").GET())));
			all.add(new Case(cat, "note id in edit POST: " + s,
					t -> t.mallory.post(ARTICLE + "/notes/" + e, Map.of("body", "defaced"))));
			all.add(new Case(cat, "note id in delete POST: " + s,
					t -> t.mallory.post(ARTICLE + "/notes/" + e + "/delete", Map.of())));
			all.add(new Case(cat, "note id in a Useful POST: " + s,
					t -> t.mallory.post(ARTICLE + "/notes/" + e + "/useful", Map.of())));
			all.add(new Case(cat, "where a Useful form leads back: " + s,
					t -> t.mallory.post(ARTICLE + "/notes/" + t.adaNote + "/useful", Map.of("back", s, "pressed", s))));
			all.add(new Case(cat, "annotation id in an API reaction: " + s,
					t -> t.asMallory("PUT", CONTAINER + e + "/reactions/useful", "")));
			all.add(new Case(cat, "annotation id in API GET: " + s, t -> t.api("GET", CONTAINER + e, new byte[0])));
			all.add(new Case(cat, "annotation id in API DELETE: " + s,
					t -> t.asMallory("DELETE", CONTAINER + e, "")));
			all.add(new Case(cat, "query page: " + s, t -> t.api("GET", CONTAINER + "?page=" + q, new byte[0])));
			all.add(new Case(cat, "query done: " + s, t -> t.wire.get(ARTICLE + "?done=" + q)));
			all.add(new Case(cat, "query lastEventId: " + s, t -> t.eventStreamStatus("?lastEventId=" + q)));
			all.add(new Case(cat, "query quote: " + s, t -> t.wire.get(PARAGRAPH_NOTES + "?quote=" + q)));
			all.add(new Case(cat, "query quoteStart: " + s, t -> t.wire.get(PARAGRAPH_NOTES + "?quote=lost&quoteStart=" + q)));
		}
	}

	/** Opens the event stream, takes its status and closes it at once. */
	Resp eventStreamStatus(String query, String... headers) throws Exception {
		HttpRequest.Builder request = wire.request("/api/articles/" + SLUG + "/events" + query).GET()
			.header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		HttpResponse<InputStream> response = wire.web.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		response.body().close();
		return new Resp(response.statusCode(), Map.of(), "");
	}

	void traversalCases(List<Case> all) {
		String cat = "path traversal";
		for (String p : TRAVERSALS) {
			all.add(new Case(cat, "slug in /articles/{slug}: " + label(p), t -> t.wire.rawGet("/articles/" + p)));
			all.add(new Case(cat, "slug in /articles/{slug}/notes.md: " + label(p),
					t -> t.wire.rawGet("/articles/" + p + "/notes.md")));
			all.add(new Case(cat, "paragraph id in /articles/{slug}/p/{id}: " + label(p),
					t -> t.wire.rawGet(ARTICLE + "/p/" + p)));
			all.add(new Case(cat, "slug of the API container: " + label(p),
					t -> t.wire.rawGet("/api/articles/" + p + "/annotations/")));
			all.add(new Case(cat, "annotation id: " + label(p), t -> t.wire.rawGet(CONTAINER + p)));
			all.add(new Case(cat, "where a Useful form leads back: " + label(p),
					t -> t.mallory.post(ARTICLE + "/notes/" + t.adaNote + "/useful", Map.of("back", p))));
		}
		for (String p : TRAVERSALS) {
			all.add(new Case(cat, "slug in /articles/{slug}/notes.atom: " + label(p),
					t -> t.wire.rawGet("/articles/" + p + "/notes.atom")));
			all.add(new Case(cat, "paragraph id in /articles/{slug}/p/{id}/notes.atom: " + label(p),
					t -> t.wire.rawGet(ARTICLE + "/p/" + p + "/notes.atom")));
			all.add(new Case(cat, "token in /feeds/replies/{token}: " + label(p), t -> t.wire.rawGet("/feeds/replies/" + p)));
		}
		all.add(new Case(cat, "slug fully percent-encoded: ../src/test/resources/hostile/outside",
				t -> t.wire.get("/articles/" + Wire.segment("../src/test/resources/hostile/outside"))));
		all.add(new Case(cat, "the sentinel outside the content folder by a slug's own characters",
				t -> t.wire.get("/articles/outside")));
	}

	void sizeAndEncodingCases(List<Case> all) {
		String cat = "size, control chars, encoding";
		String x10001 = "x".repeat(10_001);
		String emoji10001 = "😀".repeat(10_001);
		String longId = "a".repeat(10_000);
		all.add(new Case(cat, "form body of 10,001 characters",
				t -> t.mallory.post(PARAGRAPH_NOTES, Map.of("body", x10001))));
		all.add(new Case(cat, "form body of 10,001 emoji (20,002 UTF-16 units)",
				t -> t.mallory.post(PARAGRAPH_NOTES, Map.of("body", emoji10001))));
		all.add(new Case(cat, "form body of exactly 10,000 characters (the limit, accepted)",
				t -> t.formWrite(t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "y".repeat(10_000))), null)));
		all.add(new Case(cat, "form name of 81 characters",
				t -> t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "x", "authorName", "n".repeat(81)))));
		all.add(new Case(cat, "form name of 80 characters (the limit, accepted)", t -> t.formWrite(
				t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "x", "authorName", "n".repeat(80))), "n".repeat(80))));
		all.add(new Case(cat, "reply body of 10,001 characters",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.adaNote + "/replies", Map.of("body", x10001))));
		all.add(new Case(cat, "edit body of 10,001 characters",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.malloryNote, Map.of("body", x10001))));
		all.add(new Case(cat, "form quote of 60,000 characters",
				t -> t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "x", "quote", "q".repeat(60_000)))));
		all.add(new Case(cat, "form body over 64 KiB",
				t -> t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "z".repeat(70_000)))));
		all.add(new Case(cat, "API body of 10,001 characters", t -> t.asMallory("POST", CONTAINER,
				t.noteJson(quote(x10001), ""), "Content-Type", JSON_LD)));
		all.add(new Case(cat, "API creator name of 81 characters", t -> t.asMallory("POST", CONTAINER,
				t.noteJson(quote("x"), ", \"creator\": {\"name\": " + quote("n".repeat(81)) + "}"), "Content-Type",
				JSON_LD)));
		all.add(new Case(cat, "API body over 64 KiB", t -> t.asMallory("POST", CONTAINER,
				t.noteJson(quote("z".repeat(70_000)), ""), "Content-Type", JSON_LD)));
		all.add(new Case(cat, "API paragraph id of 10,000 characters", t -> t.asMallory("POST", CONTAINER,
				t.noteJsonOn(quote(longId), quote("x"), ""), "Content-Type", JSON_LD)));
		all.add(new Case(cat, "slug of 10,000 characters", t -> t.wire.get("/articles/" + longId)));
		all.add(new Case(cat, "paragraph id of 10,000 characters", t -> t.wire.get(ARTICLE + "/p/" + longId)));
		all.add(new Case(cat, "paragraph id of 10,000 characters in a note POST",
				t -> t.mallory.post(ARTICLE + "/p/" + longId + "/notes", Map.of("body", "x"))));
		all.add(new Case(cat, "note id of 10,000 characters (reply form)",
				t -> t.wire.get(ARTICLE + "/notes/" + longId + "/reply")));
		all.add(new Case(cat, "annotation id of 10,000 characters", t -> t.api("GET", CONTAINER + longId, new byte[0])));
		all.add(new Case(cat, "API container of a 10,000-character slug",
				t -> t.api("GET", "/api/articles/" + longId + "/annotations/", new byte[0])));
		all.add(new Case(cat, "a header value of 10 KB", t -> t.wire.rawGet(ARTICLE, "X-Filler: " + "h".repeat(10_240))));
		all.add(new Case(cat, "a URL of 16 KB", t -> t.wire.rawGet(ARTICLE + "?done=" + "u".repeat(16_384))));
		all.add(new Case(cat, "a query string of 16 KB through the API",
				t -> t.wire.rawGet(CONTAINER + "?page=" + "9".repeat(16_384))));
		Map<String, String> controls = new LinkedHashMap<>();
		controls.put("NUL", "\u0000");
		controls.put("BEL", "\u0007");
		controls.put("ESC", "\u001b[31m");
		controls.put("DEL", "\u007f");
		controls.put("VT", "\u000b");
		controls.put("U+2028", "\u2028");
		controls.put("U+2029", "\u2029");
		controls.put("U+FFFD", "\ufffd");
		controls.put("C1 CSI", "\u009b");
		controls.forEach((what, c) -> {
			all.add(new Case(cat, "form body with " + what,
					t -> t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "before " + c + " after"))));
			all.add(new Case(cat, "form name with " + what,
					t -> t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "x", "authorName", "Eve" + c + "Eve"))));
			all.add(new Case(cat, "API body with " + what, t -> t.asMallory("POST", CONTAINER,
					t.noteJson(quote("before " + c + " after"), ""), "Content-Type", JSON_LD)));
		});
		all.add(new Case(cat, "form name with a line break", t -> t.mallory.post(PARAGRAPH_NOTES,
				Map.of("body", "x", "authorName", "Eve\r\nSet-Cookie: x=y"))));
		all.add(new Case(cat, "edit body with NUL",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.malloryNote, Map.of("body", "a\u0000b"))));
		all.add(new Case(cat, "reply body with ESC",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.adaNote + "/replies", Map.of("body", "a\u001bb"))));
		all.add(new Case(cat, "form body percent-encoded NUL", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				("body=a%00b&_csrf=" + t.mallory.csrf).getBytes(StandardCharsets.US_ASCII),
				"application/x-www-form-urlencoded")));
		Map<String, byte[]> invalid = new LinkedHashMap<>();
		invalid.put("a lone 0xFF byte", new byte[] { (byte) 0xFF });
		invalid.put("an overlong encoding C0 AF", new byte[] { (byte) 0xC0, (byte) 0xAF });
		invalid.put("a truncated sequence E2 82", new byte[] { (byte) 0xE2, (byte) 0x82 });
		invalid.put("an encoded surrogate ED A0 80", new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
		invalid.forEach((what, bytes) -> {
			all.add(new Case(cat, "form body with invalid UTF-8 (raw): " + what, t -> t.mallory.postRaw(PARAGRAPH_NOTES,
					concat(("_csrf=" + t.mallory.csrf + "&body=x").getBytes(StandardCharsets.US_ASCII), bytes),
					"application/x-www-form-urlencoded; charset=UTF-8")));
			all.add(new Case(cat, "form body with invalid UTF-8 (percent-encoded): " + what, t -> t.mallory.postRaw(
					PARAGRAPH_NOTES, ("_csrf=" + t.mallory.csrf + "&body=x" + percent(bytes)).getBytes(StandardCharsets.US_ASCII),
					"application/x-www-form-urlencoded; charset=UTF-8")));
			all.add(new Case(cat, "JSON body with invalid UTF-8: " + what, t -> {
				String json = t.noteJson("\"x@@\"", "");
				int at = json.indexOf("@@");
				byte[] head = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
				byte[] tail = json.substring(at + 2).getBytes(StandardCharsets.UTF_8);
				return t.api("POST", CONTAINER, concat(concat(head, bytes), tail), "Content-Type", JSON_LD,
						"Authorization", "Bearer " + t.mallorySecret);
			}));
		});
		for (String surrogate : new String[] { "\\ud800", "\\udc00", "\\udbff\\u0041", "\\ud800\\ud800" }) {
			all.add(new Case(cat, "JSON body with lone surrogate " + surrogate, t -> t.asMallory("POST", CONTAINER,
					t.noteJson("\"x" + surrogate + "y\"", ""), "Content-Type", JSON_LD)));
			all.add(new Case(cat, "JSON creator name with lone surrogate " + surrogate, t -> t.asMallory("POST",
					CONTAINER, t.noteJson("\"x\"", ", \"creator\": {\"name\": \"E" + surrogate + "\"}"), "Content-Type",
					JSON_LD)));
		}
		all.add(new Case(cat, "JSON exact with lone surrogate", t -> t.asMallory("POST", CONTAINER,
				t.passageJson("{\"type\": \"TextQuoteSelector\", \"exact\": \"lost\\ud800\"}"), "Content-Type", JSON_LD)));
		Map<String, String> invisible = new LinkedHashMap<>();
		invisible.put("bidi override U+202E", "\u202Etxt.exe");
		invisible.put("bidi isolate U+2066", "\u2066abc\u2069");
		invisible.put("zero-width space", "a\u200Bb");
		invisible.put("zero-width joiner", "a\u200Db");
		invisible.put("byte order mark inside", "a\uFEFFb");
		invisible.forEach((what, text) -> {
			all.add(new Case(cat, "form body with " + what,
					t -> t.formWrite(t.mallory.post(PARAGRAPH_NOTES, Map.of("body", text)), null)));
			all.add(new Case(cat, "form name with " + what, t -> t.formWrite(
					t.mallory.post(PARAGRAPH_NOTES, Map.of("body", "x", "authorName", text)), text)));
			all.add(new Case(cat, "API body with " + what, t -> t.apiWrite(
					t.asMallory("POST", CONTAINER, t.noteJson(quote(text), ""), "Content-Type", JSON_LD), null)));
		});
		all.add(new Case(cat, "quoteStart out of int range", t -> t.mallory.post(PARAGRAPH_NOTES,
				Map.of("body", "x", "quote", "lost", "quoteStart", "99999999999999999999"))));
		all.add(new Case(cat, "quoteStart negative", t -> t.formWrite(t.mallory.post(PARAGRAPH_NOTES,
				Map.of("body", "x", "quote", "lost", "quoteStart", "-2147483648")), null)));
		all.add(new Case(cat, "version not a number on edit", t -> t.mallory.post(ARTICLE + "/notes/" + t.malloryNote,
				Map.of("body", "x", "version", "1' OR '1'='1"))));
		all.add(new Case(cat, "version out of int range on delete", t -> t.mallory.post(
				ARTICLE + "/notes/" + t.malloryNote + "/delete", Map.of("version", "99999999999"))));
		all.add(new Case(cat, "visibility of 10,000 characters", t -> t.mallory.post(PARAGRAPH_NOTES,
				Map.of("body", "x", "visibility", "p".repeat(10_000)))));
		all.add(new Case(cat, "a field given 500 times", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				("_csrf=" + t.mallory.csrf + "&body=x".repeat(500)).getBytes(StandardCharsets.US_ASCII),
				"application/x-www-form-urlencoded")));
		all.add(new Case(cat, "10,000 empty form fields", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				("_csrf=" + t.mallory.csrf + "&body=x" + "&a=".repeat(10_000)).getBytes(StandardCharsets.US_ASCII),
				"application/x-www-form-urlencoded")));
		all.add(new Case(cat, "a broken percent escape", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				("_csrf=" + t.mallory.csrf + "&body=50%25%zz%").getBytes(StandardCharsets.US_ASCII),
				"application/x-www-form-urlencoded")));
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	static String percent(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (byte b : bytes) {
			out.append('%').append(String.format("%02X", b & 0xff));
		}
		return out.toString();
	}

	void jsonCases(List<Case> all) {
		String cat = "JSON structure and types";
		Map<String, java.util.function.Function<HostileInputTests, String>> bodies = new LinkedHashMap<>();
		bodies.put("10,000 nested arrays", t -> "[".repeat(10_000) + "]".repeat(10_000));
		bodies.put("10,000 nested objects", t -> "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
		bodies.put("nesting 5,000 deep inside body", t -> t.noteJson("[".repeat(5_000) + "\"x\"" + "]".repeat(5_000), ""));
		bodies.put("an array of 30,000 numbers", t -> "[" + "1,".repeat(30_000) + "1]");
		bodies.put("2,000 TextualBodies", t -> t.noteJson("\"x\"", "").replaceFirst("\"body\": \\{[^}]*\\}",
				"\"body\": [" + "{\"type\":\"TextualBody\",\"value\":\"x\"},".repeat(1_999)
						+ "{\"type\":\"TextualBody\",\"value\":\"x\"}]"));
		bodies.put("body value a number", t -> t.noteJson("12345", ""));
		bodies.put("body value 1e309", t -> t.noteJson("1e309", ""));
		bodies.put("body value an array", t -> t.noteJson("[\"a\", \"b\"]", ""));
		bodies.put("body value an object", t -> t.noteJson("{\"$ne\": null}", ""));
		bodies.put("body value null", t -> t.noteJson("null", ""));
		bodies.put("body value true", t -> t.noteJson("true", ""));
		bodies.put("body a number", t -> t.noteJson("\"x\"", "").replaceFirst("\"body\": \\{[^}]*\\}", "\"body\": 42"));
		bodies.put("body null", t -> t.noteJson("\"x\"", "").replaceFirst("\"body\": \\{[^}]*\\}", "\"body\": null"));
		bodies.put("body an empty array", t -> t.noteJson("\"x\"", "").replaceFirst("\"body\": \\{[^}]*\\}", "\"body\": []"));
		bodies.put("bodyValue an object", t -> t.noteJson("\"x\"", "").replaceFirst("\"body\": \\{[^}]*\\}",
				"\"bodyValue\": {\"a\": 1}"));
		bodies.put("target a number", t -> "{\"type\":\"Annotation\",\"motivation\":\"commenting\",\"bodyValue\":\"x\",\"target\":7}");
		bodies.put("target null", t -> "{\"type\":\"Annotation\",\"motivation\":\"commenting\",\"bodyValue\":\"x\",\"target\":null}");
		bodies.put("target an array of 1,000", t -> "{\"type\":\"Annotation\",\"motivation\":\"commenting\",\"bodyValue\":\"x\",\"target\":["
				+ (quote(t.wire.base + ARTICLE + "#" + BLOCK) + ",").repeat(999) + quote(t.wire.base + ARTICLE + "#" + BLOCK) + "]");
		bodies.put("selector value an object", t -> t.noteJsonOn("{\"$gt\": \"\"}", "\"x\"", ""));
		bodies.put("selector value a number", t -> t.noteJsonOn("1", "\"x\"", ""));
		bodies.put("selector value null", t -> t.noteJsonOn("null", "\"x\"", ""));
		bodies.put("selector value an array", t -> t.noteJsonOn("[\"" + BLOCK + "\"]", "\"x\"", ""));
		bodies.put("motivation an object", t -> t.noteJson("\"x\"", "").replace("\"motivation\": \"commenting\"",
				"\"motivation\": {\"a\": 1}"));
		bodies.put("@context a number", t -> t.noteJson("\"x\"", "").replace("\"http://www.w3.org/ns/anno.jsonld\",",
				"7,"));
		bodies.put("@context another vocabulary", t -> t.noteJson("\"x\"", "").replace(
				"\"http://www.w3.org/ns/anno.jsonld\",", "\"https://evil.example/context.jsonld\","));
		bodies.put("visibility a number", t -> t.noteJson("\"x\"", ", \"marginalia:visibility\": 1"));
		bodies.put("visibility unknown", t -> t.noteJson("\"x\"", ", \"marginalia:visibility\": \"everyone'--\""));
		bodies.put("creator a string", t -> t.noteJson("\"x\"", ", \"creator\": \"<b>me</b>\""));
		bodies.put("creator name an array", t -> t.noteJson("\"x\"", ", \"creator\": {\"name\": [\"a\", \"b\"]}"));
		bodies.put("duplicate keys", t -> t.noteJson("\"first\"", ", \"motivation\": \"replying\""));
		bodies.put("duplicate body values", t -> t.noteJson("\"a\", \"value\": \"<script>alert(1)</script>\"", ""));
		bodies.put("start 1e309", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": 1e309, \"end\": 5}"));
		bodies.put("start -1", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": -1, \"end\": 5}"));
		bodies.put("start 2147483648", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": 2147483648, \"end\": 2147483649}"));
		bodies.put("end 99999999999999999999999", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": 0, \"end\": 99999999999999999999999}"));
		bodies.put("start 1.5", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": 1.5, \"end\": 5}"));
		bodies.put("start a string", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": \"3\", \"end\": 5}"));
		bodies.put("end before start", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": 9, \"end\": 2}"));
		bodies.put("positions past the paragraph", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": 2000000000, \"end\": 2000000001}"));
		bodies.put("exact an object", t -> t.passageJson("{\"type\": \"TextQuoteSelector\", \"exact\": {\"a\": 1}}"));
		bodies.put("exact empty", t -> t.passageJson("{\"type\": \"TextQuoteSelector\", \"exact\": \"   \"}"));
		bodies.put("three refining selectors", t -> t.passageJson("[{}, {}, {}]"));
		bodies.put("refinedBy a string", t -> t.passageJson("\"lost\""));
		bodies.put("refinedBy refined again", t -> t.passageJson("{\"type\": \"TextQuoteSelector\", \"exact\": \"lost\", \"refinedBy\": {\"type\": \"TextQuoteSelector\", \"exact\": \"lost\"}}"));
		bodies.put("trailing garbage", t -> t.noteJson("\"x\"", "") + " trailing");
		bodies.put("two documents", t -> t.noteJson("\"x\"", "") + t.noteJson("\"y\"", ""));
		bodies.put("an extra closing brace", t -> t.noteJson("\"x\"", "") + "}");
		bodies.put("unterminated", t -> t.noteJson("\"x\"", "").substring(0, 40));
		bodies.put("empty", t -> "");
		bodies.put("whitespace only", t -> " \r\n\t ");
		bodies.put("null", t -> "null");
		bodies.put("an empty array", t -> "[]");
		bodies.put("a string", t -> "\"annotation\"");
		bodies.put("a number", t -> "0");
		bodies.put("single quotes", t -> "{'bodyValue': 'x'}");
		bodies.put("comments", t -> "/* hi */ " + t.noteJson("\"x\"", ""));
		bodies.put("NaN", t -> t.passageJson("{\"type\": \"TextPositionSelector\", \"start\": NaN, \"end\": 5}"));
		bodies.put("a 100 KB key", t -> "{\"" + "k".repeat(60_000) + "\": 1}");
		bodies.forEach((what, json) -> all.add(new Case(cat, "POST: " + what, t -> t.apiWrite(
				t.asMallory("POST", CONTAINER, json.apply(t), "Content-Type", JSON_LD), null))));
		all.add(new Case(cat, "PUT: body value an object", t -> t.asMallory("PUT", CONTAINER + t.malloryApiNote,
				t.noteJson("{\"a\":1}", ""), "Content-Type", JSON_LD, "If-Match", t.etagOf(t.malloryApiNote, t.mallorySecret))));
		all.add(new Case(cat, "PUT: 10,000 nested arrays", t -> t.asMallory("PUT", CONTAINER + t.malloryApiNote,
				"[".repeat(10_000) + "]".repeat(10_000), "Content-Type", JSON_LD, "If-Match",
				t.etagOf(t.malloryApiNote, t.mallorySecret))));
		all.add(new Case(cat, "PUT: another annotation's id in the body", t -> t.asMallory("PUT",
				CONTAINER + t.malloryApiNote, t.noteJson("\"x\"", ", \"id\": " + quote(t.wire.base + CONTAINER + t.adaApiNote)),
				"Content-Type", JSON_LD, "If-Match", t.etagOf(t.malloryApiNote, t.mallorySecret))));
		all.add(new Case(cat, "import: 10,000 nested arrays", t -> t.asMallory("POST", CONTAINER + "import",
				"[".repeat(10_000) + "]".repeat(10_000), "Content-Type", JSON_LD)));
		all.add(new Case(cat, "import: wrong types", t -> t.asMallory("POST", CONTAINER + "import",
				"{\"items\": [1, null, \"x\", {\"body\": 5}]}", "Content-Type", JSON_LD)));
		all.add(new Case(cat, "import: trailing garbage", t -> t.asMallory("POST", CONTAINER + "import",
				"[] garbage", "Content-Type", JSON_LD)));

		String lies = "Content-Type, Accept, If-Match";
		all.add(new Case(lies, "API: JSON sent as a form", t -> t.asMallory("POST", CONTAINER, t.noteJson("\"x\"", ""),
				"Content-Type", "application/x-www-form-urlencoded")));
		all.add(new Case(lies, "API: a form sent as JSON", t -> t.asMallory("POST", CONTAINER, "body=x&authorName=y",
				"Content-Type", JSON_LD)));
		all.add(new Case(lies, "API: text/plain", t -> t.asMallory("POST", CONTAINER, t.noteJson("\"x\"", ""),
				"Content-Type", "text/plain")));
		all.add(new Case(lies, "API: no Content-Type", t -> t.asMallory("POST", CONTAINER, t.noteJson("\"x\"", ""))));
		all.add(new Case(lies, "API: Content-Type garbage", t -> t.asMallory("POST", CONTAINER, t.noteJson("\"x\"", ""),
				"Content-Type", ";;;/=\"")));
		all.add(new Case(lies, "API: JSON in latin-1", t -> t.asMallory("POST", CONTAINER, t.noteJson("\"x\"", ""),
				"Content-Type", "application/json; charset=ISO-8859-1")));
		all.add(new Case(lies, "API: an unknown charset", t -> t.asMallory("POST", CONTAINER, t.noteJson("\"x\"", ""),
				"Content-Type", "application/json; charset=x-evil-42")));
		all.add(new Case(lies, "API: another JSON-LD profile", t -> t.asMallory("POST", CONTAINER,
				t.noteJson("\"x\"", ""), "Content-Type", "application/ld+json; profile=\"https://evil.example/\"")));
		all.add(new Case(lies, "form endpoint: JSON without a cookie", t -> t.wire.method("POST", PARAGRAPH_NOTES,
				t.noteJson("\"x\"", "").getBytes(StandardCharsets.UTF_8), "Content-Type", "application/json",
				"Accept", "text/html")));
		all.add(new Case(lies, "form endpoint: JSON with cookie and token header", t -> t.mallory.send(t.wire
			.request(PARAGRAPH_NOTES).header("Content-Type", "application/json").header("X-XSRF-TOKEN", t.mallory.csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"body\": \"x\"}")))));
		all.add(new Case(lies, "form endpoint: text/plain", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				("_csrf=" + t.mallory.csrf + "&body=x").getBytes(StandardCharsets.US_ASCII), "text/plain")));
		all.add(new Case(lies, "form endpoint: multipart garbage", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				"--zz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nx\r\n--z".getBytes(StandardCharsets.US_ASCII),
				"multipart/form-data; boundary=zz")));
		all.add(new Case(lies, "form endpoint: multipart without a boundary", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				"x".getBytes(StandardCharsets.US_ASCII), "multipart/form-data")));
		// without a cookie no CSRF check answers first: these once reached the multipart parser and gave a 500
		for (String path : new String[] { CONTAINER, CONTAINER + "abc", PARAGRAPH_NOTES, "/" }) {
			all.add(new Case(lies, "malformed multipart without a cookie to " + path, t -> t.wire.method("POST", path,
					"--b\r\n\r\nx\r\n--b--".getBytes(StandardCharsets.US_ASCII), "Content-Type", "multipart/form-data; boundary=b")));
			all.add(new Case(lies, "multipart without a boundary or a cookie to " + path, t -> t.wire.method("POST", path,
					"x".getBytes(StandardCharsets.US_ASCII), "Content-Type", "multipart/form-data")));
		}
		for (String accept : new String[] { "garbage", "*/*;q=garbage", "application/evil", "text/html;q=NaN",
				"application/ld+json; profile=\"x", ";;;,,,", "" }) {
			all.add(new Case(lies, "Accept '" + accept + "' on the API container",
					t -> t.api("GET", CONTAINER, new byte[0], "Accept", accept)));
			all.add(new Case(lies, "Accept '" + accept + "' on the article page",
					t -> t.wire.get(ARTICLE, "Accept", accept)));
		}
		all.add(new Case(lies, "no Accept on the API (raw)", t -> t.wire.raw(
				("GET " + CONTAINER + " HTTP/1.1\r\nHost: localhost:" + t.port + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII))));
		for (String ifMatch : new String[] { "garbage", "W/\"x\"", "\"\"", "\"" + "e".repeat(5_000) + "\"",
				"\"a\", \"b\", \"c\"", "*, \"x\"" }) {
			all.add(new Case(lies, "If-Match " + label(ifMatch) + " on PUT", t -> t.asMallory("PUT",
					CONTAINER + t.malloryApiNote, t.noteJson("\"changed\"", ""), "Content-Type", JSON_LD, "If-Match", ifMatch)));
		}
		all.add(new Case(lies, "If-Match garbage on DELETE", t -> t.asMallory("DELETE", CONTAINER + t.malloryApiNote, "",
				"If-Match", "garbage")));
		all.add(new Case(lies, "unknown method on the container", t -> t.api("PATCH", CONTAINER, "{}", "Content-Type",
				"application/json")));
		all.add(new Case(lies, "TRACE on an annotation", t -> t.api("TRACE", CONTAINER + t.adaApiNote, new byte[0])));
	}

	void headerCases(List<Case> all) {
		String cat = "headers";
		all.add(new Case(cat, "Host spoofed (article)", t -> t.wire.rawGetWithHost(ARTICLE, "evil.example")));
		all.add(new Case(cat, "Host spoofed (share page)", t -> t.wire.rawGetWithHost(ARTICLE + "/p/" + BLOCK, "evil.example")));
		all.add(new Case(cat, "Host with markup", t -> t.wire.rawGetWithHost(ARTICLE + "/p/" + BLOCK,
				"evil.example\"><script>alert(1)</script>")));
		all.add(new Case(cat, "Host with a bad port", t -> t.wire.rawGetWithHost(ARTICLE, "localhost:99999999")));
		all.add(new Case(cat, "Host empty", t -> t.wire.rawGetWithHost(ARTICLE, "")));
		all.add(new Case(cat, "Host missing", t -> t.wire.rawGetWithHost(ARTICLE, null)));
		all.add(new Case(cat, "Host twice", t -> t.wire.rawGet(ARTICLE, "Host: evil.example")));
		all.add(new Case(cat, "X-Forwarded-Host spoofed (not trusted)", t -> {
			Resp r = t.wire.rawGet(ARTICLE + "/p/" + BLOCK, "X-Forwarded-Host: evil.example",
					"X-Forwarded-Proto: javascript", "X-Forwarded-Port: -1", "X-Forwarded-For: ' OR 1=1--, <script>",
					"X-Forwarded-Prefix: //evil.example");
			assertThat(r.body()).doesNotContain("evil.example");
			return r;
		}));
		all.add(new Case(cat, "Forwarded with markup", t -> {
			Resp r = t.wire.rawGet(ARTICLE + "/p/" + BLOCK, "Forwarded: for=\"\\\"><script>\";host=evil.example;proto=javascript");
			assertThat(r.body()).doesNotContain("evil.example");
			return r;
		}));
		all.add(new Case(cat, "X-Forwarded-For garbage on a write", t -> t.mallory.send(t.wire.request(PARAGRAPH_NOTES)
			.header("X-Forwarded-For", "999.999.999.999, ' OR 1=1--, " + "1.".repeat(1_000))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("body=x&_csrf=" + t.mallory.csrf)))));
		all.add(new Case(cat, "a cookie of 10 KB", t -> t.wire.rawGet(ARTICLE, "Cookie: big=" + "c".repeat(10_240))));
		all.add(new Case(cat, "200 cookies", t -> t.wire.rawGet(ARTICLE, "Cookie: "
				+ java.util.stream.IntStream.range(0, 200).mapToObj(i -> "c" + i + "=v").collect(Collectors.joining("; ")))));
		for (String cookie : new String[] { "marginalia_author=<script>alert(1)</script>",
				"marginalia_author=' OR '1'='1", "marginalia_author=\"; XSRF-TOKEN=", "=;=;=;;", "marginalia_author",
				"marginalia_author=" + NEVER_ISSUED, "marginalia_author=a; marginalia_author=b; XSRF-TOKEN=\"x\"",
				"XSRF-TOKEN=<script>; marginalia_author=%00%00" }) {
			all.add(new Case(cat, "Cookie '" + label(cookie) + "' on the article page",
					t -> t.wire.rawGet(ARTICLE, "Cookie: " + cookie)));
			all.add(new Case(cat, "Cookie '" + label(cookie) + "' on a write (no token)", t -> t.wire.method("POST",
					PARAGRAPH_NOTES, "body=x".getBytes(StandardCharsets.US_ASCII), "Cookie", cookie, "Content-Type",
					"application/x-www-form-urlencoded", "Accept", "text/html")));
		}
		for (String authorization : new String[] { "Bearer ' OR '1'='1", "Bearer ", "Bearer", "Bearer <script>",
				"Bearer " + "A".repeat(2_000), "Bearer " + NEVER_ISSUED + "x", "bEaReR  " + NEVER_ISSUED.substring(1) + "!",
				"Basic YWRtaW46YWRtaW4=", "Bearer a b c", "Bearer \u00e9\u00e9\u00e9" }) {
			all.add(new Case(cat, "Authorization '" + label(authorization) + "' on the API container",
					t -> t.api("GET", CONTAINER, new byte[0], "Authorization", authorization)));
			all.add(new Case(cat, "Authorization '" + label(authorization) + "' on an API write", t -> t.api("POST",
					CONTAINER, t.noteJson("\"x\"", ""), "Content-Type", JSON_LD, "Authorization", authorization)));
		}
		all.add(new Case(cat, "never-issued bearer reads no private note", t -> {
			Resp r = t.api("GET", CONTAINER, new byte[0], "Authorization", "Bearer " + NEVER_ISSUED);
			assertThat(r.body()).doesNotContain("for her eyes only");
			Resp one = t.api("GET", CONTAINER + t.adaPrivate, new byte[0], "Authorization", "Bearer " + NEVER_ISSUED);
			assertThat(one.status()).isEqualTo(404);
			return r;
		}));
		all.add(new Case(cat, "never-issued bearer cannot edit another's annotation", t -> t.api("PUT",
				CONTAINER + t.adaApiNote, t.noteJson("\"defaced\"", ""), "Content-Type", JSON_LD, "If-Match", "*",
				"Authorization", "Bearer " + NEVER_ISSUED)));
		all.add(new Case(cat, "never-issued bearer cannot delete another's annotation", t -> t.api("DELETE",
				CONTAINER + t.adaApiNote, new byte[0], "Authorization", "Bearer " + NEVER_ISSUED)));
		all.add(new Case(cat, "Authorization of 10 KB", t -> t.wire.rawGet(CONTAINER, "Authorization: Bearer " + "A".repeat(10_240))));
		all.add(new Case(cat, "a header with a bare CR", t -> t.wire.rawGet(ARTICLE, "X-Evil: a\rSet-Cookie: x=y")));
		all.add(new Case(cat, "a header without a colon", t -> t.wire.rawGet(ARTICLE, "NoColonHere")));
		all.add(new Case(cat, "Last-Event-ID garbage", t -> t.eventStreamStatus("", "Last-Event-ID", "' OR 1=1; <script>")));
		all.add(new Case(cat, "Last-Event-ID 2^63", t -> t.eventStreamStatus("", "Last-Event-ID", "9223372036854775808")));
		all.add(new Case(cat, "Last-Event-ID -1", t -> t.eventStreamStatus("", "Last-Event-ID", "-1")));
		all.add(new Case(cat, "Prefer garbage", t -> t.api("GET", CONTAINER, new byte[0], "Prefer",
				"return=representation; include=\"<script> ' OR 1=1\"")));
		all.add(new Case(cat, "Range garbage on a page", t -> t.wire.get(ARTICLE, "Range", "bytes=99999999999-1,-,x")));
		all.add(new Case(cat, "If-None-Match garbage", t -> t.wire.get(ARTICLE, "If-None-Match", "\"" + "x".repeat(4_000))));
		all.add(new Case(cat, "If-Modified-Since garbage", t -> t.api("GET", CONTAINER, new byte[0],
				"If-Modified-Since", "yesterday ' OR 1=1")));
		all.add(new Case(cat, "Content-Length lies (larger than the body)", t -> t.wire.raw(("POST " + CONTAINER
				+ " HTTP/1.1\r\nHost: localhost:" + t.port + "\r\nContent-Type: application/json\r\nAuthorization: Bearer "
				+ t.mallorySecret + "\r\nContent-Length: 500\r\nConnection: close\r\n\r\n{\"bodyValue\":\"x\"}")
			.getBytes(StandardCharsets.US_ASCII))));
		all.add(new Case(cat, "Content-Length negative", t -> t.wire.raw(("POST " + PARAGRAPH_NOTES
				+ " HTTP/1.1\r\nHost: localhost:" + t.port + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
				+ "Content-Length: -5\r\nConnection: close\r\n\r\nbody=x").getBytes(StandardCharsets.US_ASCII))));
		all.add(new Case(cat, "a chunked body with a bad chunk size", t -> t.wire.raw(("POST " + CONTAINER
				+ " HTTP/1.1\r\nHost: localhost:" + t.port + "\r\nContent-Type: application/json\r\nAuthorization: Bearer "
				+ t.mallorySecret + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII))));
		all.add(new Case(cat, "an HTTP/0.9-style request line", t -> t.wire.raw(("GET " + ARTICLE + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII))));
		all.add(new Case(cat, "a request line with spaces in the path", t -> t.wire.raw(("GET /articles/a b c HTTP/1.1\r\n"
				+ "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII))));
	}

	/** A file of one annotation to import: a note on the paragraph, or (orphaned) on text no longer in it. */
	String importFile(String body, String name, String paragraphId, String paragraphText, String exact) {
		String writtenOn = paragraphText == null ? "" : """
				, "marginalia:orphaned": true, "marginalia:writtenOn": {"type": "FragmentSelector", "value": %s,
				  "marginalia:paragraphText": %s%s}""".formatted(quote(paragraphId), quote(paragraphText),
				exact == null ? "" : ", \"refinedBy\": {\"type\": \"TextQuoteSelector\", \"exact\": " + quote(exact) + "}");
		return """
				{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [
				 {"type": "Annotation", "motivation": "commenting", "created": "2020-01-01T00:00:00Z",
				  "body": {"type": "TextualBody", "value": %s}, "creator": {"type": "Person", "name": %s},
				  "target": {"source": %s, "selector": {"type": "FragmentSelector", "value": %s}%s}}]}
				""".formatted(quote(body), quote(name), quote(wire.base + ARTICLE), quote(paragraphId), writtenOn);
	}

	/** After an import: on a 200 the annotation it made is shown inert. */
	Resp imported(Resp response, String name) {
		if (response.status() == 200) {
			JsonNode report = JSON.readTree(response.body());
			String iri = report.get("items").get(0).get("id").stringValue();
			assertShownInert(iri.substring(iri.lastIndexOf('/') + 1), name);
		}
		return response;
	}

	void importCases(List<Case> all) {
		String cat = "import of annotations";
		String gone = "The old <b>paragraph</b> that is gone now, quite unlike anything still in this article.";
		for (String p : SCRIPTS) {
			String name = p.length() > 80 ? p.substring(0, 80) : p;
			all.add(new Case(cat, "body, creator name and orphaned paragraph text: " + label(p), t -> t.imported(
					t.asMallory("POST", CONTAINER + "import", t.importFile(p, name, "p-Gone", p + " " + gone, null),
							"Content-Type", JSON_LD), name)));
			all.add(new Case(cat, "orphaned passage quote: " + label(p), t -> t.imported(t.asMallory("POST",
					CONTAINER + "import", t.importFile("on a passage", "Mallory", "p-Gone", gone + " " + p, p),
					"Content-Type", JSON_LD), "Mallory")));
		}
		for (String s : SQL) {
			all.add(new Case(cat, "paragraph id: " + s, t -> t.imported(t.asMallory("POST", CONTAINER + "import",
					t.importFile("x", "Mallory", s, gone, null), "Content-Type", JSON_LD), "Mallory")));
		}
		// these were stored (H2) or gave a 500 (PostgreSQL refuses NUL) before the import checked them
		for (String bad : new String[] { "a\u0000b", "a\ud800b", "a\udc00b", "bell\u0007" }) {
			all.add(new Case(cat, "orphaned paragraph text with " + label(bad), t -> t.asMallory("POST", CONTAINER + "import",
					t.importFile("x", "Mallory", "p-Gone", bad + " " + gone, null), "Content-Type", JSON_LD)));
			all.add(new Case(cat, "orphaned paragraph id with " + label(bad), t -> t.asMallory("POST", CONTAINER + "import",
					t.importFile("x", "Mallory", "p-" + bad, gone, null), "Content-Type", JSON_LD)));
		}
		all.add(new Case(cat, "paragraph text of 100,001 characters", t -> t.asMallory("POST", CONTAINER + "import",
				t.importFile("x", "Mallory", "p-Gone", "t".repeat(100_001), null), "Content-Type", JSON_LD)));
		all.add(new Case(cat, "created in the year 999999999", t -> t.asMallory("POST", CONTAINER + "import",
				t.importFile("x", "Mallory", BLOCK, null, null).replace("2020-01-01T00:00:00Z", "+999999999-01-01T00:00:00Z"),
				"Content-Type", JSON_LD)));
		all.add(new Case(cat, "created garbage", t -> t.asMallory("POST", CONTAINER + "import",
				t.importFile("x", "Mallory", BLOCK, null, null).replace("2020-01-01T00:00:00Z", "' OR 1=1--"),
				"Content-Type", JSON_LD)));
		all.add(new Case(cat, "a reply to a private note of another reader", t -> t.asMallory("POST",
				CONTAINER + "import", """
						{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": [
						 {"type": "Annotation", "motivation": "replying", "body": {"type": "TextualBody", "value": "hi"},
						  "target": %s}]}""".formatted(quote(t.wire.base + CONTAINER + t.adaPrivate)), "Content-Type", JSON_LD)));
	}

	void behaviourCases(List<Case> all) {
		String cat = "cross-author and CSRF";
		all.add(new Case(cat, "edit another reader's note (form)", t -> t.mallory.post(ARTICLE + "/notes/" + t.adaNote,
				Map.of("body", "defaced", "version", "1"))));
		all.add(new Case(cat, "edit another reader's note without a version (form)",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.adaNote, Map.of("body", "defaced"))));
		all.add(new Case(cat, "open the edit form of another reader's note",
				t -> t.mallory.send(t.wire.request(ARTICLE + "/notes/" + t.adaNote + "/edit").GET())));
		all.add(new Case(cat, "delete another reader's note (form)",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.adaNote + "/delete", Map.of("version", "1"))));
		all.add(new Case(cat, "edit another reader's private note (form)",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.adaPrivate, Map.of("body", "defaced"))));
		all.add(new Case(cat, "reply to another reader's private note (form)",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.adaPrivate + "/replies", Map.of("body", "I see you"))));
		all.add(new Case(cat, "delete another reader's API note through the form",
				t -> t.mallory.post(ARTICLE + "/notes/" + t.adaApiNote + "/delete", Map.of())));
		all.add(new Case(cat, "edit another reader's note from another article's URL",
				t -> t.mallory.post("/articles/no-such-article/notes/" + t.adaNote, Map.of("body", "defaced"))));
		all.add(new Case(cat, "PUT another reader's annotation (API, right ETag)", t -> t.asMallory("PUT",
				CONTAINER + t.adaApiNote, t.noteJson("\"defaced\"", ""), "Content-Type", JSON_LD, "If-Match",
				t.etagOf(t.adaApiNote, t.adaSecret))));
		all.add(new Case(cat, "PUT another reader's annotation (API, If-Match *)", t -> t.asMallory("PUT",
				CONTAINER + t.adaApiNote, t.noteJson("\"defaced\"", ""), "Content-Type", JSON_LD, "If-Match", "*")));
		all.add(new Case(cat, "DELETE another reader's annotation (API)",
				t -> t.asMallory("DELETE", CONTAINER + t.adaApiNote, "")));
		all.add(new Case(cat, "DELETE another reader's form note (API)",
				t -> t.asMallory("DELETE", CONTAINER + t.adaNote, "")));
		all.add(new Case(cat, "DELETE another reader's private note (API)",
				t -> t.asMallory("DELETE", CONTAINER + t.adaPrivate, "")));
		all.add(new Case(cat, "DELETE without credentials (API)",
				t -> t.api("DELETE", CONTAINER + t.adaApiNote, new byte[0])));
		all.add(new Case(cat, "PUT without credentials (API)", t -> t.api("PUT", CONTAINER + t.adaApiNote,
				t.noteJson("\"defaced\"", ""), "Content-Type", JSON_LD, "If-Match", "*")));
		all.add(new Case(cat, "DELETE with the victim's cookie name but the attacker's secret", t -> t.api("DELETE",
				CONTAINER + t.adaApiNote, new byte[0], "Cookie", "marginalia_author=" + t.mallorySecret)));
		all.add(new Case(cat, "note with cookie, no CSRF token", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				"body=forged".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded")));
		all.add(new Case(cat, "note with cookie, a wrong CSRF token", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				"body=forged&_csrf=not-the-token".getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded")));
		all.add(new Case(cat, "note with cookie, the token of another reader", t -> t.mallory.postRaw(PARAGRAPH_NOTES,
				("body=forged&_csrf=" + t.ada.csrf).getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded")));
		all.add(new Case(cat, "reply with cookie, no CSRF token", t -> t.mallory.postRaw(
				ARTICLE + "/notes/" + t.adaNote + "/replies", "body=forged".getBytes(StandardCharsets.US_ASCII),
				"application/x-www-form-urlencoded")));
		all.add(new Case(cat, "edit own note with cookie, no CSRF token", t -> {
			Resp r = t.mallory.postRaw(ARTICLE + "/notes/" + t.malloryNote, "body=forged".getBytes(StandardCharsets.US_ASCII),
					"application/x-www-form-urlencoded");
			assertThat(t.jdbc.sql("SELECT body FROM notes WHERE id = ?").param(t.malloryNote).query(String.class).single())
				.isNotEqualTo("forged");
			return r;
		}));
		all.add(new Case(cat, "delete own note with cookie, no CSRF token", t -> t.mallory.postRaw(
				ARTICLE + "/notes/" + t.malloryNote + "/delete", new byte[0], "application/x-www-form-urlencoded")));
		all.add(new Case(cat, "the victim's note deleted with her cookie, no token (forged cross-site)", t -> t.ada.postRaw(
				ARTICLE + "/notes/" + t.adaNote + "/delete", new byte[0], "application/x-www-form-urlencoded")));
		all.add(new Case(cat, "API POST with cookie, no bearer and no CSRF token", t -> t.wire.method("POST", CONTAINER,
				t.noteJson("\"forged\"", "").getBytes(StandardCharsets.UTF_8), "Content-Type", JSON_LD, "Cookie",
				t.mallory.cookieHeader())));
		all.add(new Case(cat, "API DELETE with the victim's cookie, no CSRF token", t -> t.wire.method("DELETE",
				CONTAINER + t.adaNote, new byte[0], "Cookie", t.ada.cookieHeader())));
		all.add(new Case(cat, "CSRF token in the query string only", t -> t.mallory.postRaw(
				PARAGRAPH_NOTES + "?_csrf=" + t.mallory.csrf, "body=forged".getBytes(StandardCharsets.US_ASCII),
				"application/x-www-form-urlencoded")));
		all.add(new Case(cat, "event stream of another reader never carries a private note", t -> {
			String seen = t.readEvents("Bearer " + t.mallorySecret);
			assertThat(seen).as("the stream replays the public notes").contains(t.adaNote);
			assertThat(seen).doesNotContain("for her eyes only").doesNotContain(t.adaPrivate);
			return new Resp(200, Map.of(), "");
		}));
	}

	/** A flag by Mallory on Ada's note (his earlier flags forgotten, so that each case is a first flag). */
	Resp flag(Map<String, String> fields) {
		jdbc.sql("DELETE FROM note_flags").update();
		return mallory.post(ARTICLE + "/notes/" + adaNote + "/flag", fields);
	}

	/** A flag that was accepted is shown inert in the moderator's queue. */
	Resp flagShownInert(Resp response, String detail) {
		if (response.status() == 303) {
			Resp queue = moderator.send(wire.request("/moderation").GET());
			Document html = Wire.html(queue, wire.base + "/moderation");
			Wire.assertInert(html);
			// as the form sent it: a lone surrogate cannot be encoded in UTF-8 and goes as "?"
			String sent = new String(detail.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).strip();
			assertThat(html.select(".flag-details").text()).contains(sent);
		}
		return response;
	}

	Resp signIn(String username, String password) {
		Reader stranger = new Reader();
		stranger.page("/moderation/sign-in");
		return stranger.post("/moderation/sign-in", Map.of("username", username, "password", password));
	}

	Resp moderate(Reader who, String slug, String id, String action) {
		return who.post("/moderation/articles/" + Wire.segment(slug) + "/notes/" + Wire.segment(id) + "/"
				+ Wire.segment(action), Map.of("back", "article"));
	}

	void moderationCases(List<Case> all) {
		String cat = "moderation";
		List<String> crafted = new ArrayList<>(SCRIPTS);
		crafted.addAll(SQL);
		for (String p : crafted) {
			all.add(new Case(cat, "flag reason: " + label(p), t -> t.flag(Map.of("reason", p))));
			all.add(new Case(cat, "flag detail: " + label(p),
					t -> t.flagShownInert(t.flag(Map.of("reason", "other", "detail", p)), p)));
			all.add(new Case(cat, "sign-in username: " + label(p), t -> t.signIn(p, "whatever")));
			all.add(new Case(cat, "sign-in password: " + label(p), t -> t.signIn("moderator", p)));
		}
		List<String> ids = new ArrayList<>(crafted);
		ids.addAll(TRAVERSALS);
		for (String p : ids) {
			all.add(new Case(cat, "moderator action on note id: " + label(p), t -> t.moderate(t.moderator, SLUG, p, "hide")));
			all.add(new Case(cat, "moderator action on article: " + label(p),
					t -> t.moderate(t.moderator, p, t.adaNote, "delete")));
			all.add(new Case(cat, "moderator action name: " + label(p), t -> t.moderate(t.moderator, SLUG, t.adaNote, p)));
		}
		for (String bad : new String[] { "a\u0000b", "a\ud800b", "bell\u0007", "x".repeat(501), "\u202Eevil" }) {
			all.add(new Case(cat, "flag detail with " + label(bad),
					t -> t.flagShownInert(t.flag(Map.of("reason", "other", "detail", bad)), bad)));
		}
		for (String bad : new String[] { "a\u0000b", "x".repeat(10_000), "\u202Emoderator", " " }) {
			all.add(new Case(cat, "sign-in username with " + label(bad), t -> t.signIn(bad, "x")));
			all.add(new Case(cat, "sign-in password with " + label(bad), t -> t.signIn("moderator", bad)));
		}
		all.add(new Case(cat, "a private note's id to flag", t -> t.mallory.post(ARTICLE + "/notes/" + t.adaPrivate + "/flag",
				Map.of("reason", "spam"))));
		all.add(new Case(cat, "the moderator hides a private note", t -> t.moderate(t.moderator, SLUG, t.adaPrivate, "hide")));
		for (String action : List.of("hide", "unhide", "delete", "dismiss")) {
			all.add(new Case(cat, action + " without signing in (a reader's cookie and CSRF token)",
					t -> t.moderate(t.mallory, SLUG, t.adaNote, action)));
			all.add(new Case(cat, action + " with a forged moderator cookie", t -> {
				Reader forger = new Reader();
				forger.cookies.put("marginalia_moderator", NEVER_ISSUED);
				forger.page(ARTICLE);
				return t.moderate(forger, SLUG, t.adaNote, action);
			}));
			all.add(new Case(cat, action + " signed in, without the CSRF token", t -> t.moderator.postRaw(
					"/moderation/articles/" + SLUG + "/notes/" + t.adaNote + "/" + action, new byte[0],
					"application/x-www-form-urlencoded")));
		}
		all.add(new Case(cat, "import form: 10,000 nested arrays", t -> t.moderator.post("/moderation/import",
				Map.of("article", SLUG, "annotations", "[".repeat(10_000) + "]".repeat(10_000)))));
		all.add(new Case(cat, "import form: an article that is not there", t -> t.moderator.post("/moderation/import",
				Map.of("article", "../../etc/passwd", "annotations", "[]"))));
		all.add(new Case(cat, "import form without signing in", t -> t.mallory.post("/moderation/import",
				Map.of("article", SLUG, "annotations", "[]"))));
		all.add(new Case(cat, "import API as a reader (bearer token, no moderator cookie)", t -> t.api("POST",
				CONTAINER + "import", "[]", "Content-Type", JSON_LD, "Authorization", "Bearer " + t.mallorySecret)));
	}

	/**
	 * What the event stream replays from before the fixtures, read until Mallory's fixture note has come: the log
	 * is replayed in order, and Ada's private fixture was written between her public one and his.
	 */
	String readEvents(String authorization) throws Exception {
		HttpRequest request = wire.request("/api/articles/" + SLUG + "/events?lastEventId=" + eventsBefore).GET()
			.header("Accept", "text/event-stream").header("Authorization", authorization).build();
		HttpResponse<InputStream> response = wire.web.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		StringBuilder seen = new StringBuilder();
		InputStream in = response.body();
		Thread reader = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try {
				for (int n; (n = in.read(buffer)) > 0;) {
					synchronized (seen) {
						seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
					}
				}
			}
			catch (java.io.IOException ex) {
				// closed below
			}
		});
		reader.setDaemon(true);
		reader.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			synchronized (seen) {
				return seen.indexOf("\"note\":\"" + malloryNote + "\"") >= 0;
			}
		});
		in.close();
		synchronized (seen) {
			return seen.toString();
		}
	}

}
