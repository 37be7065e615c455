-- SES SMTP logins. allowed_from and error_history are JSON arrays; protected_password is ciphertext.
CREATE TABLE smtp_users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    owner_user_id TEXT NOT NULL,
    allowed_from TEXT NOT NULL,
    status TEXT NOT NULL,
    iam_user_name TEXT NOT NULL UNIQUE,
    access_key_id TEXT,
    protected_password TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error TEXT,
    error_history TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL,
    last_rotated_at TEXT,
    lease_owner TEXT,
    lease_until TEXT
);
CREATE INDEX ix_smtp_users_status ON smtp_users (status, next_attempt_at);
CREATE INDEX ix_smtp_users_created_at ON smtp_users (created_at);
