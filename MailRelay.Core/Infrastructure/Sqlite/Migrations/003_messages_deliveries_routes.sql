-- Received messages in received order (sequence). The raw bytes live in the blob store.
CREATE TABLE messages (
    sequence          INTEGER PRIMARY KEY AUTOINCREMENT,
    id                TEXT NOT NULL UNIQUE,
    source            TEXT NOT NULL,
    received_at       TEXT NOT NULL,
    blob_key          TEXT NOT NULL,
    size_bytes        INTEGER NOT NULL,
    recipients        TEXT NOT NULL,
    spam_verdict      TEXT,
    virus_verdict     TEXT,
    spf_verdict       TEXT,
    dkim_verdict      TEXT,
    dmarc_verdict     TEXT,
    header_from       TEXT,
    header_to         TEXT,
    subject           TEXT,
    header_date       TEXT,
    header_message_id TEXT,
    parse_problem     TEXT,
    blob_deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_messages_received_at ON messages (received_at);

-- One delivery per (message, target): target_key is the user id, or '~' || recipient when no user.
CREATE TABLE deliveries (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id       TEXT NOT NULL REFERENCES messages (id),
    message_sequence INTEGER NOT NULL,
    recipient        TEXT NOT NULL,
    user_id          TEXT,
    target           TEXT NOT NULL,
    target_key       TEXT NOT NULL,
    status           TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    external_id      TEXT,
    mark_as_spam     INTEGER NOT NULL DEFAULT 0,
    lease_owner      TEXT,
    lease_until      TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (message_id, target_key)
);
CREATE INDEX ix_deliveries_status_sequence ON deliveries (status, message_sequence);
CREATE INDEX ix_deliveries_lane ON deliveries (user_id, target, message_sequence);
CREATE INDEX ix_deliveries_message ON deliveries (message_id);

-- Every attempt and every change of status, for the message detail's timeline.
CREATE TABLE delivery_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
    at          TEXT NOT NULL,
    status      TEXT NOT NULL,
    detail      TEXT
);
CREATE INDEX ix_delivery_events_delivery ON delivery_events (delivery_id);

CREATE TABLE routes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    pattern    TEXT NOT NULL UNIQUE,
    actions    TEXT NOT NULL,
    hold_spam  INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
