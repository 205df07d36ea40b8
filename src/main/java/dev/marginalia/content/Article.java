package dev.marginalia.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An article as read from one Markdown file: immutable, rendered once per version of the file.
 * @param slug the URL name, the file's name without {@code .md}
 * @param metadata what the front matter says
 * @param blocks the annotatable blocks in document order
 * @param body the rendered HTML, cut after each block so that the page can add the block's controls
 * @param version a short hash of the file's bytes: changes whenever the file does
 */
public record Article(String slug, ArticleMetadata metadata, List<Block> blocks, List<BodyPart> body,
		String version, Map<String, Block> blocksById) {

	public Article(String slug, ArticleMetadata metadata, List<Block> blocks, List<BodyPart> body, String version) {
		this(slug, metadata, List.copyOf(blocks), List.copyOf(body), version,
				blocks.stream().collect(Collectors.toUnmodifiableMap(Block::id, Function.identity())));
	}

	/**
	 * @param id a block id
	 * @return the block with that id in this version of the article
	 */
	public Optional<Block> block(String id) {
		return Optional.ofNullable(blocksById.get(id));
	}

}
