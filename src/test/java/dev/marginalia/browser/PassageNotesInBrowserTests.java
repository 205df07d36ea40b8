package dev.marginalia.browser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.marginalia.notes.BlockNotes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.marginalia.browser.ArticlePage.ARTICLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notes on a passage, chosen by selecting its words in the article: with the mouse, the keyboard (caret
 * browsing) and a touch screen; the passages marked in the text and tied to their notes; links to a passage.
 * One application (its own database) and one Chromium, with caret browsing on; each test writes on paragraphs
 * of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.test.context=passages-in-browser")
@TestInstance(Lifecycle.PER_CLASS)
class PassageNotesInBrowserTests {

	@LocalServerPort
	int port;

	@RegisterExtension
	static final Browser browser = Browser.withScripts().withArguments(Browser.CARET_BROWSING);

	ArticlePage page;

	@BeforeEach
	void page() {
		page = new ArticlePage(browser, port);
	}

	@Test
	void wordsSelectedWithTheMouseGetANoteOnThatPassageAndAreHighlighted() {
		String blockId = "p-TwiCam";
		String words = "geopolitical rivalry";
		page.open(ARTICLE);
		page.markPage();
		drag(blockId, words, 1);
		assertThat(selectedText()).isEqualTo(words);
		WebElement toolbar = awaitToolbar();
		Map<String, Number> selection = selectionBox();
		Map<String, Number> bar = box(toolbar);
		assertThat(bar.get("bottom").doubleValue()).as("with a pointer, the toolbar is just above the selection")
			.isLessThanOrEqualTo(selection.get("top").doubleValue())
			.isGreaterThan(selection.get("top").doubleValue() - 40);

		click(toolbar.findElement(By.cssSelector("[data-passage-action='note']")));
		WebElement form = awaitInlineForm();
		assertThat(form.findElement(By.name("quote")).getDomProperty("value")).isEqualTo(words);
		assertThat(form.findElement(By.name("quoteStart")).getDomProperty("value"))
			.isEqualTo(String.valueOf(page.codePointStart(blockId, words, 1)));
		assertThat(page.focused().getDomAttribute("name")).as("focus in the note's text").isEqualTo("body");
		assertThat(toolbar.isDisplayed()).isFalse();
		assertThat(browser.script("""
				const held = CSS.highlights.get('writing');
				return held ? [...held].map(range => range.toString()).join('|') : null;"""))
			.as("the passage stays highlighted while the note is written").isEqualTo(words);
		new Actions(browser.driver()).sendKeys("Rivalry rather than cooperation").perform();
		click(form.findElement(By.cssSelector("button[type='submit']")));

		String note = awaitFocusedNote();
		assertThat(page.isSamePage()).as("no page load").isTrue();
		assertThat(browser.script("return CSS.highlights.has('writing');")).as("let go once the note is sent")
			.isEqualTo(false);
		assertThat(page.markedPassage(note)).isEqualTo(words);
		assertThat(page.find("#note-" + note + " .note-quote a").getAccessibleName())
			.isEqualTo("“" + words + "” (highlighted yellow)");
		page.open(ARTICLE); // as the server marks it for every reader
		assertThat(page.markedPassage(note)).isEqualTo(words);
		assertAccessibleInLightAndDark();
	}

	@Test
	void aWordThatOccursTwiceInTheParagraphKeepsTheOccurrenceChosen() {
		String blockId = "p-HotIti"; // "… inclusivity without accountability, freedom without limits …"
		page.open(ARTICLE);
		doubleClick(blockId, "without", 2);
		assertThat(selectedText().strip()).isEqualTo("without");
		WebElement toolbar = awaitToolbar();
		click(toolbar.findElement(By.cssSelector("[data-passage-action='note']")));
		WebElement form = awaitInlineForm();
		assertThat(form.findElement(By.name("quoteStart")).getDomProperty("value"))
			.isEqualTo(String.valueOf(page.codePointStart(blockId, "without", 2)));
		new Actions(browser.driver()).sendKeys("The second one").perform();
		click(form.findElement(By.cssSelector("button[type='submit']")));

		String note = awaitFocusedNote();
		assertThat(page.marksOf(note)).containsExactly("without");
		assertThat(textBeforePassage(blockId, note)).endsWith("accountability, freedom");
		page.open(ARTICLE);
		assertThat(textBeforePassage(blockId, note)).endsWith("accountability, freedom");
	}

	@Test
	void wordsSelectedWithTheKeyboardGetANoteAndTheToolbarIsNextInTheTabOrder() {
		String blockId = "p-AarAar";
		String words = "lost its legitimacy";
		page.open(ARTICLE);
		// the caret where a reader moved it with the arrow keys (caret browsing), then Shift+Right over the words
		placeCaret(blockId, words);
		selectRight(words.length());
		assertThat(selectedText()).isEqualTo(words);
		WebElement toolbar = awaitToolbar();
		assertThat(toolbar.getDomAttribute("role")).isEqualTo("group");
		assertThat(toolbar.getAccessibleName()).isEqualTo("Selected passage");
		assertThat(toolbar.findElements(By.cssSelector("*")).contains(page.focused())).as("focus not taken").isFalse();

		keys(Keys.TAB);
		WebElement add = toolbar.findElement(By.cssSelector("[data-passage-action='note']"));
		assertThat(page.focused()).isEqualTo(add);
		assertThat(add.getAccessibleName()).isEqualTo("Add a note on the selected passage");
		keys(Keys.TAB);
		assertThat(page.focused().getAccessibleName()).isEqualTo("Copy link to passage");
		keys(Keys.TAB);
		assertThat(toolbar.findElements(By.cssSelector("*")).contains(page.focused())).as("Tab leaves the toolbar")
			.isFalse();

		// Escape closes it, and focus goes on from there
		placeCaret(blockId, words);
		selectRight(words.length());
		awaitToolbar();
		keys(Keys.TAB);
		assertThat(page.focused()).isEqualTo(add);
		keys(Keys.ESCAPE);
		assertThat(toolbar.isDisplayed()).isFalse();
		assertThat(page.focused().getTagName()).isNotEqualTo("body");
		assertThat((Boolean) browser.script("return document.activeElement.closest('.block') === arguments[0];",
				page.find("#" + blockId).findElement(By.xpath(".."))))
			.as("focus stays with the paragraph").isTrue();

		placeCaret(blockId, words);
		selectRight(words.length());
		awaitToolbar();
		keys(Keys.TAB);
		keys(Keys.ENTER);
		WebElement form = awaitInlineForm();
		assertThat(form.findElement(By.name("quote")).getDomProperty("value")).isEqualTo(words);
		assertThat(form.findElement(By.name("quoteStart")).getDomProperty("value"))
			.isEqualTo(String.valueOf(page.codePointStart(blockId, words, 1)));
		new Actions(browser.driver()).sendKeys("Legitimacy is earned").perform();
		browser.script("arguments[0].focus();", form.findElement(By.cssSelector("button[type='submit']")));
		keys(Keys.ENTER);
		String note = awaitFocusedNote();
		assertThat(page.markedPassage(note)).isEqualTo(words);
	}

	@Test
	void onATouchScreenTheToolbarSitsBelowTheSelectionAndTakesTaps() {
		String blockId = "p-MoeTap";
		String words = "digital transformation";
		browser.resize(375, 812);
		browser.touchScreen(true);
		try {
			page.open(ARTICLE);
			assertThat(browser.script("return matchMedia('(pointer: coarse)').matches;")).isEqualTo(true);
			double[] where = wordsBox(blockId, words, 1);
			tap(where[0] + 2, where[1]);
			// a long press selects words on a phone; headless Chromium makes no selection of it, so a script does
			browser.script("""
					const [blockId, words] = arguments;
					const text = [...document.getElementById(blockId).childNodes].find(node => node.data?.includes(words));
					const range = document.createRange();
					range.setStart(text, text.data.indexOf(words));
					range.setEnd(text, text.data.indexOf(words) + words.length);
					getSelection().removeAllRanges();
					getSelection().addRange(range);""", blockId, words);
			WebElement toolbar = awaitToolbar();
			Map<String, Number> selection = selectionBox();
			Map<String, Number> bar = box(toolbar);
			assertThat(bar.get("top").doubleValue()).as("on a touch screen, below the selection and its handles")
				.isGreaterThanOrEqualTo(selection.get("bottom").doubleValue() + 16);
			assertThat(bar.get("left").doubleValue()).isGreaterThanOrEqualTo(0);
			assertThat(bar.get("right").doubleValue())
				.isLessThanOrEqualTo(((Number) browser.script("return document.documentElement.clientWidth;")).doubleValue());
			WebElement add = toolbar.findElement(By.cssSelector("[data-passage-action='note']"));
			assertThat(add.getSize().getHeight()).as("a comfortable touch target").isGreaterThanOrEqualTo(44);

			tap(add);
			WebElement form = awaitInlineForm();
			assertThat(form.findElement(By.name("quote")).getDomProperty("value")).isEqualTo(words);
			new Actions(browser.driver()).sendKeys("Written on a phone").perform();
			tap(form.findElement(By.cssSelector("button[type='submit']")));
			String note = awaitFocusedNote();
			assertThat(page.find("#note-" + note).isDisplayed()).isTrue();
			assertThat(page.markedPassage(note)).isEqualTo(words);
			assertAccessibleInLightAndDark();
		}
		finally {
			browser.touchScreen(false);
		}
	}

	@Test
	void overlappingPassagesAreMarkedAndEachLightsUpItsNotes() {
		String blockId = "p-TloTio";
		page.open(ARTICLE);
		String first = page.seed(blockId, "On the corruption", "unprecedented corruption entrenched", null, false);
		String second = page.seed(blockId, "On the institutions", "corruption entrenched in state institutions", null, false);
		page.open(ARTICLE);
		assertThat(page.markedPassage(first)).isEqualTo("unprecedented corruption entrenched");
		assertThat(page.markedPassage(second)).isEqualTo("corruption entrenched in state institutions");
		WebElement overlap = page.find("mark.passage.overlap");
		assertThat(overlap.getText()).isEqualTo("corruption entrenched");
		assertThat(overlap.getDomAttribute("data-notes").split(" ")).containsExactlyInAnyOrder(first, second);
		WebElement firstNote = page.find("#note-" + first);
		WebElement secondNote = page.find("#note-" + second);
		String plain = page.backgroundOf(firstNote);

		new Actions(browser.driver()).moveToElement(overlap).perform();
		page.waitUntil(() -> hasClass(firstNote, "is-related") && hasClass(secondNote, "is-related"),
				"hovering the overlap lights up both notes");
		assertThat(page.backgroundOf(firstNote)).isNotEqualTo(plain);
		new Actions(browser.driver()).moveToElement(page.find("h1")).perform();
		page.waitUntil(() -> !hasClass(firstNote, "is-related") && !hasClass(secondNote, "is-related"), "and down again");

		new Actions(browser.driver()).moveToElement(secondNote.findElement(By.cssSelector(".note-quote a"))).perform();
		page.waitUntil(() -> page.findAll("mark.passage.is-related").size() == 2, "the note's quote lights up its passage");
		assertThat(page.findAll("mark.passage.is-related").stream().map(WebElement::getText))
			.containsExactly("corruption entrenched", "in state institutions");
		new Actions(browser.driver()).moveToElement(page.find("h1")).perform();

		// by keyboard: each mark is a Tab stop, described by its notes; Enter goes to the (first) note
		focusParagraph(blockId);
		keys(Keys.TAB);
		assertThat(page.focused().getText()).isEqualTo("unprecedented");
		keys(Keys.TAB);
		assertThat(page.focused()).isEqualTo(overlap);
		assertThat(hasClass(firstNote, "is-related") && hasClass(secondNote, "is-related")).isTrue();
		List<String> described = List.of(overlap.getDomAttribute("aria-describedby").split(" "));
		assertThat(described).hasSize(4);
		assertThat(described.stream().map(id -> browser.driver().findElement(By.id(id)).getText()))
			.containsExactlyInAnyOrder("Ann", "On the corruption", "Ann", "On the institutions");
		browser.assertAccessible();
		keys(Keys.ENTER);
		assertThat(page.focused()).isEqualTo(firstNote);

		// on a phone the notes open below the paragraph when their passage gets focus
		browser.resize(375, 812);
		page.open(ARTICLE);
		WebElement toggle = page.find("[data-notes-toggle='notes-" + blockId + "']");
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		focusParagraph(blockId);
		keys(Keys.TAB);
		assertThat(page.focused().getTagName()).isEqualTo("mark");
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(page.find("#note-" + first).isDisplayed()).isTrue();
		keys(Keys.ENTER);
		assertThat(page.focused().getDomAttribute("id")).isEqualTo("note-" + first);
		browser.assertAccessible();
	}

	@Test
	void copyLinkToPassagePutsATextFragmentLinkOnTheClipboardThatLeadsToIt() {
		browser.grantClipboard();
		page.open(ARTICLE);
		page.markPage();
		drag("p-HotIti", "without", 2);
		click(awaitToolbar().findElement(By.cssSelector("[data-passage-action='link']")));
		page.awaitAnnouncement("Link to the passage copied");
		String link = clipboard();
		// "without" is twice in the paragraph: the words around it tell which
		Matcher directive = Pattern.compile(Pattern.quote(page.url(ARTICLE) + "#p-HotIti:~:text=") + "([^,&]+)-,without,-([^,&]+)")
			.matcher(link);
		assertThat(directive.matches()).as(link).isTrue();
		assertThat(URLDecoder.decode(directive.group(1), StandardCharsets.UTF_8)).endsWith("freedom");
		assertThat(URLDecoder.decode(directive.group(2), StandardCharsets.UTF_8)).startsWith("limits");

		drag("p-TwiCam", "declining public trust", 1);
		click(awaitToolbar().findElement(By.cssSelector("[data-passage-action='link']")));
		page.waitUntil(() -> !clipboard().equals(link), "a new link copied");
		assertThat(clipboard()).isEqualTo(page.url(ARTICLE) + "#p-TwiCam:~:text=declining%20public%20trust");
		assertThat(page.isSamePage()).isTrue();
		assertThat(browser.driver().getCurrentUrl()).as("the reader stays where they are").isEqualTo(page.url(ARTICLE));

		page.open("/");
		browser.driver().get(link);
		page.waitUntil(() -> isInViewport("p-HotIti"), "the link scrolls to the paragraph");
		assertThat(browser.script("return location.hash;")).isEqualTo("#p-HotIti");
	}

	@Test
	void arrivingAtAPassageLinkLightsUpThePassageAndItsNote() {
		String blockId = "p-TocBot";
		String words = "strategically important minerals";
		page.open(ARTICLE);
		String note = page.seed(blockId, "Minerals matter", words, null, false);
		page.open(ARTICLE);
		WebElement mark = page.find("mark.passage[data-notes='" + note + "']");
		String resting = page.backgroundOf(mark);
		String plain = page.backgroundOf(page.find("#note-" + note));

		page.open("/");
		page.open(ARTICLE + "#passage-" + note);
		mark = page.find("mark.passage[data-notes='" + note + "']");
		assertThat(isInViewport("passage-" + note)).isTrue();
		assertThat(hasClass(mark, "is-arrived")).isTrue();
		assertThat(page.backgroundOf(mark)).isNotEqualTo(resting);
		assertThat(page.backgroundOf(page.find("#note-" + note))).isNotEqualTo(plain);
		assertAccessibleInLightAndDark();

		// following the note's own link to its passage, in the page
		page.open(ARTICLE);
		click(page.find("#note-" + note + " .note-quote a"));
		page.waitUntil(() -> hasClass(page.find("#note-" + note), "is-arrived"), "the note lights up");

		// on a phone the note opens below its paragraph
		browser.resize(375, 812);
		page.open("/");
		page.open(ARTICLE + "#passage-" + note);
		assertThat(page.find("[data-notes-toggle='notes-" + blockId + "']").getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(page.find("#note-" + note).isDisplayed()).isTrue();
	}

	@Test
	void aNoteNotShownBesideItsParagraphStillLinksToItsPassage() {
		String blockId = "p-TiaIab";
		String words = "the two-state solution";
		page.open(ARTICLE);
		String oldest = page.seed(blockId, "The oldest of four", words, null, false);
		for (int i = 1; i <= BlockNotes.SHOWN; i++) {
			page.seed(blockId, "A newer note " + i, words, null, false);
		}
		page.open(ARTICLE);
		assertThat(page.findAll("#passage-" + oldest)).as("only the newest notes are beside the paragraph").isEmpty();
		assertThat(page.find("#" + blockId + " mark.passage").getDomAttribute("data-count"))
			.isEqualTo(String.valueOf(BlockNotes.SHOWN + 1));
		assertThat(page.find("#" + blockId + " mark.passage").getDomAttribute("title"))
			.isEqualTo((BlockNotes.SHOWN + 1) + " notes on this passage, highlighted yellow");

		page.open(ARTICLE + "/p/" + blockId + "/notes");
		click(page.find("#note-" + oldest + " .note-quote a"));
		// the link carries the passage as a text directive: the browser scrolls to the words by itself
		page.waitUntil(() -> (Boolean) browser.script("""
				const mark = document.querySelector('#' + CSS.escape(arguments[0]) + ' mark.passage');
				const box = mark.getBoundingClientRect();
				return location.pathname.endsWith('/stability-a-rare-strategic-resource') && window.scrollY > 0
				  && box.top >= 0 && box.bottom <= window.innerHeight;""", blockId), "the passage is scrolled into view");
	}

	// ---- Helpers

	void click(WebElement element) {
		new Actions(browser.driver()).moveToElement(element).click().perform();
	}

	void keys(CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	/**
	 * @return where the words are on screen (after scrolling their paragraph to the middle): the left edge and
	 * middle of their first character, the right edge and middle of their last
	 */
	double[] wordsBox(String blockId, String words, int nth) {
		@SuppressWarnings("unchecked")
		List<Number> box = (List<Number>) browser.script("""
				const [blockId, words, nth] = arguments;
				const paragraph = document.getElementById(blockId);
				paragraph.scrollIntoView({ block: 'center' });
				const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
				let seen = 0;
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				  for (let at = node.data.indexOf(words); at >= 0; at = node.data.indexOf(words, at + 1)) {
				    if (++seen < nth) continue;
				    const range = document.createRange();
				    range.setStart(node, at);
				    range.setEnd(node, at + 1);
				    const first = range.getBoundingClientRect();
				    range.setStart(node, at + words.length - 1);
				    range.setEnd(node, at + words.length);
				    const last = range.getBoundingClientRect();
				    return [first.left, first.top + first.height / 2, last.right, last.top + last.height / 2];
				  }
				}
				return null;""", blockId, words, nth);
		assertThat(box).as("%s in %s", words, blockId).isNotNull();
		return box.stream().mapToDouble(Number::doubleValue).toArray();
	}

	/** Selects the words by dragging the mouse over them, as a reader does. */
	void drag(String blockId, String words, int nth) {
		double[] box = wordsBox(blockId, words, nth);
		new Actions(browser.driver())
			.moveToLocation((int) Math.ceil(box[0]) + 1, (int) box[1])
			.clickAndHold()
			.moveToLocation((int) ((box[0] + box[2]) / 2), (int) box[3])
			.moveToLocation((int) Math.floor(box[2]) - 1, (int) box[3])
			.release()
			.perform();
	}

	/** Selects a word by double-clicking it. */
	void doubleClick(String blockId, String word, int nth) {
		double[] box = wordsBox(blockId, word, nth);
		new Actions(browser.driver()).moveToLocation((int) ((box[0] + box[2]) / 2), (int) box[1]).doubleClick().perform();
	}

	/** Puts the caret (caret browsing) just before the words, as a reader moves it there with the arrow keys. */
	void placeCaret(String blockId, String words) {
		browser.script("""
				const [blockId, words] = arguments;
				document.activeElement?.blur();
				const paragraph = document.getElementById(blockId);
				paragraph.scrollIntoView({ block: 'center' });
				const text = [...paragraph.childNodes].find(node => node.data?.includes(words));
				getSelection().collapse(text, text.data.indexOf(words));""", blockId, words);
	}

	void selectRight(int characters) {
		Actions actions = new Actions(browser.driver()).keyDown(Keys.SHIFT);
		for (int i = 0; i < characters; i++) {
			actions.sendKeys(Keys.ARROW_RIGHT);
		}
		actions.keyUp(Keys.SHIFT).perform();
	}

	void tap(WebElement element) {
		browser.script("arguments[0].scrollIntoView({ block: 'nearest' });", element);
		Map<String, Number> box = box(element);
		tap((box.get("left").doubleValue() + box.get("right").doubleValue()) / 2,
				(box.get("top").doubleValue() + box.get("bottom").doubleValue()) / 2);
	}

	/** A finger's tap at a point of the window (W3C touch actions). */
	void tap(double x, double y) {
		PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
		Sequence tap = new Sequence(finger, 0)
			.addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.viewport(), (int) x, (int) y))
			.addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
			.addAction(new Pause(finger, Duration.ofMillis(60)))
			.addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
		browser.driver().perform(List.of(tap));
	}

	/** Focuses the paragraph itself (as a screen reader's virtual cursor would), for Tab to go on from there. */
	void focusParagraph(String blockId) {
		browser.script("""
				const paragraph = document.getElementById(arguments[0]);
				paragraph.tabIndex = -1;
				paragraph.focus();
				paragraph.addEventListener('blur', () => paragraph.removeAttribute('tabindex'), { once: true });""", blockId);
	}

	String selectedText() {
		return (String) browser.script("return getSelection().toString();");
	}

	WebElement awaitToolbar() {
		page.waitUntil(() -> page.findAll(".passage-toolbar").stream().anyMatch(WebElement::isDisplayed),
				"the toolbar shows beside the selection");
		return page.find(".passage-toolbar");
	}

	WebElement awaitInlineForm() {
		page.waitUntil(() -> browser.script("return document.activeElement.closest('.inline-note-form form');") != null,
				"the add form opens in place");
		return (WebElement) browser.script("return document.activeElement.closest('.inline-note-form form');");
	}

	/** Waits for the note to be added and focused. @return its id */
	String awaitFocusedNote() {
		page.awaitAnnouncement("Note added");
		assertThat(browser.script("return document.activeElement.matches('article.note');")).as("focus on the note")
			.isEqualTo(true);
		return page.focused().getDomAttribute("id").substring("note-".length());
	}

	@SuppressWarnings("unchecked")
	Map<String, Number> selectionBox() {
		return (Map<String, Number>) browser.script("""
				const box = getSelection().getRangeAt(0).getBoundingClientRect();
				return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };""");
	}

	@SuppressWarnings("unchecked")
	Map<String, Number> box(WebElement element) {
		return (Map<String, Number>) browser.script("""
				const box = arguments[0].getBoundingClientRect();
				return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };""", element);
	}

	/** @return the paragraph's text before the note's passage, whitespace collapsed */
	String textBeforePassage(String blockId, String noteId) {
		return ((String) browser.script("""
				const mark = [...document.querySelectorAll('mark.passage')]
				  .find(each => each.dataset.notes.split(' ').includes(arguments[1]));
				const range = document.createRange();
				range.setStart(document.getElementById(arguments[0]), 0);
				range.setEndBefore(mark);
				return range.toString();""", blockId, noteId)).replaceAll("\\s+", " ").strip();
	}

	boolean hasClass(WebElement element, String name) {
		return List.of(String.valueOf(element.getDomAttribute("class")).split(" ")).contains(name);
	}

	boolean isInViewport(String id) {
		return (Boolean) browser.script("""
				const box = document.getElementById(arguments[0]).getBoundingClientRect();
				return box.top >= 0 && box.top < window.innerHeight;""", id);
	}

	String clipboard() {
		return (String) browser.driver().executeAsyncScript(
				"const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
	}

	void assertAccessibleInLightAndDark() {
		browser.colorScheme("light");
		browser.assertAccessible();
		browser.colorScheme("dark");
		browser.assertAccessible();
		browser.colorScheme("light");
	}

}
