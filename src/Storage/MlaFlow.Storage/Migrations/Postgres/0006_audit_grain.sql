-- Each audit record names the grain whose state it hashes (request/CN-MOJ-2026-000001, authority/CN-MOJ), so that
-- audit verify can check the live rows: every grain's stored state must hash to its last record's state_sha256. The
-- grain is part of the record's hash from here on; records written before stay as they were (NULL), and the verifier
-- tells their grain from their action and request id, as MlaFlow wrote them.
ALTER TABLE audit_log ADD COLUMN grain TEXT;
