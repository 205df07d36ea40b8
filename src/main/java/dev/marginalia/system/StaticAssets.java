package dev.marginalia.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.servlet.resource.ContentVersionStrategy;

/**
 * The files under {@code classpath:/static/}, listed once at start, so that {@link DatabaseBulkhead} lets their
 * requests pass: at their plain URLs ({@code /css/site.css}) and at the content-versioned ones Spring's resource
 * chain gives them ({@code /css/site-<md5>.css}, see {@link StaticAssetsConfiguration}).
 * @param folders the top-level folders of {@code static/} ({@code css}, {@code js}...)
 * @param files the paths of the files under {@code static/} ({@code css/site.css}, {@code favicon.svg})
 */
record StaticAssets(Set<String> folders, Set<String> files) {

	static final String LOCATION = "classpath:/static/";

	/** Reads the version in a file name as the resource chain writes it. */
	private static final ContentVersionStrategy VERSIONS = new ContentVersionStrategy();

	static StaticAssets scan(ResourcePatternResolver resolver) {
		Set<String> files = new TreeSet<>();
		try {
			for (Resource resource : resolver.getResources(LOCATION + "**")) {
				String url = resource.getURL().toString();
				int root = url.lastIndexOf("/static/");
				if (resource.isReadable() && root >= 0 && !url.endsWith("/")) {
					files.add(url.substring(root + "/static/".length()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the static files", ex);
		}
		Set<String> folders = new TreeSet<>();
		files.stream().filter(path -> path.indexOf('/') > 0).forEach(path -> folders.add(path.substring(0, path.indexOf('/'))));
		return new StaticAssets(Set.copyOf(folders), Set.copyOf(files));
	}

	/** @return whether a request path names one of these files, at its plain or at its versioned URL */
	boolean serves(String path) {
		if (!path.startsWith("/")) {
			return false;
		}
		String file = path.substring(1);
		String version = VERSIONS.extractVersion(file);
		return files.contains(file) || version != null && files.contains(VERSIONS.removeVersion(file, version));
	}

}
