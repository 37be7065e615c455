-- The audit page filters by who and by action, newest first.
CREATE INDEX ix_audit_log_actor ON audit_log (actor_id, sequence);
CREATE INDEX ix_audit_log_action ON audit_log (action, sequence);

-- SES configuration-set events of mail sent with SMTP credentials. The key makes a redelivered
-- event count once; smtp_user_id is '' when the sender matched no credential.
CREATE TABLE outbound_events (
    ses_message_id TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    smtp_user_id   TEXT NOT NULL,
    at             TEXT NOT NULL,
    caller         TEXT,
    source         TEXT,
    detail         TEXT,
    recipients     INTEGER NOT NULL,
    PRIMARY KEY (ses_message_id, event_type)
);
CREATE INDEX ix_outbound_events_at ON outbound_events (at, smtp_user_id);
