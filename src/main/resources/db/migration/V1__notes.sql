-- Portable SQL: runs unchanged on H2 (the embedded default) and on PostgreSQL.

-- Readers without accounts: an author is the holder of a random secret; only its hash is stored.
CREATE TABLE authors (
    secret_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(80),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE notes (
    id              VARCHAR(32)     NOT NULL PRIMARY KEY,
    article_slug    VARCHAR(200)    NOT NULL,
    -- the paragraph the note was written on, as it was then (re-anchoring uses the hash and the text)
    block_id        VARCHAR(120)    NOT NULL,
    block_position  INTEGER         NOT NULL,
    block_hash      VARCHAR(64)     NOT NULL,
    block_text      VARCHAR(100000) NOT NULL,
    parent_id       VARCHAR(32)     REFERENCES notes (id),
    author_hash     VARCHAR(64)     NOT NULL REFERENCES authors (secret_hash),
    author_name     VARCHAR(80)     NOT NULL,
    body            VARCHAR(40000)  NOT NULL,
    -- rendered once when written, by the server's safe renderer; never taken from a client
    body_html       VARCHAR(400000) NOT NULL,
    visibility      VARCHAR(10)     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    edited_at       TIMESTAMP WITH TIME ZONE,
    -- a deleted note that still has replies stays as a tombstone so that the thread keeps its place
    deleted         BOOLEAN         NOT NULL DEFAULT FALSE,
    version         INTEGER         NOT NULL,
    CONSTRAINT notes_visibility CHECK (visibility IN ('public', 'private'))
);

CREATE INDEX notes_by_article ON notes (article_slug, created_at, id);
CREATE INDEX notes_by_parent ON notes (parent_id);
