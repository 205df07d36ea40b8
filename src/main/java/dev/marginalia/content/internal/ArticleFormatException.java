package dev.marginalia.content.internal;

/** A content file that cannot be made into an article; the message says what is wrong with it. */
public class ArticleFormatException extends RuntimeException {

	public ArticleFormatException(String problem) {
		super(problem);
	}

}
