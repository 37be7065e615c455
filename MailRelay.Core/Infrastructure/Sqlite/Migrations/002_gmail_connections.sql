-- One Gmail grant per user. The refresh token is stored only encrypted (ISecretProtector).
CREATE TABLE gmail_connections (
    user_id                 TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    gmail_address           TEXT NOT NULL,
    protected_refresh_token TEXT NOT NULL,
    scopes                  TEXT NOT NULL,
    issued_at               TEXT NOT NULL,
    expires_at              TEXT,
    status                  TEXT NOT NULL,
    failure_count           INTEGER NOT NULL DEFAULT 0,
    last_error              TEXT,
    last_error_at           TEXT
);
