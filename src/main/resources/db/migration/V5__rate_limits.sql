-- Token buckets of the per-client write limits (Bucket4j's JDBC layout), shared by every instance.
CREATE TABLE rate_limit_buckets (
    id          VARCHAR(200)    NOT NULL PRIMARY KEY,
    state       BYTEA,
    expires_at  BIGINT
);
