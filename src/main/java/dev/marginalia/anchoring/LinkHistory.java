package dev.marginalia.anchoring;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.marginalia.content.Article;
import dev.marginalia.content.ArticleLoaded;
import dev.marginalia.content.Block;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps old paragraph links working. Every id an article has had is remembered with its last text; an id
 * that is no longer in the article is re-anchored (as notes are) to the paragraph that holds that text now,
 * or to nothing, below the minimum score. Ids that never existed stay unknown.
 *
 * <p>Recorded when a version of an article is read in ({@link ArticleLoaded}), once per version and per instance
 * (the write is idempotent, so several instances on one database agree), never by a request that reads it; the
 * aliases of a version are computed once and kept.
 */
@Component
public class LinkHistory {

	private final Anchoring anchoring;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ConcurrentMap<String, Aliases> aliases = new ConcurrentHashMap<>();

	LinkHistory(Anchoring anchoring, JdbcClient jdbc, Clock clock) {
		this.anchoring = anchoring;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Remembers every paragraph of the version read in, with its current text. */
	@EventListener
	void articleLoaded(ArticleLoaded loaded) {
		record(loaded.article());
	}

	/** @return for each paragraph of this version, the old ids that now lead to it */
	public Map<String, List<String>> aliases(Article article) {
		return aliasesOf(article).byBlock();
	}

	/** @return the paragraph an old id now leads to, if any */
	public Optional<Block> resolve(Article article, String oldId) {
		return Optional.ofNullable(aliasesOf(article).byOldId().get(oldId));
	}

	private Aliases aliasesOf(Article article) {
		return aliases.compute(article.slug(), (slug, known) -> known != null && known.version().equals(article.version())
				? known : compute(article));
	}

	private Aliases compute(Article article) {
		ReAnchoring anchoring = this.anchoring.reAnchoring(article);
		Map<String, Block> byOldId = new LinkedHashMap<>();
		Map<String, List<String>> byBlock = new LinkedHashMap<>();
		jdbc.sql("SELECT block_id, block_position, block_text FROM block_history WHERE article_slug = :slug ORDER BY block_id")
			.param("slug", article.slug())
			.query((row, n) -> new Anchor(row.getString("block_id"), row.getInt("block_position"),
					row.getString("block_text"), null))
			.list()
			.stream()
			.filter(old -> article.block(old.blockId()).isEmpty())
			.forEach(old -> anchoring.place(old).ifPresent(placement -> {
				byOldId.put(old.blockId(), placement.block());
				byBlock.computeIfAbsent(placement.block().id(), id -> new ArrayList<>()).add(old.blockId());
			}));
		return new Aliases(article.version(), Map.copyOf(byOldId), Map.copyOf(byBlock));
	}

	/** Remembers every block of this version with its current text. */
	private void record(Article article) {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		for (Block block : article.blocks()) {
			int updated = jdbc.sql("UPDATE block_history SET block_position = :position, block_text = :text, last_seen = :now "
					+ "WHERE article_slug = :slug AND block_id = :id")
				.param("position", block.position())
				.param("text", block.text())
				.param("now", now)
				.param("slug", article.slug())
				.param("id", block.id())
				.update();
			if (updated == 0) {
				try {
					jdbc.sql("INSERT INTO block_history (article_slug, block_id, block_position, block_text, last_seen) "
							+ "VALUES (:slug, :id, :position, :text, :now)")
						.param("slug", article.slug())
						.param("id", block.id())
						.param("position", block.position())
						.param("text", block.text())
						.param("now", now)
						.update();
				}
				catch (DuplicateKeyException ex) {
					// another instance recorded it at the same moment
				}
			}
		}
	}

	private record Aliases(String version, Map<String, Block> byOldId, Map<String, List<String>> byBlock) {
	}

}
