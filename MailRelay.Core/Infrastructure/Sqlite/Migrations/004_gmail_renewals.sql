-- Every completed Gmail connect or renewal, kept as the user's history. waiting_at_renewal is how
-- many of the user's deliveries waited at that moment (the "of N" of the progress after a renewal).
CREATE TABLE gmail_renewals (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id            TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    at                 TEXT NOT NULL,
    gmail_address      TEXT NOT NULL,
    scopes             TEXT NOT NULL,
    expires_at         TEXT,
    waiting_at_renewal INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_gmail_renewals_user ON gmail_renewals (user_id, at);

-- Consent flows started and not yet finished. Keyed by the SHA-256 of the OAuth state (the state
-- itself is never stored), bound to the user, single-use (taken with DELETE … RETURNING) and
-- short-lived; the PKCE verifier is encrypted through ISecretProtector.
CREATE TABLE gmail_consent_requests (
    state_hash              TEXT PRIMARY KEY,
    user_id                 TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    protected_code_verifier TEXT NOT NULL,
    redirect_uri            TEXT NOT NULL,
    created_at              TEXT NOT NULL,
    expires_at              TEXT NOT NULL
);
CREATE INDEX ix_gmail_consent_requests_expires ON gmail_consent_requests (expires_at);

-- The per-user queue summary of My Gmail (counts and oldest waiting delivery of one user).
CREATE INDEX ix_deliveries_user_status ON deliveries (user_id, status, created_at);
