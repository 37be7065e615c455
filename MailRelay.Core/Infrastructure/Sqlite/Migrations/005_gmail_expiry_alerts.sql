-- The token (by its issue time) the "expires tomorrow" email was sent for: once per token.
ALTER TABLE gmail_connections ADD COLUMN expiry_alert_for TEXT;
CREATE INDEX ix_gmail_connections_expires_at ON gmail_connections (expires_at);
