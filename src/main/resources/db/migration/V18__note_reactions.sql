-- Readers' reactions to notes ("Useful"): one row per note, reaction and reader, so a reader counts once however
-- often (or however many times at once) they press; a second press takes the row away. The reader is
-- identity.ReaderKey: 'author:' + their secret's hash, or 'ip:' + a hash of their address when they present no
-- secret (as note_flags). Gone with the note. Portable: H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE note_reactions (
    note_id       VARCHAR(32)  NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    reaction      VARCHAR(20)  NOT NULL,
    reader        VARCHAR(80)  NOT NULL,
    article_slug  VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (note_id, reaction, reader)
);

-- an article's counts in one grouped read (the margin sorted by most useful), and a reader's own reactions on it
CREATE INDEX note_reactions_by_article ON note_reactions (article_slug, reaction, note_id);
CREATE INDEX note_reactions_by_reader ON note_reactions (reader, article_slug);
