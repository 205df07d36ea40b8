-- Moderation: hidden notes, readers' flags, and the moderator's sign-ins. Portable: H2 (PostgreSQL mode) and
-- PostgreSQL.

-- A hidden note (and the replies under it) is shown to the moderator alone.
ALTER TABLE notes ADD COLUMN hidden BOOLEAN DEFAULT FALSE NOT NULL;

-- One flag per note and reader: the reader is 'author:' + their secret's hash, or 'ip:' + a hash of their
-- address when they have never written. Gone with the note.
CREATE TABLE note_flags (
    note_id     VARCHAR(32)     NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    flagger     VARCHAR(80)     NOT NULL,
    reason      VARCHAR(20)     NOT NULL,
    detail      VARCHAR(2000),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (note_id, flagger)
);

CREATE INDEX note_flags_by_time ON note_flags (created_at);

-- The moderator's signed-in browsers: only a hash of each random token is stored; any instance can check it.
-- credential: a hash of the password hash it was signed in with (a new password ends every sign-in).
CREATE TABLE moderator_sessions (
    token_hash  VARCHAR(64)     NOT NULL PRIMARY KEY,
    credential  VARCHAR(64)     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
