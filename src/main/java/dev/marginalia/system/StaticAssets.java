package dev.marginalia.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.marginalia.hashing.Digests;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The files under {@code classpath:/static/}, as one version: the hash of all their paths and bytes. The CSS and
 * the ES modules import one another by relative paths, so they are versioned together, as a folder
 * ({@code /js/<version>/site.js} imports {@code ./notes.js} from {@code /js/<version>/notes.js}), and any change
 * to any of them gives every one a new URL.
 * @param version the first 12 hex digits of the SHA-256 of the files, in the order of their paths
 * @param folders the top-level folders of {@code static/} ({@code css}, {@code js}...), whose files are versioned
 * @param files the paths of the files under {@code static/} ({@code css/site.css}, {@code favicon.svg})
 */
record StaticAssets(String version, List<String> folders, Set<String> files) {

	static final String LOCATION = "classpath:/static/";

	static StaticAssets scan(ResourcePatternResolver resolver) {
		Map<String, Resource> files = new TreeMap<>();
		try {
			for (Resource resource : resolver.getResources(LOCATION + "**")) {
				String url = resource.getURL().toString();
				int root = url.lastIndexOf("/static/");
				if (resource.isReadable() && root >= 0 && !url.endsWith("/")) {
					files.put(url.substring(root + "/static/".length()), resource);
				}
			}
			List<byte[]> pathsAndBytes = new ArrayList<>();
			for (Map.Entry<String, Resource> file : files.entrySet()) {
				pathsAndBytes.add(file.getKey().getBytes(StandardCharsets.UTF_8));
				pathsAndBytes.add(new byte[] {0});
				try (InputStream in = file.getValue().getInputStream()) {
					pathsAndBytes.add(in.readAllBytes());
				}
			}
			String version = Digests.sha256Hex(6, pathsAndBytes.toArray(byte[][]::new));
			List<String> folders = files.keySet()
				.stream()
				.filter(path -> path.indexOf('/') > 0)
				.map(path -> path.substring(0, path.indexOf('/')))
				.distinct()
				.toList();
			return new StaticAssets(version, folders, Set.copyOf(files.keySet()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the static files", ex);
		}
	}

	/** @return whether a request path names one of these files, at its plain or at its versioned URL */
	boolean serves(String path) {
		if (!path.startsWith("/")) {
			return false;
		}
		String file = path.substring(1);
		int folder = file.indexOf('/');
		if (folder > 0 && file.startsWith(version + "/", folder + 1)) {
			file = file.substring(0, folder) + file.substring(folder + 1 + version.length());
		}
		return files.contains(file);
	}

}
