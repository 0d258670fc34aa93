-- Reminders move onto Orleans' reminder service, which reads this table through MlaFlow's IReminderTable (docs/storage.md).
-- The leases of 0001 go: Orleans gives each reminder to one silo by the hash of its grain, grain_hash, a 32-bit unsigned
-- value. start_at is when the reminder first falls due (ISO 8601 UTC text, as in 0001), period_ms how often it then
-- ticks; Orleans' periods are a minute at least, so a deadline is a reminder its grain removes once it has acted. etag
-- is a counter moved on each change. Every pending reminder is kept: due times stay, a one-shot deadline gets the
-- minute period, and the hash (which SQL cannot compute) is filled in by the node before its first read of the table.
CREATE TABLE reminders_next (
    grain_type  TEXT    NOT NULL,
    grain_key   TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    grain_hash  INTEGER CHECK (grain_hash BETWEEN 0 AND 4294967295),
    start_at    TEXT    NOT NULL,
    period_ms   INTEGER NOT NULL CHECK (period_ms >= 60000),
    etag        INTEGER NOT NULL,
    PRIMARY KEY (grain_type, grain_key, name)
);
INSERT INTO reminders_next (grain_type, grain_key, name, grain_hash, start_at, period_ms, etag)
SELECT grain_type, grain_key, name, NULL, due_at, MAX(COALESCE(period_ms, 60000), 60000), 1 FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_next RENAME TO reminders;
-- A silo's share of the ring.
CREATE INDEX reminders_by_hash ON reminders (grain_hash);
