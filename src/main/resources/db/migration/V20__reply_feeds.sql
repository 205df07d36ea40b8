-- Feeds (issue 20): the address of a reader's feed of replies to their notes, a capability URL. Portable: H2
-- (PostgreSQL mode) and PostgreSQL.

-- One per author, made when they ask for it on "My notes": a random 256-bit token (never the author secret, nor
-- anything derived from it or from public data), replaced when they renew the address and deleted when they stop
-- the feed, so that an old address answers 404. The feed holds other readers' public replies alone. No foreign key
-- to authors: a reader may ask before their first note is stored.
CREATE TABLE reply_feeds (
    author_hash     VARCHAR(64)     NOT NULL PRIMARY KEY,
    token           VARCHAR(64)     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reply_feeds_by_token UNIQUE (token)
);

