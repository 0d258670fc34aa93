-- MlaFlow schema, PostgreSQL dialect. Instants are fixed-width ISO 8601 UTC text in the C collation,
-- so they sort as text exactly as in the SQLite schema.

-- One row per grain: its JSON state, tagged with the state type and format version, and the columns
-- lists filter on. etag is a counter: every write must name the value it read (optimistic concurrency).
CREATE TABLE grain_state (
    grain_type        TEXT    NOT NULL,
    grain_key         TEXT    NOT NULL,
    state_type        TEXT    NOT NULL,
    state_version     BIGINT NOT NULL,
    etag              BIGINT NOT NULL,
    payload           TEXT    NOT NULL,
    owner             TEXT,
    kind              TEXT,
    status            TEXT,
    requesting_state  TEXT,
    requested_state   TEXT,
    deadline_at       TEXT COLLATE "C",
    external_key      TEXT,
    created_at        TEXT COLLATE "C"    NOT NULL,
    updated_at        TEXT COLLATE "C"    NOT NULL,
    PRIMARY KEY (grain_type, grain_key)
);
CREATE INDEX grain_state_by_owner ON grain_state (grain_type, owner, created_at);
CREATE UNIQUE INDEX grain_state_external_key ON grain_state (grain_type, owner, external_key) WHERE external_key IS NOT NULL;

-- Append-only audit log, one hash chain per authority: hash = SHA-256 over the record and prev_hash.
CREATE TABLE audit_log (
    authority_id  TEXT    NOT NULL,
    seq           BIGINT NOT NULL,
    at            TEXT COLLATE "C"    NOT NULL,
    actor         TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    request_id    TEXT,
    state_sha256  TEXT    NOT NULL,
    prev_hash     TEXT    NOT NULL,
    hash          TEXT    NOT NULL,
    PRIMARY KEY (authority_id, seq)
);

-- The last link of each chain. Appends lock this row, so two writers never take the same seq.
CREATE TABLE audit_heads (
    authority_id TEXT    NOT NULL PRIMARY KEY,
    seq          BIGINT NOT NULL,
    hash         TEXT    NOT NULL
);

-- Durable reminders. A node claims a due row by setting a lease; the lease expires if the node dies.
CREATE TABLE reminders (
    grain_type   TEXT    NOT NULL,
    grain_key    TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    due_at       TEXT COLLATE "C"    NOT NULL,
    period_ms    BIGINT,
    lease_owner  TEXT,
    lease_until  TEXT COLLATE "C",
    PRIMARY KEY (grain_type, grain_key, name)
);
CREATE INDEX reminders_by_due ON reminders (due_at);

-- Requests as an auditor reads them.
CREATE VIEW requests AS
SELECT grain_key AS id, owner AS authority_id, kind, status, requesting_state, requested_state,
       deadline_at, created_at, updated_at, payload
FROM grain_state WHERE grain_type = 'request';
