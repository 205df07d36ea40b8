package dev.marginalia.content;

/**
 * A version of an article was read in from its file (at start-up, or once the file changed), and is about to be
 * served. Published synchronously, on the thread that read it in, so that what listeners keep per version is
 * written before the version is first served.
 * @param article the version read in
 */
public record ArticleLoaded(Article article) {
}
