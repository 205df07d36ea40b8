-- Every paragraph id an article has ever had, with the text it last had, so that old links keep working:
-- an id that is gone re-anchors to the paragraph that holds its text now.
CREATE TABLE block_history (
    article_slug    VARCHAR(200)    NOT NULL,
    block_id        VARCHAR(120)    NOT NULL,
    block_position  INTEGER         NOT NULL,
    block_text      VARCHAR(100000) NOT NULL,
    last_seen       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (article_slug, block_id)
);
