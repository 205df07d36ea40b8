-- Highlight colours of passage notes (issue 20). Portable: H2 (PostgreSQL mode) and PostgreSQL.
-- The colour's key (yellow, green, blue, pink, purple: notes.HighlightColour), on the note and on its narrow row in
-- note_places, from which the page's grouped read of the passages marks them without reading the notes. NULL: the
-- default highlight (a whole-paragraph note, a reply, a passage note written before colours or sent without one).
ALTER TABLE notes ADD COLUMN colour VARCHAR(20);
ALTER TABLE note_places ADD COLUMN colour VARCHAR(20);
