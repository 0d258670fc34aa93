-- Evidence files (attachments) an accepted envelope announced, one row each. The envelope names them; their bytes
-- arrive after it as separately uploaded segments, and the message is delivered only once every file is complete,
-- so this is the receiver's durable state of each transfer. A row is inserted in the envelope's own transaction, so a
-- message is never kept without the files it announced, nor a file without its message.
-- file_id is the sender's random choice (32 lowercase hex digits): the upload URL names it. header is the file's MLFA
-- header as announced, segment_size and the lengths are in bytes, sha256 is the plaintext's hash as the sender
-- declared it (lowercase hex). Segments 0 .. next_segment - 1 are stored and verified: an upload advances next_segment
-- from the value it expects, so of two uploads of one segment only one counts. completed_at is when the last one was;
-- failed says why the transfer was given up (a hash that does not match, say). Instants are text in the C collation,
-- as in 0001.
CREATE TABLE exchange_transfers (
    file_id              TEXT NOT NULL PRIMARY KEY,
    sender_authority     TEXT NOT NULL,
    message_id           TEXT NOT NULL,
    recipient_authority  TEXT NOT NULL,
    header               BYTEA NOT NULL,
    plaintext_length     BIGINT NOT NULL,
    ciphertext_length    BIGINT NOT NULL,
    segment_size         INTEGER NOT NULL,
    segment_count        BIGINT NOT NULL,
    sha256               TEXT NOT NULL,
    next_segment         BIGINT NOT NULL DEFAULT 0,
    completed_at         TEXT COLLATE "C",
    failed               TEXT,
    FOREIGN KEY (sender_authority, message_id) REFERENCES exchange_inbox (sender_authority, message_id),
    -- A transfer ends once, either way, and is complete only with every segment in.
    CHECK (next_segment BETWEEN 0 AND segment_count),
    CHECK (completed_at IS NULL OR failed IS NULL),
    CHECK (completed_at IS NULL OR next_segment = segment_count)
);
-- The files of one message, to tell whether all are complete.
CREATE INDEX exchange_transfers_by_message ON exchange_transfers (sender_authority, message_id);
