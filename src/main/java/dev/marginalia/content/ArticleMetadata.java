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
}
