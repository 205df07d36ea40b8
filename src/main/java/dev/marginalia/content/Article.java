package dev.marginalia.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * An article as read from one Markdown file: immutable, rendered once per version of the file.
 * @param slug the URL name, the file's name without {@code .md}
 * @param metadata what the front matter says
 * @param blocks the annotatable blocks in document order
 * @param body the rendered HTML, cut after each block so that the page can add the block's controls
 * @param version a short hash of the file's bytes: changes whenever the file does
 * @param blocksById the blocks by id
 * @param numbers each block's number as readers count (see {@link #label}), by id
 */
public record Article(String slug, ArticleMetadata metadata, List<Block> blocks, List<BodyPart> body,
		String version, Map<String, Block> blocksById, Map<String, Integer> numbers) {

	public Article(String slug, ArticleMetadata metadata, List<Block> blocks, List<BodyPart> body, String version) {
		this(slug, metadata, List.copyOf(blocks), List.copyOf(body), version,
				blocks.stream().collect(Collectors.toUnmodifiableMap(Block::id, Function.identity())), numbers(blocks));
	}

	/**
	 * @param id a block id
	 * @return the block with that id in this version of the article
	 */
	public Optional<Block> block(String id) {
		return Optional.ofNullable(blocksById.get(id));
	}

	/**
	 * @param block a block of this article
	 * @return how readers are told which block it is: {@code paragraph 1} is the first block that is not a heading
	 * (the first after the title; list items and code blocks are counted as paragraphs); headings are counted
	 * apart, {@code heading 1} (the title), {@code heading 2}…
	 */
	public String label(Block block) {
		return (block.kind() == BlockKind.HEADING ? "heading " : "paragraph ") + numbers.get(block.id());
	}

	/**
	 * @param block a block of this article
	 * @return its paragraph number as readers count it (see {@link #label}), or null for a heading
	 */
	public @Nullable Integer paragraphNumber(Block block) {
		return block.kind() == BlockKind.HEADING ? null : numbers.get(block.id());
	}

	private static Map<String, Integer> numbers(List<Block> blocks) {
		Map<String, Integer> numbers = new HashMap<>();
		int paragraphs = 0;
		int headings = 0;
		for (Block block : blocks) {
			numbers.put(block.id(), block.kind() == BlockKind.HEADING ? ++headings : ++paragraphs);
		}
		return Map.copyOf(numbers);
	}

}
