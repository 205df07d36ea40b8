-- A reply to a private note is private too. Portable: H2 (PostgreSQL mode) and PostgreSQL.

-- The API and the import always said so; the plain reply form did not, and such a public reply was counted in the
-- container's total and listed in its pages for everyone, its target naming the private note.
UPDATE notes SET visibility = 'private'
    WHERE visibility = 'public' AND parent_id IN (SELECT p.id FROM notes p WHERE p.visibility = 'private');
UPDATE note_places SET visibility = 'private'
    WHERE visibility = 'public' AND parent_id IN (SELECT p.note_id FROM note_places p WHERE p.visibility = 'private');
