-- Where each note is in the current version of its article, computed once per version (not per request), in
-- a narrow table of its own: the article page counts and ranks notes by paragraph from these rows alone, which
-- stays quick with 100,000 notes (the notes table's rows carry the paragraph text and the bodies).
-- placed_block_id: the paragraph now (null: orphaned, its text is gone); placed_start/end: a passage note's
-- passage in code points. Which article version they were computed for is in article_placements.
-- visibility, author_hash, deleted and created_at are copies of the note's, kept in step by every write.
-- Replies go with their note: their own placement is not used.
CREATE TABLE note_places (
    note_id         VARCHAR(32)     NOT NULL PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,
    article_slug    VARCHAR(200)    NOT NULL,
    parent_id       VARCHAR(32),
    placed_block_id VARCHAR(120),
    orphaned        BOOLEAN         NOT NULL DEFAULT FALSE,
    placed_start    INTEGER,
    placed_end      INTEGER,
    -- a digest of where the note was written (paragraph id, position, text hash, passage): notes written on
    -- the same words are placed once, together (null: not yet computed, e.g. notes from before this table)
    anchor_key      VARCHAR(32),
    visibility      VARCHAR(10)     NOT NULL,
    author_hash     VARCHAR(64)     NOT NULL,
    deleted         BOOLEAN         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- hidden by the moderator: the note itself or the note it answers (V6)
    hidden          BOOLEAN         NOT NULL DEFAULT FALSE
);

INSERT INTO note_places (note_id, article_slug, parent_id, visibility, author_hash, deleted, created_at, hidden)
    SELECT n.id, n.article_slug, n.parent_id, n.visibility, n.author_hash, n.deleted, n.created_at,
           n.hidden OR COALESCE((SELECT p.hidden FROM notes p WHERE p.id = n.parent_id), FALSE)
    FROM notes n;

CREATE INDEX note_places_by_block ON note_places (article_slug, placed_block_id, created_at);
CREATE INDEX note_places_by_parent ON note_places (parent_id);
CREATE INDEX note_places_by_article ON note_places (article_slug, created_at, note_id);
CREATE INDEX note_places_by_anchor ON note_places (article_slug, anchor_key);

-- Which version of each article the notes were last placed for. An instance that sees a new version claims
-- the run by compare-and-set on this row; the others wait for done.
CREATE TABLE article_placements (
    article_slug    VARCHAR(200)    NOT NULL PRIMARY KEY,
    version         VARCHAR(64)     NOT NULL,
    done            BOOLEAN         NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
