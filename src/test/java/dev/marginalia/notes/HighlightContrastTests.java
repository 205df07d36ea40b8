package dev.marginalia.notes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every highlight colour keeps WCAG 2.1 AA contrast, computed from the CSS custom properties' values as the
 * stylesheets set them, in the light and the dark theme: the site's text and its links at least 4.5:1 on the shade
 * and on the stronger shade (the passage of the note in view), and the colour's line at least 3:1 on both (WCAG
 * 1.4.11, non-text contrast); and each colour has a line style of its own, so that colours are told apart without
 * colour.
 */
class HighlightContrastTests {

	private static final Pattern PROPERTY = Pattern.compile("(--[a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{6})\\b");

	static String css(String name) throws IOException {
		try (InputStream in = HighlightContrastTests.class.getResourceAsStream("/static/css/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The custom properties of the first {@code :root} block at or after {@code from}. */
	static Map<String, String> rootProperties(String css, int from) {
		int root = css.indexOf(":root", from);
		int open = css.indexOf('{', root);
		int close = css.indexOf('}', open);
		Map<String, String> properties = new HashMap<>();
		Matcher found = PROPERTY.matcher(css.substring(open + 1, close));
		while (found.find()) {
			properties.put(found.group(1), found.group(2).toLowerCase());
		}
		return properties;
	}

	/** The custom properties of a theme: the top {@code :root}, and in the dark theme its own over them. */
	static Map<String, String> theme(String css, boolean dark) {
		Map<String, String> properties = rootProperties(css, 0);
		if (dark) {
			int media = css.indexOf("@media (prefers-color-scheme: dark)");
			assertThat(media).as("a dark theme").isPositive();
			properties.putAll(rootProperties(css, media));
		}
		return properties;
	}

	static double luminance(String hex) {
		double[] channels = new double[3];
		for (int i = 0; i < 3; i++) {
			double value = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
			channels[i] = value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
		}
		return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
	}

	/** WCAG 2.1's contrast ratio. */
	static double contrast(String one, String other) {
		double a = luminance(one);
		double b = luminance(other);
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	}

	@Test
	void theRatioIsWcags() {
		assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
	}

	@ParameterizedTest(name = "dark theme: {0}")
	@ValueSource(booleans = { false, true })
	void textLinksAndLinesKeepTheirContrastOnEveryColour(boolean dark) throws IOException {
		Map<String, String> site = theme(css("site.css"), dark);
		Map<String, String> highlights = theme(css("highlights.css"), dark);
		String text = site.get("--text");
		String link = site.get("--accent");
		assertThat(text).isNotNull();
		assertThat(link).isNotNull();
		for (HighlightColour colour : HighlightColour.values()) {
			String name = "--hl-" + colour.key();
			for (String shade : new String[] { name, name + "-strong" }) {
				String background = highlights.get(shade);
				assertThat(background).as(shade).isNotNull();
				assertThat(contrast(text, background)).as("text on " + shade).isGreaterThanOrEqualTo(4.5);
				assertThat(contrast(link, background)).as("links on " + shade).isGreaterThanOrEqualTo(4.5);
				assertThat(contrast(highlights.get(name + "-line"), background)).as("the line on " + shade)
					.isGreaterThanOrEqualTo(3.0);
			}
		}
		// the site's own marks (search results, the passage a link lands on) too
		for (String shade : new String[] { "--mark", "--mark-strong" }) {
			assertThat(contrast(text, site.get(shade))).as("text on " + shade).isGreaterThanOrEqualTo(4.5);
			assertThat(contrast(link, site.get(shade))).as("links on " + shade).isGreaterThanOrEqualTo(4.5);
		}
	}

	@Test
	void eachColourHasAClassAndALineOfItsOwn() throws IOException {
		String css = css("highlights.css");
		Set<String> lines = new HashSet<>();
		for (HighlightColour colour : HighlightColour.values()) {
			int rule = css.indexOf("\n." + colour.styleClass() + " {"); // its own rule, at the start of a line
			assertThat(rule).as(colour.styleClass()).isPositive();
			String block = css.substring(rule, css.indexOf('}', rule));
			assertThat(block).contains("--hl: var(--hl-" + colour.key() + ")");
			Matcher style = Pattern.compile("text-decoration-style:\\s*([a-z]+)").matcher(block);
			String line = style.find() ? style.group(1) : block.contains("text-decoration-line: none") ? "none" : "solid";
			assertThat(lines.add(line)).as(colour + "'s line, " + line + ", is another colour's").isTrue();
		}
	}

}
