package dev.marginalia.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.browser.ArticlePage.ARTICLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with software we did not write: Apache Annotator 0.2.0 ({@link ApacheAnnotator}), injected into
 * the article page in the real headless Chromium, describes passages of the article as W3C selectors; a client of
 * our API that is not ours (no cookies, a bearer secret, {@code fetch} from the page) posts them as annotations; then
 * the server's highlight must cover exactly the passage chosen, and Apache Annotator must resolve the selector the
 * server serves back to that passage and nothing else.
 *
 * <p>The passages are random (a fixed seed, printed; {@code -Dmarginalia.test.annotator-seed=N} tries another),
 * word-aligned, each inside one paragraph, and many are words that occur all over the article ("the", "of the",
 * "Kazakhstan"), at a deliberately chosen occurrence.
 *
 * <p>The contract: a client may describe a passage by a TextQuoteSelector over the whole {@code article} element,
 * or as Hypothesis does, by a list of alternatives (a RangeSelector with XPaths below {@code body}, a
 * TextPositionSelector and a TextQuoteSelector over {@code body}); the server either creates the note on that very
 * occurrence (201) or, for a selection it finds ambiguous, refuses it (422 or 409) with the occurrences it considered
 * in a non-empty {@code candidates} member of the problem details. It serves the target's selector as a
 * FragmentSelector naming the paragraph, refined by one TextQuoteSelector, or as an array of alternatives whose first
 * is that. {@link #selectionsRefiningTheirParagraph} posts the shape the server has always taken (the paragraph's
 * FragmentSelector refined by a TextQuoteSelector described inside the paragraph), with the same checks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=annotator-in-browser")
@TestInstance(Lifecycle.PER_CLASS)
class AnnotatorInteropInBrowserTests {

	static final long SEED = Long.getLong("marginalia.test.annotator-seed", 20_261_205L);

	static final int SELECTIONS = 60;

	/** Words that occur many times in the article, and how many of their occurrences each run picks. */
	static final Map<String, Integer> FREQUENT = orderedMap("the", 14, "of the", 10, "Kazakhstan", 10);

	static final String CONTAINER = "/api/articles/stability-a-rare-strategic-resource/annotations/";

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

	@LocalServerPort
	int port;

	/**
	 * Refused POSTs are what the tests count: Chromium logs each response of 4xx as "Failed to load resource", so
	 * those are not problems here; script errors and Content-Security-Policy violations are.
	 */
	@RegisterExtension
	static final Browser browser = Browser.withScripts()
		.expectingConsoleProblems((page, problem) -> problem
			.matches("(?s).*Failed to load resource: the server responded with a status of 4\\d\\d.*"));

	ApacheAnnotator.@Nullable Scripts scripts;

	ArticlePage page;

	@BeforeAll
	void start() {
		scripts = ApacheAnnotator.bundleIfInstalled();
		if (!browser.isAvailable() && ApacheAnnotator.required()) {
			Assertions.fail("Apache Annotator's interop test needs Chromium too (required: MARGINALIA_REQUIRE_NPM=true)");
		}
	}

	@BeforeEach
	void reset() {
		ApacheAnnotator.assumeAvailable(scripts);
		page = new ArticlePage(browser, port);
	}

	@Test
	void apacheAnnotatorRunsInThePageThoughItsContentSecurityPolicyForbidsInlineScripts() {
		page.open(ARTICLE);
		String policy = (String) browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(location.href, { method: 'HEAD', credentials: 'omit' })
				  .then(response => done(response.headers.get('Content-Security-Policy')), error => done(String(error)));""");
		assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");

		// the policy is in force: an inline script added to the page does not run
		browser.script("""
				window.__violations = [];
				document.addEventListener('securitypolicyviolation', event => window.__violations.push(event.violatedDirective));
				const script = document.createElement('script');
				script.textContent = 'window.__inlineRan = true;';
				document.body.append(script);""");
		page.waitUntil(() -> !((List<?>) browser.script("return window.__violations;")).isEmpty(), "the inline script is refused");
		assertThat(browser.script("return window.__inlineRan === true;")).isEqualTo(false);
		assertThat(browser.consoleProblems()).as("the refusal, reported").anyMatch(message -> message.contains("Content Security Policy"));

		// WebDriver's scripts are not subject to it: the bundle runs, and Apache Annotator works in the page
		inject();
		Object quote = browser.driver().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const paragraph = document.getElementById('p-HotIti');
				const text = paragraph.firstChild;
				const range = document.createRange();
				const at = text.data.indexOf('without', text.data.indexOf('without') + 1);
				range.setStart(text, at);
				range.setEnd(text, at + 'without'.length);
				ApacheAnnotator.describeTextQuote(range, paragraph).then(done, error => done(String(error)));""");
		assertThat(quote).as("the second 'without' in the paragraph, told apart by its context")
			.asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("type", "TextQuoteSelector")
			.containsEntry("exact", "without")
			.hasEntrySatisfying("prefix", prefix -> assertThat((String) prefix).endsWith("freedom "));
		assertThat((List<?>) browser.script("return window.__violations;")).as("violations").hasSize(1);
	}

	/** The contract: TextQuoteSelectors over the whole article, and Hypothesis' lists of selectors over the body. */
	@Test
	void selectionsDescribedOverTheArticleAsAClientSeesIt() {
		run("TextQuoteSelector over the article, Hypothesis' lists", n -> n % 3 == 0 ? "hypothesis" : "article");
	}

	/** What the server has always taken: the paragraph's FragmentSelector, refined by a TextQuoteSelector inside it. */
	@Test
	void selectionsRefiningTheirParagraph() {
		run("FragmentSelector refined by a TextQuoteSelector in the paragraph", n -> "paragraph");
	}

	/**
	 * Describes the selections with Apache Annotator, posts them, then checks the highlights and lets Apache
	 * Annotator resolve what the server serves. Every note written is deleted at the end.
	 * @param shapes the shape of each selection's selector, by its number (from 1)
	 */
	private void run(String variant, IntFunction<String> shapes) {
		page.open(ARTICLE);
		inject();
		@SuppressWarnings("unchecked")
		List<Map<String, String>> blocks = (List<Map<String, String>>) browser.script("return MarginaliaInterop.blocks();");
		List<Selection> selections = choose(blocks, SEED, SELECTIONS, shapes);
		System.out.printf("Apache Annotator interop (%s): seed %d, %d selections in %d paragraphs%n", variant, SEED,
				selections.size(), blocks.size());

		// 1. Apache Annotator describes each selection, in the page as a reader has it (before any note is added)
		List<Object> selectors = new ArrayList<>();
		List<String> notFoundAgain = new ArrayList<>();
		for (Selection selection : selections) {
			Map<String, Object> described = async("MarginaliaInterop.describe(arguments[0])", selection.asMap());
			assertThat(described).as("Apache Annotator describes %s", selection).doesNotContainKey("error");
			if (!Boolean.TRUE.equals(described.get("roundTrip"))) {
				notFoundAgain.add(selection + " " + described.get("selector"));
			}
			selectors.add(described.get("selector"));
		}
		assertThat(notFoundAgain).as("selectors that Apache Annotator itself does not resolve to the selection (the harness)")
			.isEmpty();

		// 2. a client that is not ours posts them (no cookie, the bearer secret from the first answer); after each
		// note, the page as every reader gets it now: the server's highlight of the new note
		String secret = null;
		Map<Selection, String> created = new LinkedHashMap<>();
		Map<String, String> secrets = new LinkedHashMap<>();
		List<String> refused = new ArrayList<>();
		List<String> failed = new ArrayList<>();
		List<String> wrongHighlight = new ArrayList<>();
		int highlighted = 0;
		try {
			for (int i = 0; i < selections.size(); i++) {
				Selection selection = selections.get(i);
				Map<String, Object> response = async("MarginaliaInterop.post(arguments[0], arguments[1], arguments[2])",
						page.url(CONTAINER), annotation(selection, selectors.get(i)), secret);
				String given = (String) response.get("secret");
				long status = (Long) response.get("status");
				String body = String.valueOf(response.get("body"));
				if (status == 201) {
					String location = (String) response.get("location");
					assertThat(location).as("Location of %s", selection).startsWith(page.url(CONTAINER));
					created.put(selection, location);
					secrets.put(location, given != null ? given : secret);
					Map<String, Object> marks = servedMarks(noteId(location));
					if (isAt(selection, marks)) {
						highlighted++;
					}
					else {
						wrongHighlight.add(selection + " note " + noteId(location) + ": marked " + marks);
					}
				}
				else if ((status == 422 || status == 409) && listsCandidates(body)) {
					refused.add(selection + " -> " + status + " " + body);
				}
				else {
					failed.add(selection + " " + shortJson(selectors.get(i)) + " -> " + status + " " + body);
				}
				if (secret == null) {
					secret = given;
				}
			}

			// 3. Apache Annotator resolves the selector each note is served with, in the page as it is at the end
			if (created.isEmpty()) {
				page.open(ARTICLE);
				inject();
			}
			else {
				openWith(noteId(List.copyOf(created.values()).get(created.size() - 1)));
			}
			List<String> notResolved = new ArrayList<>();
			int resolved = 0;
			int firstAlternativeResolved = 0;
			int quoteUniqueInArticle = 0;
			int quoteUniqueAtSelection = 0;
			int stillMarked = 0;
			for (Map.Entry<Selection, String> entry : created.entrySet()) {
				Selection selection = entry.getKey();
				String location = entry.getValue();
				Map<String, Object> resolution = async("MarginaliaInterop.resolve(arguments[0], arguments[1])", location,
						selection.place());
				if (Boolean.TRUE.equals(resolution.get("resolved"))) {
					resolved++;
				}
				else {
					notResolved.add(selection + " note " + noteId(location) + ": " + resolution);
				}
				if (Boolean.TRUE.equals(resolution.get("firstAlternativeResolved"))) {
					firstAlternativeResolved++;
				}
				if (Long.valueOf(1).equals(resolution.get("quoteInArticle"))) {
					quoteUniqueInArticle++;
				}
				if (Boolean.TRUE.equals(resolution.get("quoteInArticleAtSelection"))) {
					quoteUniqueAtSelection++;
				}
				if (isAt(selection, sync("return MarginaliaInterop.marks(arguments[0]);", noteId(location)))) {
					stillMarked++;
				}
			}

			report("posted and neither created nor refused with candidates", failed);
			report("refused with candidates", refused);
			report("highlighted elsewhere than the selection (the page as served just after the note was added)",
					wrongHighlight);
			report("not resolved by Apache Annotator to the selection", notResolved);
			System.out.printf("Apache Annotator interop (%s), seed %d: %d selections / %d created / %d refused with "
					+ "candidates / %d highlighted at the same occurrence / %d resolved by Apache Annotator to it%n",
					variant, SEED, selections.size(), created.size(), refused.size(), highlighted, resolved);
			System.out.printf("  (not asserted) described with a prefix or suffix reaching outside the paragraph: %d of %d; "
					+ "served TextQuoteSelector alone over the article: %d of %d with exactly one match, %d of them the "
					+ "selection; a served refinedBy array's first alternative resolved to the selection: %d; still "
					+ "highlighted at the end, with every note added: %d%n",
					beyondParagraph(selections, selectors), selections.size(), quoteUniqueInArticle, created.size(),
					quoteUniqueAtSelection, firstAlternativeResolved, stillMarked);

			SoftAssertions softly = new SoftAssertions();
			softly.assertThat(created.size() + refused.size()).as("created + refused with candidates == selections: "
					+ failed.size() + " posts neither (see above)").isEqualTo(selections.size());
			softly.assertThat(highlighted).as("highlighted at the same occurrence == created").isEqualTo(created.size());
			softly.assertThat(resolved).as("resolved by Apache Annotator to the selection == created").isEqualTo(created.size());
			softly.assertAll();
		}
		finally {
			deleteAll(secrets);
		}
	}

	private static String noteId(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** Whether the marks lie in the selection's paragraph and cover exactly its text there. */
	private static boolean isAt(Selection selection, Map<String, Object> marks) {
		return List.of(selection.id()).equals(marks.get("blocks"))
				&& List.of(List.of((long) selection.start(), (long) selection.end())).equals(marks.get("intervals"));
	}

	/**
	 * @return how many of the described TextQuoteSelectors (over the article or the body) take their prefix or suffix
	 * from outside the selection's paragraph: the page's other text (links, counts, white space between blocks)
	 */
	@SuppressWarnings("unchecked")
	private static long beyondParagraph(List<Selection> selections, List<Object> selectors) {
		long count = 0;
		for (int i = 0; i < selections.size(); i++) {
			Selection selection = selections.get(i);
			Object selector = selectors.get(i);
			Map<String, Object> quote = selector instanceof List<?> list
					? list.stream().map(each -> (Map<String, Object>) each)
						.filter(each -> "TextQuoteSelector".equals(each.get("type"))).findFirst().orElse(Map.of())
					: (Map<String, Object>) selector;
			if (!"TextQuoteSelector".equals(quote.get("type"))) {
				continue;
			}
			String prefix = String.valueOf(quote.getOrDefault("prefix", ""));
			String suffix = String.valueOf(quote.getOrDefault("suffix", ""));
			if (prefix.length() > selection.start() || suffix.length() > selection.paragraphLength() - selection.end()) {
				count++;
			}
		}
		return count;
	}

	// ---- The page

	/**
	 * Opens the article as it is once the note is on it: just after a write, the shared page may still be the one
	 * from before it while the new one renders (see SharedPageRenderTests).
	 */
	private void openWith(String noteId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		do {
			page.open(ARTICLE);
			if (Boolean.TRUE.equals(browser.script("return document.getElementById('note-' + arguments[0]) !== null;", noteId))) {
				inject();
				return;
			}
		}
		while (System.nanoTime() < deadline);
		Assertions.fail("The note " + noteId + " is not on the article page 10 s after it was added");
	}

	/**
	 * The note's marks in the article page as the server sends it now, fetched and parsed in the page (no reload):
	 * just after a write, the shared page may still be the one from before it while the new one renders.
	 */
	private Map<String, Object> servedMarks(String noteId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		do {
			Map<String, Object> marks = async("MarginaliaInterop.servedMarks(arguments[0], arguments[1])", page.url(ARTICLE),
					noteId);
			assertThat(marks).as("the article page fetched for note %s", noteId).doesNotContainKey("error");
			if (Boolean.TRUE.equals(marks.get("onPage"))) {
				return marks;
			}
		}
		while (System.nanoTime() < deadline);
		return Assertions.fail("The note " + noteId + " is not on the article page 10 s after it was added");
	}

	private void inject() {
		browser.script(scripts.bundle());
		browser.script(scripts.harness());
		assertThat(browser.script("return typeof ApacheAnnotator.describeTextQuote + ' ' + typeof MarginaliaInterop.resolve;"))
			.isEqualTo("function function");
	}

	/** Runs a script whose last expression is a promise, and waits for its value. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> async(String promise, Object... args) {
		Object value = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1]; ("
				+ promise + ").then(done, error => done({ error: String(error) }));", args);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> sync(String script, Object... args) {
		return (Map<String, Object>) browser.script(script, args);
	}

	/** Deletes the notes written, each with the secret it was written with. */
	private void deleteAll(Map<String, String> secrets) {
		if (browser == null) {
			return;
		}
		secrets.forEach((location, secret) -> {
			Map<String, Object> deleted = async("MarginaliaInterop.remove(arguments[0], arguments[1]).then(status => ({ status }))",
					location, secret);
			assertThat(deleted.get("status")).as("DELETE %s", location).isEqualTo(204L);
		});
	}

	// ---- The annotations

	private Map<String, Object> annotation(Selection selection, Object selector) {
		return orderedMap("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation", "motivation", "commenting",
				"body", orderedMap("type", "TextualBody", "value", "note " + selection.n(), "format", "text/markdown"),
				"target", orderedMap("source", page.url(ARTICLE), "selector", selector));
	}

	/** A refusal that names the occurrences it could not choose between: a non-empty {@code candidates} array. */
	private static boolean listsCandidates(String problem) {
		return problem.matches("(?s).*\"candidates\"\\s*:\\s*\\[\\s*[^\\]\\s].*");
	}

	private static String shortJson(Object selector) {
		String text = String.valueOf(selector);
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

	private static void report(String what, List<String> lines) {
		if (!lines.isEmpty()) {
			System.out.println("  " + lines.size() + " " + what + ":");
			lines.forEach(line -> System.out.println("    " + line));
		}
	}

	// ---- The selections

	/**
	 * A passage to select: {@code text} is the paragraph's text from {@code start} to {@code end} (UTF-16 offsets
	 * in its textContent, as the DOM counts). @param kind a word of {@link #FREQUENT}, or "words"
	 * @param paragraphLength the length of the paragraph's text
	 */
	record Selection(int n, String id, int start, int end, String text, String kind, String shape, int paragraphLength) {

		Map<String, Object> asMap() {
			return orderedMap("id", id, "start", start, "end", end, "text", text, "shape", shape);
		}

		Map<String, Object> place() {
			return orderedMap("id", id, "start", start, "end", end);
		}

		@Override
		public String toString() {
			return "#" + n + " " + kind + " " + shape + " \"" + text + "\" in " + id + " [" + start + ", " + end + ")";
		}

	}

	private record Word(String blockId, int start, int end) {
	}

	/**
	 * Chooses the selections, the same for the same seed and article: occurrences of each of {@link #FREQUENT}
	 * (whole words), then runs of 1 to 12 words anywhere, each inside one paragraph; no passage twice, in a shuffled
	 * order.
	 */
	static List<Selection> choose(List<Map<String, String>> blocks, long seed, int count, IntFunction<String> shapes) {
		Random random = new Random(seed);
		Map<String, String> texts = new LinkedHashMap<>();
		List<List<Word>> words = new ArrayList<>();
		for (Map<String, String> block : blocks) {
			String id = block.get("id");
			String text = block.get("text");
			texts.put(id, text);
			List<Word> inBlock = new ArrayList<>();
			Matcher matcher = WORD.matcher(text);
			while (matcher.find()) {
				inBlock.add(new Word(id, matcher.start(), matcher.end()));
			}
			words.add(inBlock);
		}
		record Chosen(String id, int start, int end, String kind) {
		}
		List<Chosen> chosen = new ArrayList<>();
		Set<List<Object>> seen = new HashSet<>();
		FREQUENT.forEach((phrase, wanted) -> {
			List<String> phraseWords = List.of(phrase.split(" "));
			List<Chosen> occurrences = new ArrayList<>();
			for (List<Word> inBlock : words) {
				for (int i = 0; i + phraseWords.size() <= inBlock.size(); i++) {
					Word first = inBlock.get(i);
					Word last = inBlock.get(i + phraseWords.size() - 1);
					if (texts.get(first.blockId()).substring(first.start(), last.end()).equals(phrase)) {
						occurrences.add(new Chosen(first.blockId(), first.start(), last.end(), phrase));
					}
				}
			}
			Collections.shuffle(occurrences, random);
			occurrences.stream().limit(wanted).forEach(occurrence -> {
				seen.add(List.of(occurrence.id(), occurrence.start(), occurrence.end()));
				chosen.add(occurrence);
			});
		});
		List<Word> all = words.stream().flatMap(List::stream).toList();
		while (chosen.size() < count) {
			int from = random.nextInt(all.size());
			Word first = all.get(from);
			int length = 1 + random.nextInt(12);
			int to = Math.min(from + length - 1, all.size() - 1);
			while (!all.get(to).blockId().equals(first.blockId())) {
				to--;
			}
			Chosen run = new Chosen(first.blockId(), first.start(), all.get(to).end(), "words");
			if (seen.add(List.of(run.id(), run.start(), run.end()))) {
				chosen.add(run);
			}
		}
		Collections.shuffle(chosen, random);
		List<Selection> selections = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			Chosen each = chosen.get(i);
			selections.add(new Selection(i + 1, each.id(), each.start(), each.end(),
					texts.get(each.id()).substring(each.start(), each.end()), each.kind(), shapes.apply(i + 1),
					texts.get(each.id()).length()));
		}
		return selections;
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> orderedMap(Object... keysAndValues) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
		}
		return map;
	}

}
