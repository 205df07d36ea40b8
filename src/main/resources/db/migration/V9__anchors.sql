-- Where notes are, stored once per anchor instead of once per note. An anchor is what a note was written on (the
-- paragraph's id, position and text then, and for a passage note its quote); notes written on the same words share
-- it (note_places.anchor_key, a digest of those). After an edit of the article every anchor is placed again and only
-- the anchors that moved are written: the cost grows with the distinct anchors, not with the notes (on H2, moving
-- 157,000 note rows one by one took over a minute). Portable: H2 (PostgreSQL mode) and PostgreSQL.
-- placed_block_id: the paragraph now (null: orphaned, or not placed yet); placed_start/end: a passage note's
-- passage in code points; orphaned: placed, and its text is gone. Which article version they were computed for is
-- in article_placements. An anchor outlives its notes (it is small, and a note being written may be about to use
-- it).
CREATE TABLE anchors (
    article_slug    VARCHAR(200)    NOT NULL,
    anchor_key      VARCHAR(32)     NOT NULL,
    block_id        VARCHAR(120)    NOT NULL,
    block_position  INTEGER         NOT NULL,
    block_hash      VARCHAR(64)     NOT NULL,
    block_text      VARCHAR(100000) NOT NULL,
    quote_exact     VARCHAR(100000),
    quote_prefix    VARCHAR(400),
    quote_suffix    VARCHAR(400),
    quote_start     INTEGER,
    quote_end       INTEGER,
    placed_block_id VARCHAR(120),
    placed_start    INTEGER,
    placed_end      INTEGER,
    orphaned        BOOLEAN         NOT NULL DEFAULT FALSE,
    PRIMARY KEY (article_slug, anchor_key)
);

-- the notes of one paragraph (or the orphans): its anchors, then their notes
CREATE INDEX anchors_by_block ON anchors (article_slug, placed_block_id);

-- One anchor per key from the notes placed so far (any of its notes: they were written on the same words), with
-- where that note is; replies go with their note and have no anchor of their own.
INSERT INTO anchors (article_slug, anchor_key, block_id, block_position, block_hash, block_text, quote_exact,
        quote_prefix, quote_suffix, quote_start, quote_end, placed_block_id, placed_start, placed_end, orphaned)
    SELECT p.article_slug, p.anchor_key, n.block_id, n.block_position, n.block_hash, n.block_text, n.quote_exact,
           n.quote_prefix, n.quote_suffix, n.quote_start, n.quote_end, p.placed_block_id, p.placed_start,
           p.placed_end, p.orphaned
    FROM note_places p JOIN notes n ON n.id = p.note_id
    WHERE p.parent_id IS NULL AND p.anchor_key IS NOT NULL
      AND p.note_id = (SELECT MIN(o.note_id) FROM note_places o
                       WHERE o.article_slug = p.article_slug AND o.anchor_key = p.anchor_key AND o.parent_id IS NULL);

UPDATE note_places SET anchor_key = NULL WHERE parent_id IS NOT NULL;

-- Notes without a key yet (written before V7 and never placed since) get one, and their anchor, when their article
-- is next placed; forgetting which versions were placed makes that the next page load, which also places every
-- anchor copied above for the current version (notes of one key may have been placed apart).
DELETE FROM article_placements;

DROP INDEX note_places_by_block;
DROP INDEX note_places_by_anchor;
ALTER TABLE note_places DROP COLUMN placed_block_id;
ALTER TABLE note_places DROP COLUMN placed_start;
ALTER TABLE note_places DROP COLUMN placed_end;
ALTER TABLE note_places DROP COLUMN orphaned;

-- an anchor's notes, oldest first
CREATE INDEX note_places_by_anchor ON note_places (article_slug, anchor_key, created_at);
