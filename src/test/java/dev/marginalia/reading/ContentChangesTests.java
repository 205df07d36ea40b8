package dev.marginalia.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import dev.marginalia.support.WebClient;
import dev.marginalia.support.WebClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Edits to the content folder while the server runs. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentChangesTests {

	static final Path DIR;

	static {
		try {
			DIR = Files.createTempDirectory("marginalia-content");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void contentDir(DynamicPropertyRegistry registry) {
		registry.add("marginalia.content.dir", DIR::toString);
	}

	@LocalServerPort
	int port;

	WebClient web;

	@BeforeEach
	void setUp() {
		web = new WebClient(port);
	}

	static void write(String name, String markdown) throws IOException {
		Path file = DIR.resolve(name);
		Files.writeString(file, markdown);
		Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
	}

	@Test
	void anEditedFileShowsOnTheNextPageLoad() throws IOException {
		write("essay.md", "---\ntitle: An essay\n---\n# An essay\n\nThe first version of this paragraph.\n");
		assertThat(web.page("/articles/essay").html().select("p[id]").text())
			.isEqualTo("The first version of this paragraph.");

		write("essay.md", "---\ntitle: An essay\n---\n# An essay\n\nThe second version, edited while running.\n\nA new paragraph.\n");
		Page page = web.page("/articles/essay");
		assertThat(page.html().select("p[id]").eachText())
			.containsExactly("The second version, edited while running.", "A new paragraph.");
	}

	@Test
	void aNewFileAppearsInTheIndex() throws IOException {
		write("newcomer.md", "---\ntitle: A newcomer\nsummary: Just arrived.\n---\nHello.\n");
		Page index = web.page("/");
		assertThat(index.html().select("a[href=/articles/newcomer]").text()).isEqualTo("A newcomer");
	}

	@Test
	void aBrokenFileGivesAnErrorPageForThatArticleOnly() throws IOException {
		write("fine.md", "---\ntitle: Fine\n---\nAll well.\n");
		write("broken.md", "---\ntitle: Broken\nthis line is not yaml\n---\nText.\n");

		Page broken = web.page("/articles/broken");
		assertThat(broken.status()).isEqualTo(503);
		assertThat(broken.html().select("h1").text()).contains("cannot be shown");
		assertThat(broken.html().selectFirst("a[href=/]")).isNotNull();
		assertThat(broken.response().body()).doesNotContain("this line is not yaml", "Exception");

		assertThat(web.page("/articles/fine").status()).isEqualTo(200);
		Page index = web.page("/");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.html().select("a[href=/articles/fine]")).hasSize(1);
		assertThat(index.html().select("a[href=/articles/broken]")).isEmpty();

		write("broken.md", "---\ntitle: Mended\n---\nText.\n");
		assertThat(web.page("/articles/broken").status()).isEqualTo(200);
	}


	@Test
	void oldParagraphLinksLeadToWhereTheTextIsNow() throws IOException {
		write("edited.md", "---\ntitle: Edited\n---\nFirst paragraph stays as it is.\n\n"
				+ "Second paragraph says one thing. It says it well.\n\nThird paragraph will be deleted soon.\n");
		Page before = web.page("/articles/edited");
		String oldSecond = before.html().select("p[id]").get(1).id();
		String oldThird = before.html().select("p[id]").get(2).id();

		write("edited.md", "---\ntitle: Edited\n---\nFirst paragraph stays as it is.\n\n"
				+ "Second paragraph says one thing. It says it well. Now it says a little more.\n");
		Page after = web.page("/articles/edited");
		String newSecond = after.html().select("p[id]").get(1).id();
		assertThat(newSecond).isNotEqualTo(oldSecond);

		var moved = web.get("/articles/edited/p/" + oldSecond);
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/articles/edited/p/" + newSecond);
		assertThat(web.page("/articles/edited/p/" + newSecond).status()).isEqualTo(200);

		var alias = after.html().getElementById(oldSecond);
		assertThat(alias).as("the old id is kept as an alias on the page").isNotNull();
		assertThat(alias.parent().child(0).id()).isEqualTo(newSecond);

		assertThat(web.get("/articles/edited/p/" + oldThird).statusCode()).as("deleted: orphaned, not moved").isEqualTo(404);
		assertThat(after.html().getElementById(oldThird)).isNull();
		assertThat(web.get("/articles/edited/p/p-NeverExisted").statusCode()).isEqualTo(404);
	}

}
