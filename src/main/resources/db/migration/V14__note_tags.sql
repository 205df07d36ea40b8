-- Tags on notes (W3C: a TextualBody with purpose "tagging"). Portable: H2 (PostgreSQL mode) and PostgreSQL.
-- A tag is stored as the author wrote it (at most 40 characters, at most 10 per note); tag_key is its lower-case
-- form, which filters, counts and the one-tag-once rule use, so "Energy" and "energy" are one tag. The columns are
-- wider than 40: the rule counts code points, H2 counts UTF-16 units (an emoji is two), and lower-casing can
-- lengthen a tag ("İ" is two code points lower-case).
CREATE TABLE note_tags (
    note_id       VARCHAR(32)  NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    article_slug  VARCHAR(200) NOT NULL,
    tag_key       VARCHAR(160) NOT NULL,
    tag           VARCHAR(160) NOT NULL,
    position      INTEGER      NOT NULL,
    PRIMARY KEY (note_id, tag_key)
);

-- the tag filter and the article's tag list with counts
CREATE INDEX note_tags_by_tag ON note_tags (article_slug, tag_key, note_id);
