package dev.marginalia.annotations;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute IRIs of the API: containers, annotations, pages, and the articles they target. They start with
 * {@code marginalia.public-url} when it is set (then a forged {@code Host} header cannot change them), else with
 * the address of the current request.
 */
@Component
class ApiLinks {

	/** The shape of the ids {@link dev.marginalia.notes.NoteCommands} gives notes. */
	private static final Pattern NOTE_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	private final String publicUrl;

	ApiLinks(@Value("${marginalia.public-url:}") String publicUrl) {
		this.publicUrl = withoutTrailingSlash(publicUrl.strip());
	}

	/** @return the site's address, without a trailing slash */
	String base() {
		return publicUrl.isEmpty() ? requestBase() : publicUrl;
	}

	/** The container's IRI ends in "/" (Protocol §4: "it MUST end in a '/' character"). */
	String container(String slug) {
		return base() + "/api/articles/" + slug + "/annotations/";
	}

	/**
	 * The container as seen with one preference, {@code ?iris=1} for IRIs, {@code ?iris=0} for descriptions, and
	 * filtered ({@link ContainerFilters}).
	 * @param filters the filters' query parameters, {@code &q=...}, or "" for none
	 */
	String containerView(String slug, boolean iris, String filters) {
		return container(slug) + "?iris=" + (iris ? 1 : 0) + filters;
	}

	/** A page of a view of the container: {@link #containerView} and the page number. */
	String page(String slug, boolean iris, String filters, int page) {
		return containerView(slug, iris, filters) + "&page=" + page;
	}

	/** An annotation's IRI is its container's IRI with one more path segment (Protocol §5.1). */
	String annotation(String slug, String noteId) {
		return container(slug) + noteId;
	}

	String article(String slug) {
		return base() + "/articles/" + slug;
	}

	/** The download of an article's notes as one AnnotationCollection. */
	String export(String slug) {
		return article(slug) + "/notes.jsonld";
	}

	/**
	 * The stylesheet that defines the highlight colours' classes (the W3C {@code stylesheet} of annotations with a
	 * {@code styleClass}), served at a fixed address (the pages link it under a versioned one).
	 */
	String stylesheet() {
		return base() + "/css/highlights.css";
	}

	String problemType(String name) {
		return base() + "/api/problems.html#" + name;
	}

	/** @return the addresses by which a client may name the article: the public one and the request's */
	Set<String> articleAliases(String slug) {
		Set<String> aliases = new LinkedHashSet<>();
		aliases.add(article(slug));
		aliases.add(requestBase() + "/articles/" + slug);
		return aliases;
	}

	/** @return the note id in an annotation IRI of this article's container (public or request address) */
	Optional<String> noteId(String slug, String iri) {
		for (String base : new LinkedHashSet<>(List.of(base(), requestBase()))) {
			String prefix = base + "/api/articles/" + slug + "/annotations/";
			if (iri.startsWith(prefix)) {
				String id = iri.substring(prefix.length());
				return isNoteId(id) ? Optional.of(id) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	static boolean isNoteId(String id) {
		return NOTE_ID.matcher(id).matches();
	}

	private static String requestBase() {
		return withoutTrailingSlash(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
