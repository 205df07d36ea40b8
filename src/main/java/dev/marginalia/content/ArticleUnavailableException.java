package dev.marginalia.content;

/**
 * An article whose file exists but cannot be read or parsed. The operator sees the problem in the log; the
 * reader gets an error page for this article only.
 */
public class ArticleUnavailableException extends RuntimeException {

	private final String slug;

	public ArticleUnavailableException(String slug, String problem) {
		super("Article '" + slug + "' cannot be shown: " + problem);
		this.slug = slug;
	}

	public String slug() {
		return slug;
	}

}
