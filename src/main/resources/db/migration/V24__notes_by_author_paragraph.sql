-- An author's notes on one paragraph, counted at each of their writes against marginalia.limits.notes-per-paragraph
-- (NoteReadModel.countOnParagraph): read from this index alone, as many entries as the author has notes there.
-- Before it, H2 read every note of the author (by its foreign key's index on author_hash) and PostgreSQL every note
-- of the article, so that a write cost more the more notes its author or the article had.
CREATE INDEX notes_by_author_paragraph ON notes (author_hash, article_slug, block_id, deleted);
