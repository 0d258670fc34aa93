-- The exchange inbox: every envelope accepted from another authority's node, kept exactly as it arrived (sealed:
-- the ciphertext, never the payload) for the chain of custody. Its key is the sender and the sender's message id:
-- a message is taken once, so a replay, or a sender's retry of a delivery that did arrive, inserts nothing.
-- The header's routing fields sit beside the envelope, so an auditor can read who sent what to whom, and when,
-- without opening anything. Instants are text in the C collation, as in 0001.
CREATE TABLE exchange_inbox (
    sender_authority     TEXT NOT NULL,
    message_id           TEXT NOT NULL,
    recipient_authority  TEXT NOT NULL,
    request_id           TEXT NOT NULL,
    message_type         TEXT NOT NULL,
    created_at           TEXT COLLATE "C" NOT NULL,
    received_at          TEXT COLLATE "C" NOT NULL,
    envelope             BYTEA NOT NULL,
    PRIMARY KEY (sender_authority, message_id)
);
-- What an authority received, in order.
CREATE INDEX exchange_inbox_by_recipient ON exchange_inbox (recipient_authority, received_at);
