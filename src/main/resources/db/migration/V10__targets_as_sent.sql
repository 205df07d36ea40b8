-- What a client sent as a note's target, kept so that a round trip loses nothing (issue 15): the selector as sent
-- (JSON, as the client wrote it), which selector decided where the note went, and the annotation's canonical and
-- via IRIs when the client gave them. Null for notes written through the forms and for notes from before.
-- Portable SQL: H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE notes ADD COLUMN target_as_sent VARCHAR(65536);
ALTER TABLE notes ADD COLUMN anchored_by VARCHAR(200);
ALTER TABLE notes ADD COLUMN canonical_iri VARCHAR(2000);
ALTER TABLE notes ADD COLUMN via_iri VARCHAR(2000);
