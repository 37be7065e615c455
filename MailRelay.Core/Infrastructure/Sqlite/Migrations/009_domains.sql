-- The sending/receiving domains on the DNS page. Names are stored lower-cased, without a trailing dot.
CREATE TABLE domains (
    name TEXT PRIMARY KEY,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
);
