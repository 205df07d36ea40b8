package dev.marginalia.browser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.marginalia.support.FormClient;
import dev.marginalia.support.TestNotes;
import org.assertj.core.api.SoftAssertions;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The margin never moves the text: at 1280 px, with the layouts that used to tear the column apart (one long note
 * on a one-line paragraph; 3 notes and 2 replies; 12 notes; passage notes on consecutive paragraphs), the gap
 * between every two consecutive paragraphs is the gap they have with no notes at all, no two margin items
 * overlap each other or the text, and each starts at or below its paragraph's top. With JavaScript and without.
 * The figures are printed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MarginLayoutInBrowserTests {

	static final String SLUG = "stability-a-rare-strategic-resource";

	static final String ARTICLE = "/articles/" + SLUG;

	/** How far a gap may differ from the gap without notes: sub-pixel rounding, nothing more. */
	static final double TOLERANCE = 2;

	static final String LONG_NOTE = ("Stability is not a slogan here but a claim about institutions: courts that decide "
			+ "cases on their merits, budgets that survive a change of minister, and borders that are not renegotiated "
			+ "every decade. The piece moves quickly from that claim to foreign policy, and the reader is left to supply "
			+ "the domestic evidence. ").repeat(4).strip();

	/** Their consoles are not checked: they never were here (layout only), and moving to the fixture kept that. */
	@RegisterExtension
	static final Browser withScripts = Browser.withScripts().consoleNotChecked();

	@RegisterExtension
	static final Browser withoutScripts = Browser.withoutScripts().consoleNotChecked();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		TestNotes.deleteAll(jdbc);
	}

	@Test
	void theTextColumnNeverMovesForNotes() {
		withScripts.resize(1280, 900);
		withoutScripts.resize(1280, 900);
		List<Box> bare = paragraphs(withScripts);
		assertThat(paragraphs(withoutScripts)).as("without notes, scripts change nothing").isEqualTo(bare);
		seed();
		SoftAssertions softly = new SoftAssertions();
		check(withScripts, true, bare, softly);
		withScripts.assertAccessible();
		screenshot(withScripts, "margin-javascript-on.png");
		check(withoutScripts, false, bare, softly);
		withoutScripts.assertAccessible();
		screenshot(withoutScripts, "margin-javascript-off.png");
		softly.assertAll();
	}

	/** With -Dmarginalia.test.screenshots=DIR, the whole page as laid out, for a person to look at. */
	static void screenshot(Browser browser, String name) {
		screenshot(browser, name, 1280);
	}

	static void screenshot(Browser browser, String name, int width) {
		String folder = System.getProperty("marginalia.test.screenshots");
		if (folder == null) {
			return;
		}
		long height = ((Number) browser.script("return document.documentElement.scrollHeight;")).longValue();
		browser.resize(width, (int) Math.min(height, 12_000));
		try {
			java.nio.file.Files.write(java.nio.file.Path.of(folder, name),
					browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		browser.resize(width, width == 1280 ? 900 : 844);
	}

	void check(Browser browser, boolean javascript, List<Box> bare, SoftAssertions softly) {
		List<Box> annotated = paragraphs(browser);
		assertThat(annotated).extracting(Box::id).containsExactlyElementsOf(bare.stream().map(Box::id).toList());

		double[] before = gaps(bare);
		double[] after = gaps(annotated);
		double worst = 0;
		for (int i = 0; i < before.length; i++) {
			worst = Math.max(worst, Math.abs(after[i] - before[i]));
		}
		List<Box> margin = margin(browser);
		System.out.printf("MARGIN LAYOUT at 1280 px, JavaScript %s: paragraph gaps without notes median %.1f px, "
				+ "largest %.1f px; with notes median %.1f px, largest %.1f px; largest change %.1f px; %d margin items%n",
				javascript ? "on" : "off", median(before), max(before), median(after), max(after), worst, margin.size());

		for (int i = 0; i < before.length; i++) {
			softly.assertThat(after[i]).as("JavaScript %s: gap after %s", javascript, annotated.get(i).id()).isCloseTo(before[i],
					org.assertj.core.data.Offset.offset(TOLERANCE));
		}
		Map<String, Box> paragraphById = new LinkedHashMap<>();
		annotated.forEach(box -> paragraphById.put(box.id(), box));
		double column = annotated.stream().mapToDouble(Box::right).max().orElseThrow();
		softly.assertThat(margin).as("the margin shows the seeded notes").hasSizeGreaterThanOrEqualTo(6);
		for (int i = 0; i < margin.size(); i++) {
			Box item = margin.get(i);
			softly.assertThat(item.left()).as("%s stays out of the text column", item.id()).isGreaterThanOrEqualTo(column);
			Box paragraph = paragraphById.get(item.id().replaceFirst("^(notes|count)-", ""));
			softly.assertThat(paragraph).as("%s belongs to a paragraph", item.id()).isNotNull();
			if (paragraph != null) {
				softly.assertThat(item.top()).as("%s starts at or below its paragraph", item.id())
					.isGreaterThanOrEqualTo(paragraph.top() - 1);
			}
			for (int j = i + 1; j < margin.size(); j++) {
				softly.assertThat(item.overlaps(margin.get(j))).as("%s overlaps %s", item, margin.get(j)).isFalse();
			}
		}
	}

	@Test
	void onAPhoneEachParagraphHasOneSmallControlAndItsNotesOpenByTapAndByKeyboard() {
		String crowded = seedThreeNotes();
		for (Browser browser : new Browser[] { withScripts, withoutScripts }) {
			browser.resize(390, 844);
			browser.touchScreen(true);
			try {
				if (browser == withScripts) {
					new ArticlePage(browser, port).openArticle(); // its live updates caught up before anything is read
				}
				else {
					browser.driver().get("http://localhost:" + port + ARTICLE);
				}
				long overflow = ((Number) browser.script(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
				assertThat(overflow).as("no horizontal scroll at 390 px").isLessThanOrEqualTo(0);
				@SuppressWarnings("unchecked")
				List<List<Object>> controls = (List<List<Object>>) browser.script("""
						return [...document.querySelectorAll('.article .block')].map(block => {
						  const shown = [...block.children].filter(child => child.matches('a, button')
						    && getComputedStyle(child).display !== 'none');
						  const paragraph = block.firstElementChild.getBoundingClientRect();
						  return [block.firstElementChild.id, shown.length, ...shown.map(control => {
						    const box = control.getBoundingClientRect();
						    // the target may reach past the box: a centred ::after of its own size
						    const after = getComputedStyle(control, '::after');
						    const reach = after.content !== 'none' && after.position === 'absolute';
						    return [Math.max(box.height, reach ? parseFloat(after.height) : 0),
						      Math.max(box.width, reach ? parseFloat(after.width) : 0), box.bottom - paragraph.bottom];
						  })];
						});""");
				for (List<Object> block : controls) {
					assertThat(number(block.get(1))).as("controls shown after %s", block.get(0)).isEqualTo(1);
					@SuppressWarnings("unchecked")
					List<Object> control = (List<Object>) block.get(2);
					assertThat(number(control.get(0))).as("tap target height on %s", block.get(0)).isGreaterThanOrEqualTo(44);
					assertThat(number(control.get(1))).as("tap target width on %s", block.get(0)).isGreaterThanOrEqualTo(44);
					assertThat(number(control.get(2))).as("no row of its own under %s", block.get(0)).isLessThanOrEqualTo(0);
				}
				// looked up at each use: live updates may put a paragraph's notes in place again meanwhile
				java.util.function.Supplier<org.openqa.selenium.WebElement> count = () -> browser.driver().findElement(
						org.openqa.selenium.By.cssSelector("#" + crowded + " ~ .note-count"));
				java.util.function.Supplier<Boolean> open = () -> unlessReplaced(() -> browser.driver().findElement(
						org.openqa.selenium.By.id("notes-" + crowded)).isDisplayed());
				ArticlePage page = new ArticlePage(browser, port);
				assertThat(open.get()).as("closed at first").isFalse();
				unlessReplaced(() -> {
					count.get().click();
					return true;
				});
				page.waitUntil(open, "notes open by a tap");
				browser.assertAccessible();
				screenshot(browser, browser == withScripts ? "phone-javascript-on.png" : "phone-javascript-off.png", 390);
				if (browser == withScripts) {
					browser.colorScheme("dark");
					screenshot(browser, "phone-dark.png", 390);
					browser.colorScheme("light");
				}
				if (browser == withScripts) {
					unlessReplaced(() -> {
						count.get().sendKeys(org.openqa.selenium.Keys.ENTER);
						return true;
					});
					page.waitUntil(() -> !open.get(), "and close by the keyboard");
					unlessReplaced(() -> {
						count.get().sendKeys(" ");
						return true;
					});
					page.waitUntil(open, "and open again");
				}
			}
			finally {
				browser.touchScreen(false);
				browser.resize(1280, 900);
			}
		}
	}

	@Test
	void theKeyboardMovesFromParagraphToParagraphPastTheNotes() {
		seedThreeNotes();
		withScripts.resize(1280, 900);
		withScripts.driver().get("http://localhost:" + port + ARTICLE);
		@SuppressWarnings("unchecked")
		List<String> ids = (List<String>) withScripts.script(
				"return [...document.querySelectorAll('.article .block > :first-child[id]')].map(block => block.id);");
		org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(withScripts.driver());
		for (int i = 0; i < 11; i++) {
			keys.sendKeys("j").perform();
		}
		assertThat(withScripts.script("return document.activeElement.id;")).as("paragraph 11 after 11 presses of J")
			.isEqualTo(ids.get(10));
		keys.sendKeys("k").perform();
		assertThat(withScripts.script("return document.activeElement.id;")).isEqualTo(ids.get(9));

		withoutScripts.driver().get("http://localhost:" + port + ARTICLE);
		org.openqa.selenium.WebElement skip = withoutScripts.driver().findElement(
				org.openqa.selenium.By.cssSelector("aside.notes .skip-notes"));
		assertThat(skip.getDomAttribute("href")).startsWith("#after-notes-");
		assertThat(withoutScripts.driver().findElements(org.openqa.selenium.By.id(skip.getDomAttribute("href").substring(1))))
			.as("the skip link leads past the notes").hasSize(1);
	}

	String seedThreeNotes() {
		FormClient reader = new FormClient(port);
		String block = reader.page(ARTICLE).select(".article .block > p[id]").get(3).id();
		for (int i = 0; i < 3; i++) {
			reader.write(ARTICLE, block, "A note for the phone, number " + (i + 1) + ".");
		}
		return block;
	}

	/** The notes of the layouts that tore the column apart, written through the forms. */
	void seed() {
		FormClient reader = new FormClient(port);
		Document page = reader.page(ARTICLE);
		List<Element> paragraphs = page.select(".article .block > p[id]");
		Element oneLine = paragraphs.stream().min((a, b) -> a.text().length() - b.text().length()).orElseThrow();
		int at = paragraphs.indexOf(oneLine);
		List<Element> others = new ArrayList<>(paragraphs);
		others.removeAll(List.of(oneLine));
		String withReplies = others.get(2).id();
		String crowded = others.get(4).id();
		reader.page(ARTICLE + "/p/" + oneLine.id() + "/notes");
		reader.write(ARTICLE, oneLine.id(), LONG_NOTE);
		for (int i = 0; i < 3; i++) {
			String note = reader.write(ARTICLE, withReplies, "One of three notes, number " + (i + 1) + ".");
			if (i < 2) {
				reader.page(ARTICLE + "/notes/" + note + "/reply");
				assertThat(reader.post(ARTICLE + "/notes/" + note + "/replies",
						Map.of("body", "A reply to note " + (i + 1) + ".")).statusCode()).isEqualTo(303);
			}
		}
		for (int i = 0; i < 12; i++) {
			reader.write(ARTICLE, crowded, "Crowded paragraph, note " + (i + 1) + ".");
		}
		for (Element paragraph : others.subList(7, 10)) {
			String text = paragraph.text();
			String quote = text.substring(text.indexOf(' ', 20) + 1, text.indexOf(' ', 45));
			reader.page(ARTICLE + "/p/" + paragraph.id() + "/notes");
			assertThat(reader.post(ARTICLE + "/p/" + paragraph.id() + "/notes",
					Map.of("body", "On the words " + quote, "quote", quote)).statusCode()).isEqualTo(303);
		}
		assertThat(at).isNotNegative();
	}

	List<Box> paragraphs(Browser browser) {
		browser.driver().get("http://localhost:" + port + ARTICLE);
		return boxes(browser, ".article .block > :first-child[id]", "id");
	}

	/** The margin: each paragraph's notes, or its add-a-note control where it has none. */
	List<Box> margin(Browser browser) {
		List<Box> items = new ArrayList<>(boxes(browser, ".article aside.notes", "id"));
		items.addAll(boxes(browser, ".article .note-count.is-empty", "count"));
		return items.stream().filter(box -> box.bottom() > box.top()).toList();
	}

	@SuppressWarnings("unchecked")
	List<Box> boxes(Browser browser, String selector, String naming) {
		List<List<Object>> found = (List<List<Object>>) browser.script("""
				const [selector, naming] = arguments;
				return [...document.querySelectorAll(selector)]
				  .filter(element => getComputedStyle(element).display !== 'none')
				  .map(element => {
				    const box = element.getBoundingClientRect();
				    const id = naming === 'count' ? 'count-' + element.closest('.block').firstElementChild.id : element.id;
				    return [id, box.top + scrollY, box.bottom + scrollY, box.left, box.right];
				  });""", selector, naming);
		return found.stream()
			.map(row -> new Box((String) row.get(0), number(row.get(1)), number(row.get(2)), number(row.get(3)),
					number(row.get(4))))
			.toList();
	}

	static double number(Object value) {
		return ((Number) value).doubleValue();
	}

	static double[] gaps(List<Box> paragraphs) {
		double[] gaps = new double[paragraphs.size() - 1];
		for (int i = 0; i < gaps.length; i++) {
			gaps[i] = paragraphs.get(i + 1).top() - paragraphs.get(i).bottom();
		}
		return gaps;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	static double max(double[] values) {
		return Arrays.stream(values).max().orElseThrow();
	}

	/** A box on the page, in document coordinates. */
	record Box(String id, double top, double bottom, double left, double right) {

		boolean overlaps(Box other) {
			return top < other.bottom - 0.5 && other.top < bottom - 0.5 && left < other.right - 0.5
					&& other.left < right - 0.5;
		}

	}

	/**
	 * Runs a step that looks an element up and uses it, again when a live update replaced the element between the
	 * two (the step is a lookup and one use: running it again asks the page the same question).
	 */
	private static <T> T unlessReplaced(java.util.function.Supplier<T> step) {
		for (int attempt = 1;; attempt++) {
			try {
				return step.get();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				if (attempt == 5) {
					throw ex;
				}
			}
		}
	}

}
