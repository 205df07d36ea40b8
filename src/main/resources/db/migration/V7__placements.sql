-- Where each note is in the current version of its article, computed once per version (not per request):
-- the paragraph (and, for a note on a passage, the passage in code points), or orphaned when its text is gone.
-- placed_version is the article version the placement was computed for. Replies go with their note.
ALTER TABLE notes ADD COLUMN placed_block_id VARCHAR(120);
ALTER TABLE notes ADD COLUMN placed_start INTEGER;
ALTER TABLE notes ADD COLUMN placed_end INTEGER;
ALTER TABLE notes ADD COLUMN orphaned BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE notes ADD COLUMN placed_version VARCHAR(64);

-- The page: counts and newest threads per paragraph.
CREATE INDEX notes_by_placement ON notes (article_slug, placed_block_id, created_at);

-- Which version of each article the notes were last placed for. An instance that sees a new version claims
-- the run by compare-and-set on this row; the others wait for done.
CREATE TABLE article_placements (
    article_slug    VARCHAR(200)    NOT NULL PRIMARY KEY,
    version         VARCHAR(64)     NOT NULL,
    done            BOOLEAN         NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
