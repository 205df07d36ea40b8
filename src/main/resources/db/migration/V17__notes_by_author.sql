-- "My notes" (issue 19): a reader's own notes and replies across articles, newest first, a page at a time, and how
-- many there are. Ranked on the narrow rows of note_places, by an index that starts with what the page asks for (the
-- author, not deleted, not hidden) and keeps their rows in the page's order, so that a page and the count cost the
-- same whether the author wrote ten notes or 100,000 (the benchmark's seed has one author). Portable: H2 (PostgreSQL
-- mode) and PostgreSQL.
CREATE INDEX note_places_by_author ON note_places (author_hash, deleted, hidden, created_at, note_id);
