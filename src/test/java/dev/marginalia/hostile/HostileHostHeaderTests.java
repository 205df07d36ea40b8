package dev.marginalia.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code marginalia.public-url} set, as in production, a spoofed {@code Host} or {@code X-Forwarded-*}
 * header never makes a page, a preview, a redirect or an annotation point at the attacker's host.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "marginalia.public-url=https://read.example/")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileHostHeaderTests {

	static final String CATEGORY = "Host spoofing (public-url)";

	static final String ARTICLE = HostileInputTests.ARTICLE;

	static final String SHARE = ARTICLE + "/p/" + HostileInputTests.BLOCK;

	@LocalServerPort
	int port;

	Wire wire;

	record Spoof(String name, String path, String host, String[] headers) {

		@Override
		public String toString() {
			return "[" + CATEGORY + "] " + name + " on " + path;
		}

	}

	@BeforeAll
	void client() {
		wire = new Wire(port);
	}

	Stream<Spoof> spoofs() {
		List<Spoof> all = new ArrayList<>();
		String[] paths = { "/", ARTICLE, SHARE, "/articles/old-and-gone", HostileInputTests.CONTAINER,
				HostileInputTests.CONTAINER + "?page=0", ARTICLE + "/notes.jsonld", ARTICLE + "/notes.md",
				ARTICLE + "/p/p-nothere" };
		for (String path : paths) {
			all.add(new Spoof("Host: evil.example", path, "evil.example", new String[0]));
			all.add(new Spoof("X-Forwarded-Host and -Proto", path, "localhost:" + port,
					new String[] { "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: http", "X-Forwarded-Port: 666",
							"Forwarded: host=evil.example;proto=http" }));
		}
		all.add(new Spoof("Host with markup", SHARE, "evil.example\"><script>alert(1)</script>", new String[0]));
		all.add(new Spoof("Host with a userinfo", SHARE, "read.example@evil.example", new String[0]));
		return all.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("spoofs")
	void linksNeverPointAtTheSpoofedHost(Spoof spoof) {
		Resp response = wire.rawGetWithHost(spoof.path(), spoof.host(), spoof.headers());
		Tally.record(CATEGORY, response.status());
		assertThat(response.status()).as("%s: %s", spoof, response).isLessThan(500);
		assertThat(response.body()).as("%s: the body", spoof).doesNotContain("evil.example");
		response.headers().forEach((name, values) -> assertThat(values).as("%s: header %s", spoof, name)
			.noneMatch(value -> value.contains("evil.example")));
		if (response.isHtml()) {
			Wire.assertInert(Wire.html(response, "https://read.example" + spoof.path()));
		}
		if (spoof.path().equals(SHARE) && response.status() == 200) {
			var html = Wire.html(response, "https://read.example" + spoof.path());
			assertThat(html.select("link[rel=canonical]").attr("href")).startsWith("https://read.example/");
			assertThat(html.select("meta[property=og:url]").attr("content")).startsWith("https://read.example/");
		}
	}

	@AfterAll
	void summary() {
		System.out.print(Tally.table());
	}

}
