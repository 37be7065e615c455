-- Users are keyed by the sign-in issuer's subject; roles are refreshed at every sign-in.
CREATE TABLE users (
    id              TEXT PRIMARY KEY,
    email           TEXT NOT NULL,
    display_name    TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    last_sign_in_at TEXT NOT NULL
);
CREATE INDEX ix_users_email ON users (email);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE TABLE audit_log (
    sequence       INTEGER PRIMARY KEY AUTOINCREMENT,
    at             TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT NOT NULL,
    detail         TEXT,
    correlation_id TEXT
);
CREATE INDEX ix_audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
