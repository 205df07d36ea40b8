package dev.marginalia.support;

import java.nio.file.Path;

/**
 * The npm packages the tests use (Apache Annotator, esbuild, the Nu Html Checker), installed into
 * {@code src/test/js/node_modules} by {@code npm ci --prefix src/test/js} (the npm registry is needed for that
 * alone). Where they are missing, the tests that need them are skipped with the reason, unless
 * {@code MARGINALIA_REQUIRE_NPM} or {@code MARGINALIA_REQUIRE_BROWSER} is {@code true} (or the system property
 * {@code marginalia.test.require-npm} or {@code marginalia.test.require-browser}), as {@code .ci/run} sets them:
 * then they fail.
 */
public final class NpmPackages {

	/** The npm package of the tests: its package.json, and node_modules once installed. */
	public static final Path DIR = Path.of(System.getProperty("marginalia.test.js-dir", "src/test/js"));

	private NpmPackages() {
	}

	/** @return whether a test that needs the packages must fail, rather than be skipped, where they are missing */
	public static boolean required() {
		return Boolean.getBoolean("marginalia.test.require-npm") || Boolean.getBoolean("marginalia.test.require-browser")
				|| "true".equals(System.getenv("MARGINALIA_REQUIRE_NPM"))
				|| "true".equals(System.getenv("MARGINALIA_REQUIRE_BROWSER"));
	}

}
