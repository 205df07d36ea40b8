package dev.marginalia.content;

/**
 * What an article's YAML front matter says about it.
 * @param title the headline
 * @param author who wrote it
 * @param publication where it was first published
 * @param summary a sentence or two for the index and link previews
 * @param language a BCP 47 language tag such as {@code en}
 */
public record ArticleMetadata(String title, String author, String publication, String summary, String language) {

	private static final String OPENING_QUOTES = "“\"«‘„";

	private static final String CLOSING_QUOTES = "”\"»’“";

	/**
	 * @return the title in quotation marks, as "Back to …" quotes it: {@code “Title”}, or the title as it is when it
	 * is a quotation already ({@code “The world is entering an era…”}), so that the marks are never doubled
	 */
	public String quotedTitle() {
		boolean quoted = title.length() > 1 && OPENING_QUOTES.indexOf(title.charAt(0)) >= 0
				&& CLOSING_QUOTES.indexOf(title.charAt(title.length() - 1)) >= 0;
		return quoted ? title : "“" + title + "”";
	}

}
