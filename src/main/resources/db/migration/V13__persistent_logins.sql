-- The moderator's sign-ins move to Spring Security's persistent remember-me table (JdbcTokenRepositoryImpl's
-- columns). token: not the token itself but a SHA-256 of it with the password hash signed in with (see
-- identity.ModeratorSignIns): the database alone signs nobody in, and a new password ends every sign-in.
-- Portable: H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE persistent_logins (
    username    VARCHAR(200)    NOT NULL,
    series      VARCHAR(64)     NOT NULL PRIMARY KEY,
    token       VARCHAR(64)     NOT NULL,
    last_used   TIMESTAMP       NOT NULL
);

-- The table it replaces: a moderator signed in before this version signs in again.
DROP TABLE moderator_sessions;
